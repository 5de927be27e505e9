/**
 * Test-only (reads node_modules): tiktoken's r50k_base test plans, shipped with
 * gpt-tokenizer as data/TestPlans.txt, and tiktoken's own rank file
 * data/r50k_base.tiktoken. Both are independent of the JS rank table we import.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const dataDir = join(dirname(createRequire(import.meta.url).resolve('gpt-tokenizer/package.json')), 'data');

export interface TestPlan {
  sample: string;
  encoded: number[];
}

/** Blocks of "EncodingName: …\nSample: …\nEncoded: [...]" separated by blank lines. */
export function r50kTestPlans(): TestPlan[] {
  const text = readFileSync(join(dataDir, 'TestPlans.txt'), 'utf8');
  const plans: TestPlan[] = [];
  const block = /^EncodingName: (\S+)\nSample: (.*)\nEncoded: (\[.*\])$/gm;
  for (const [, name, sample, encoded] of text.matchAll(block)) {
    if (name === 'r50k_base') plans.push({ sample, encoded: JSON.parse(encoded) });
  }
  return plans;
}

/** `base64-bytes rank` lines of tiktoken's r50k_base.tiktoken. */
export function r50kTiktokenRanks(): Array<[bytes: Uint8Array, rank: number]> {
  const text = readFileSync(join(dataDir, 'r50k_base.tiktoken'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [b64, rank] = line.split(' ');
      return [new Uint8Array(Buffer.from(b64, 'base64')), Number(rank)];
    });
}
