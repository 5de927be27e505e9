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
  ids: number[];
}

function timing(prefillMs: number, decodeMs: number, ids: number[]): GreedyTiming {
  return { prefillMs, decodeMs, tokPerSec: ids.length > 1 ? ((ids.length - 1) * 1000) / decodeMs : 0, ids };
}

/** The project's runtime: decoder graph, new-K/V outputs, cache kept in JS. */
export async function decoderGreedy(d: Decoder, prompt: number[], newTokens: number): Promise<GreedyTiming> {
  let t = performance.now();
  const ids = [argmax(await d.prefill(prompt))];
  const prefillMs = performance.now() - t;
  t = performance.now();
  while (ids.length < newTokens) ids.push(argmax(await d.step(ids.at(-1)!)));
  return timing(prefillMs, performance.now() - t, ids);
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
  for (let i = 0; i < nLayer; i++) for (const kv of ['key', 'value']) past[`past_key_values.${i}.${kv}`] = { dims: [1, nHead, 0, nEmbd / nHead], data: new Float32Array(0) };
  let P = 0;
  const i64 = (xs: number[]) => BigInt64Array.from(xs, BigInt);
  return async (ids: number[]) => {
    const T = ids.length;
    const out = await run(s, {
      input_ids: { dims: [1, T], data: i64(ids) },
      attention_mask: { dims: [1, P + T], data: i64(new Array(P + T).fill(1)) },
      position_ids: { dims: [1, T], data: i64(ids.map((_, k) => P + k)) },
      ...past,
    }, fetch);
    past = {};
    for (let i = 0; i < nLayer; i++) for (const kv of ['key', 'value']) past[`past_key_values.${i}.${kv}`] = out[`present.${i}.${kv}`];
    P += T;
    return (out.logits.data as Float32Array).subarray((T - 1) * V);
  };
}

/** The raw baseline, timed: prompt, then greedy tokens one at a time. */
export async function optimumGreedy(s: Session, config: GPT2Config, prompt: number[], newTokens: number): Promise<GreedyTiming> {
  const forward = optimumForward(s, config);
  let t = performance.now();
  const ids = [argmax(await forward(prompt))];
  const prefillMs = performance.now() - t;
  t = performance.now();
  while (ids.length < newTokens) ids.push(argmax(await forward([ids.at(-1)!])));
  return timing(prefillMs, performance.now() - t, ids);
}
