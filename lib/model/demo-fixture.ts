// Shared by the tests: the demo model, built in memory once per test process.

import type { GPT2Config } from './config';
import type { Checkpoint } from './checkpoint';
import { Decoder } from './decoder';
import { buildDemoCheckpoint, DEMO_CONFIG } from './demo-checkpoint';
import { buildDecoderGraph } from './export/decoder-graph';
import { encodeModel } from './export/graph-builder';

export const FIXTURE_SEED = 1234;

/** "Hello world, attention is all you need." in GPT-2 tokens. */
export const HELLO_IDS = [15496, 995, 11, 3241, 318, 477, 345, 761, 13];

const checkpoints = new Map<string, Checkpoint>();

export function demoCheckpoint(config: GPT2Config = DEMO_CONFIG): Checkpoint {
  const key = JSON.stringify(config);
  if (!checkpoints.has(key)) checkpoints.set(key, buildDemoCheckpoint(config, FIXTURE_SEED));
  return checkpoints.get(key)!;
}

export async function demoDecoder(config: GPT2Config = DEMO_CONFIG): Promise<Decoder> {
  const { weights } = demoCheckpoint(config);
  return Decoder.load(encodeModel(buildDecoderGraph(config, weights)), config);
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
