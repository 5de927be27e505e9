import { describe, expect, it } from 'vitest';
import { warmupFor } from './options';
import { learningRate } from './schedule';

describe('learningRate', () => {
  const s = { lr: 1e-3, minLr: 1e-4, warmupSteps: 10, steps: 110 };
  it('warms up linearly, peaks, and decays by a cosine to minLr at the last step', () => {
    expect(learningRate(0, s)).toBeCloseTo(1e-4, 12);
    expect(learningRate(4, s)).toBeCloseTo(5e-4, 12);
    expect(learningRate(10, s)).toBeCloseTo(1e-3, 12);
    expect(learningRate(10 + 99 / 2, s)).toBeCloseTo((1e-3 + 1e-4) / 2, 12);
    expect(learningRate(109, s)).toBeCloseTo(1e-4, 12);
    for (let i = 11; i < 110; i++) expect(learningRate(i, s)).toBeLessThan(learningRate(i - 1, s));
  });
});

describe('warm-up of a run', () => {
  it('is the configured one, at most a tenth of a short run (rounded up)', () => {
    expect(warmupFor(600, 20)).toBe(20);
    expect(warmupFor(100, 20)).toBe(10);
    expect(warmupFor(3, 20)).toBe(1);
  });
});
