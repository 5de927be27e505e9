import { describe, expect, it } from 'vitest';
import { recentMean, trainingPhase } from './phase';

const val = (...losses: number[]) => losses.map((loss, i) => ({ step: i * 25, loss }));

describe('trainingPhase', () => {
  const K = 2554; // ln K ≈ 7.85
  it('reads the run as the lesson tells it', () => {
    expect(trainingPhase({ losses: [], valLosses: [], vocab: K, finished: false })).toBe('not-started');
    expect(trainingPhase({ losses: [7.9, 7.8], valLosses: val(7.85), vocab: K, finished: false })).toBe('start');
    expect(trainingPhase({ losses: [7.9, 6.1, 5.2], valLosses: val(7.85, 6.3), vocab: K, finished: false })).toBe('learning');
    expect(trainingPhase({ losses: [7.9, 5, 4], valLosses: val(7.85, 6.3, 6.32), vocab: K, finished: false })).toBe('learning'); // within noise
    expect(trainingPhase({ losses: [7.9, 5, 4, 3.6], valLosses: val(7.85, 6.3, 6.6), vocab: K, finished: false })).toBe('overfitting');
    expect(trainingPhase({ losses: [7.9, 5, 4], valLosses: val(7.85, 6.3, 6.2), vocab: K, finished: true })).toBe('done');
    expect(trainingPhase({ losses: [7.9, 5, 4], valLosses: val(7.85, 6.3, 6.9), vocab: K, finished: true })).toBe('overfitting');
  });
  it('smooths the training loss over the last steps', () => {
    expect(recentMean([1, 2, 3, 4], 2)).toBe(3.5);
    expect(recentMean([], 5)).toBe(0);
  });
});
