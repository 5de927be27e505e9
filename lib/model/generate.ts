// The generation loop, read aloud:
//   1. fit the prompt into the window (keep its end if it is too long)
//   2. prefill: encode the prompt once, filling the KV cache → logits for the next token
//   3. choose a token (greedy or sampled with a seeded rng) and yield it
//   4. stop at <|endoftext|>, at maxNewTokens, or when the signal aborts
//   5. otherwise feed that one token (step) → new logits; if the window is full, slide: re-encode the
//      last W tokens at positions 0..W−1 (GPT-2's positions are absolute, so cached K/V can't shift).
//      Without the cache (kvCache: false) every step re-encodes the whole sequence instead.

import { EOT_TOKEN_ID } from './config';
import type { Decoder } from './decoder';
import { mulberry32 } from './prng';
import { argmax, sample, softmax, topIndices, type SamplingParams } from './sampling';

export interface GenerateOptions extends SamplingParams {
  maxNewTokens: number;
  /** Always take the most likely token (same as temperature 0). */
  greedy?: boolean;
  /** Seed of the sampling rng (mulberry32). Default 0. */
  seed?: number;
  /** Stop after emitting <|endoftext|> (id 50256). Default true. */
  stopAtEot?: boolean;
  /** Abort to stop: the loop ends (no error) before the next forward pass. */
  signal?: AbortSignal;
  /** Clock in ms for the per-token timings. Default performance.now. */
  now?: () => number;
  /** Tokens kept when the window fills mid-generation. Default ¾ of blockSize. */
  windowKeep?: number;
  /** Report the model's n most likely tokens at each step (softmax at temperature 1). Default 0. */
  topN?: number;
  /**
   * false: no KV cache, as a comparison: each new token re-encodes the whole sequence so far (a
   * forward pass over every position) instead of one step. Same tokens, more work. Default true.
   */
  kvCache?: boolean;
}

export interface Candidate {
  id: number;
  /** softmax(logits) at temperature 1: what the model itself believes, whatever the sampling settings. */
  prob: number;
}

export interface GeneratedToken {
  id: number;
  /** 0 for the first new token. */
  index: number;
  /** Time spent producing this token (the prefill, for index 0). */
  ms: number;
  /** With `topN`: the chosen token's probability and the n most likely at this step. */
  prob?: number;
  top?: Candidate[];
}

/** The chosen token's probability and the n most likely tokens, from one step's logits. */
export function stepCandidates(logits: ArrayLike<number>, chosen: number, n: number): { prob: number; top: Candidate[] } {
  const p = softmax(logits);
  return { prob: p[chosen], top: topIndices(p, n).map((id) => ({ id, prob: p[id] })) };
}

/** The prompt's tail that fits: longer than the window → the last max(blockSize − maxNewTokens, blockSize/2) tokens. */
export function fitPrompt(promptIds: readonly number[], blockSize: number, maxNewTokens: number): number[] {
  const ids = promptIds.length ? [...promptIds] : [EOT_TOKEN_ID]; // GPT-2 starts from <|endoftext|>
  if (ids.length <= blockSize) return ids;
  const keep = Math.max(blockSize - maxNewTokens, Math.floor(blockSize / 2));
  return ids.slice(-keep);
}

export async function* generate(decoder: Decoder, promptIds: readonly number[], opts: GenerateOptions): AsyncGenerator<GeneratedToken> {
  const { blockSize } = decoder.config;
  const now = opts.now ?? (() => performance.now());
  const params: SamplingParams = opts.greedy ? { temperature: 0 } : opts;
  const rng = mulberry32(opts.seed ?? 0);
  const stopAtEot = opts.stopAtEot ?? true;
  const windowKeep = Math.max(1, Math.min(opts.windowKeep ?? Math.floor((blockSize * 3) / 4), blockSize));
  if (opts.maxNewTokens <= 0 || opts.signal?.aborted) return;

  let t0 = now();
  let logits = await decoder.prefill(fitPrompt(promptIds, blockSize, opts.maxNewTokens));
  for (let index = 0; index < opts.maxNewTokens; index++) {
    if (opts.signal?.aborted) return;
    const id = params.temperature === 0 ? argmax(logits) : sample(logits, params, rng);
    const ms = now() - t0;
    yield opts.topN ? { id, index, ms, ...stepCandidates(logits, id, opts.topN) } : { id, index, ms };
    if ((stopAtEot && id === EOT_TOKEN_ID) || index === opts.maxNewTokens - 1 || opts.signal?.aborted) return;
    t0 = now();
    if (decoder.length >= blockSize) {
      const kept = decoder.tokens.slice(decoder.tokens.length - (windowKeep - 1));
      logits = await decoder.prefill([...kept, id]); // slide
    } else if (opts.kvCache === false) {
      logits = await decoder.prefill([...decoder.tokens, id]); // recompute every position
    } else {
      logits = await decoder.step(id);
    }
  }
}
