// The measured work of one benchmark run, shared by the browser workers and the Node child: a
// 32-token prompt, then greedy tokens one at a time. Browser-safe (no Node imports).

import type { GPT2Config } from '@/lib/model/config';
import type { Decoder } from '@/lib/model/decoder';
import { run, type Session, type Tensor } from '@/lib/model/ort';
import { argmax } from '@/lib/model/sampling';

/** The benchmark prompt: fixed, tokenizer-free ids (the same as scripts/model-bench.ts). */
export function benchPrompt(length: number): number[] {
  return Array.from({ length }, (_, i) => (i * 7919 + 13) % 50000);
}

export interface GreedyTiming {
  prefillMs: number; // prompt → first logits
  decodeMs: number; // the newTokens − 1 steps after it
  tokPerSec: number; // (newTokens − 1) / decodeMs
  /** The steps' own times: median and 90th percentile (stalls show in p90, not in the median). */
  stepMs?: { p50: number; p90: number };
  ids: number[];
}

/** Median and 90th percentile of step times. */
export function stepPercentiles(stepsMs: readonly number[]): { p50: number; p90: number } | undefined {
  if (stepsMs.length === 0) return undefined;
  const s = [...stepsMs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p90: at(0.9) };
}

function timing(prefillMs: number, stepsMs: number[], ids: number[]): GreedyTiming {
  const decodeMs = stepsMs.reduce((a, b) => a + b, 0);
  return {
    prefillMs,
    decodeMs,
    tokPerSec: ids.length > 1 ? ((ids.length - 1) * 1000) / decodeMs : 0,
    stepMs: stepPercentiles(stepsMs),
    ids,
  };
}

/** Greedy decoding with each step timed: step(lastId) → the next logits. */
async function timedSteps(ids: number[], newTokens: number, step: (id: number) => Promise<Float32Array>): Promise<number[]> {
  const steps: number[] = [];
  while (ids.length < newTokens) {
    const t = performance.now();
    ids.push(argmax(await step(ids.at(-1)!)));
    steps.push(performance.now() - t);
  }
  return steps;
}

/** The project's runtime: decoder graph, new-K/V outputs, cache kept in JS. */
export async function decoderGreedy(d: Decoder, prompt: number[], newTokens: number): Promise<GreedyTiming> {
  const t = performance.now();
  const ids = [argmax(await d.prefill(prompt))];
  const prefillMs = performance.now() - t;
  return timing(prefillMs, await timedSteps(ids, newTokens, (id) => d.step(id)), ids);
}

/**
 * The raw baseline's forward pass: the Optimum graph (onnx/model.onnx), every present.* fetched
 * each step and fed back as past_key_values.* (what a straightforward onnxruntime-web port does).
 * Returns forward(ids) → the logits after the last of ids, keeping the cache between calls.
 */
export function optimumForward(s: Session, config: GPT2Config): (ids: number[]) => Promise<Float32Array> {
  const { nLayer, nHead, nEmbd, vocabSize: V } = config;
  const fetch = ['logits', ...Array.from({ length: nLayer }, (_, i) => [`present.${i}.key`, `present.${i}.value`]).flat()];
  let past: Record<string, Tensor> = {};
  for (let i = 0; i < nLayer; i++)
    for (const kv of ['key', 'value'])
      past[`past_key_values.${i}.${kv}`] = { dims: [1, nHead, 0, nEmbd / nHead], data: new Float32Array(0) };
  let P = 0;
  const i64 = (xs: number[]) => BigInt64Array.from(xs, BigInt);
  return async (ids: number[]) => {
    const T = ids.length;
    const out = await run(
      s,
      {
        input_ids: { dims: [1, T], data: i64(ids) },
        attention_mask: { dims: [1, P + T], data: i64(new Array(P + T).fill(1)) },
        position_ids: { dims: [1, T], data: i64(ids.map((_, k) => P + k)) },
        ...past,
      },
      fetch,
    );
    past = {};
    for (let i = 0; i < nLayer; i++) for (const kv of ['key', 'value']) past[`past_key_values.${i}.${kv}`] = out[`present.${i}.${kv}`];
    P += T;
    return (out.logits.data as Float32Array).subarray((T - 1) * V);
  };
}

/** The raw baseline, timed: prompt, then greedy tokens one at a time. */
export async function optimumGreedy(s: Session, config: GPT2Config, prompt: number[], newTokens: number): Promise<GreedyTiming> {
  const forward = optimumForward(s, config);
  const t = performance.now();
  const ids = [argmax(await forward(prompt))];
  const prefillMs = performance.now() - t;
  return timing(prefillMs, await timedSteps(ids, newTokens, (id) => forward([id])), ids);
}
