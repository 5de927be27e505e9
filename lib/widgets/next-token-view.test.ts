import { describe, expect, it } from 'vitest';
import { softmax } from '../model/sampling';
import { nextTokenView, removalReason } from './next-token-view';

// 6 tokens; softmax at T = 1 ≈ [0.636, 0.234, 0.086, 0.032, 0.012, 0.0]
const logits = Float32Array.from([0, 5, 1, 4, 3, 2]);
const off = { temperature: 1, topK: 0, topP: 1 };

describe('nextTokenView', () => {
  it('with no filter keeps the whole vocabulary and shows softmax probabilities, most likely first', () => {
    const v = nextTokenView(logits, off, 4);
    expect(v.entries.map((e) => e.id)).toEqual([1, 3, 4, 5]);
    const p = softmax(logits);
    v.entries.forEach((e) => expect(e.prob).toBeCloseTo(p[e.id], 12));
    v.entries.forEach((e) => expect(e.probFiltered).toBeCloseTo(e.prob, 12));
    expect(v.keptTotal).toBe(6);
    expect(v.shownProbSum).toBeCloseTo(p[1] + p[3] + p[4] + p[5], 12);
  });

  it('top-k = 1 leaves one kept token with probability 1', () => {
    const s = { ...off, topK: 1 };
    const v = nextTokenView(logits, s, 6);
    expect(v.keptTotal).toBe(1);
    expect(v.entries.filter((e) => e.removedBy === null).map((e) => [e.id, e.probFiltered])).toEqual([[1, 1]]);
    expect(v.entries.slice(1).every((e) => e.removedBy === 'top-k')).toBe(true);
    expect(removalReason(v.entries[2], 2, s)).toBe('removed by top-k: rank 3 > k = 1');
    expect(v.shownKeptSum).toBe(1);
  });

  it('top-k = 3 renormalizes the three kept ones', () => {
    const v = nextTokenView(logits, { ...off, topK: 3 }, 6);
    const kept = v.entries.filter((e) => e.removedBy === null);
    expect(kept.map((e) => e.id)).toEqual([1, 3, 4]);
    const mass = kept.reduce((a, e) => a + e.prob, 0);
    kept.forEach((e) => expect(e.probFiltered).toBeCloseTo(e.prob / mass, 12));
    expect(v.shownKeptSum).toBeCloseTo(1, 12);
  });

  it('top-p keeps the smallest most-likely set that reaches p, and says why the rest went', () => {
    const s = { ...off, topP: 0.8 }; // 0.636 < 0.8 ≤ 0.636 + 0.234
    const v = nextTokenView(logits, s, 6);
    expect(v.keptTotal).toBe(2);
    expect(v.entries.map((e) => e.removedBy)).toEqual([null, null, 'top-p', 'top-p', 'top-p', 'top-p']);
    expect(removalReason(v.entries[2], 2, s)).toMatch(/top-p.*p = 0\.8/);
    expect(removalReason(v.entries[0], 0, s)).toBeNull();
  });

  it('a lower temperature sharpens, a higher one flattens', () => {
    const cold = nextTokenView(logits, { ...off, temperature: 0.5 }, 1).entries[0].prob;
    const hot = nextTokenView(logits, { ...off, temperature: 2 }, 1).entries[0].prob;
    const base = nextTokenView(logits, off, 1).entries[0].prob;
    expect(cold).toBeGreaterThan(base);
    expect(hot).toBeLessThan(base);
  });

  it('shows fewer kept probabilities than 1 when kept tokens fall outside the shown ones', () => {
    const v = nextTokenView(logits, off, 2);
    expect(v.shownKeptSum).toBeLessThan(1);
    expect(v.shownKeptSum).toBeCloseTo(v.shownProbSum, 12);
  });
});
