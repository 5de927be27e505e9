/**
 * What a KV cache costs. Per layer it keeps every cached position's key and value, [P, C] each,
 * as float32:  bytes = 2 (K and V) × nLayer × P × nEmbd × 4.
 * GPT-2 124M: 2 × 12 × 768 = 18,432 numbers per position; 1,024 positions = 72 MiB.
 */

import { median } from '../stats';

export const BYTES_PER_FLOAT32 = 4;

export interface KvShape {
  nLayer: number;
  nEmbd: number;
}

/** Numbers cached per position: 2 × nLayer × nEmbd. */
export function kvNumbersPerPosition(cfg: KvShape): number {
  return 2 * cfg.nLayer * cfg.nEmbd;
}

/** Bytes the cache holds for `positions` positions. */
export function kvCacheBytes(cfg: KvShape, positions: number): number {
  return kvNumbersPerPosition(cfg) * Math.max(0, positions) * BYTES_PER_FLOAT32;
}

/** Binary units, as the lesson uses them: 1 KiB = 1024 B. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let v = bytes;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0)} ${units[u]}`;
}

export interface TokenTiming {
  index: number;
  tokenId: number;
  /** time to produce this token: the whole prompt's forward pass for index 0, one step after */
  ms: number;
  /** KV cache length when the token was emitted */
  cachedPositions: number;
}

export interface TimingSummary {
  /** the first token's time: one forward pass over all prompt tokens */
  prefillMs: number;
  promptTokens: number;
  /** the later tokens' times: one forward pass over one new token each */
  stepMs: number[];
  meanStepMs: number | null;
  medianStepMs: number | null;
}

/** Splits the token events into the prefill and the cached steps. Null before the first token. */
export function timingSummary(events: readonly TokenTiming[], promptTokens: number): TimingSummary | null {
  if (events.length === 0) return null;
  const stepMs = events.slice(1).map((e) => e.ms);
  return {
    prefillMs: events[0].ms,
    promptTokens,
    stepMs,
    meanStepMs: stepMs.length ? stepMs.reduce((a, b) => a + b, 0) / stepMs.length : null,
    medianStepMs: median(stepMs),
  };
}

export interface CacheComparison {
  /** median time of a new token (after the first) with the cache, and without it */
  cachedMs: number;
  uncachedMs: number;
  /** uncachedMs / cachedMs */
  ratio: number;
  /** both runs chose the same tokens (greedy: they must) */
  sameTokens: boolean;
}

/** The same greedy generation with and without the KV cache, side by side. Null until both have steps. */
export function compareRuns(cached: readonly TokenTiming[], uncached: readonly TokenTiming[]): CacheComparison | null {
  const n = Math.min(cached.length, uncached.length);
  const a = median(cached.slice(1, n).map((e) => e.ms));
  const b = median(uncached.slice(1, n).map((e) => e.ms));
  if (a === null || b === null) return null;
  const sameTokens = cached.length === uncached.length && cached.every((e, i) => e.tokenId === uncached[i].tokenId);
  return { cachedMs: a, uncachedMs: b, ratio: b / Math.max(a, 1e-9), sameTokens };
}
