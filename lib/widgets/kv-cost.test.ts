import { describe, expect, it } from 'vitest';
import { compareRuns, formatBytes, kvCacheBytes, kvNumbersPerPosition, timingSummary, type TokenTiming } from './kv-cost';
import { median } from '@/lib/stats';

const GPT2 = { nLayer: 12, nEmbd: 768 };
const DEMO = { nLayer: 2, nEmbd: 64 };

describe('kv cache size', () => {
  it('matches the attention lesson: 18,432 numbers per token, 72 MiB for 1,024 positions', () => {
    expect(kvNumbersPerPosition(GPT2)).toBe(18_432);
    expect(kvCacheBytes(GPT2, 1024)).toBe(18_874_368 * 4);
    expect(formatBytes(kvCacheBytes(GPT2, 1024))).toBe('72.0 MiB');
  });

  it('is 2 × nLayer × positions × nEmbd × 4 bytes for any shape', () => {
    expect(kvCacheBytes(DEMO, 10)).toBe(2 * 2 * 10 * 64 * 4);
    expect(kvCacheBytes(DEMO, 0)).toBe(0);
    expect(kvCacheBytes(DEMO, -3)).toBe(0);
  });

  it('formats bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(5120)).toBe('5.00 KiB');
    expect(formatBytes(73_728)).toBe('72.0 KiB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.00 GiB');
  });
});

describe('timingSummary', () => {
  const ev = (index: number, ms: number) => ({ index, ms, tokenId: 0, cachedPositions: 5 + index });

  it('is null before the first token', () => {
    expect(timingSummary([], 5)).toBeNull();
  });

  it('separates the prefill (first token) from the cached steps', () => {
    const s = timingSummary([ev(0, 40), ev(1, 4), ev(2, 6), ev(3, 5)], 5)!;
    expect(s.prefillMs).toBe(40);
    expect(s.promptTokens).toBe(5);
    expect(s.stepMs).toEqual([4, 6, 5]);
    expect(s.meanStepMs).toBe(5);
    expect(s.medianStepMs).toBe(5);
  });

  it('has no step statistics with a single token', () => {
    const s = timingSummary([ev(0, 40)], 5)!;
    expect(s.meanStepMs).toBeNull();
    expect(s.medianStepMs).toBeNull();
  });

  it('median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('compareRuns', () => {
  const run = (ms: number[], ids = ms.map((_, i) => 100 + i)): TokenTiming[] =>
    ms.map((m, i) => ({ index: i, tokenId: ids[i], ms: m, cachedPositions: 5 + i }));
  it('compares the median step (the prefill left out) and checks the tokens match', () => {
    const c = compareRuns(run([50, 4, 6, 5]), run([50, 40, 60, 45]))!;
    expect(c).toEqual({ cachedMs: 5, uncachedMs: 45, ratio: 9, sameTokens: true });
    expect(compareRuns(run([50, 4, 6]), run([50, 40, 60], [100, 101, 7]))!.sameTokens).toBe(false);
  });
  it('compares only the steps both runs have (one may still be running), and needs a step in each', () => {
    const c = compareRuns(run([50, 4, 6, 5]), run([50, 40]))!;
    expect(c.cachedMs).toBe(4);
    expect(c.sameTokens).toBe(false); // not finished: not yet the same run
    expect(compareRuns(run([50, 4]), run([50]))).toBeNull();
    expect(compareRuns([], run([50, 40]))).toBeNull();
  });
});
