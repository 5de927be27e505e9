import { describe, expect, it } from 'vitest';
import { headPattern, layerPatterns } from './head-patterns';

/** A causal [T, T] matrix whose row i is `row(i)` (entries past i are left 0). */
function matrix(T: number, row: (i: number) => number[]): Float32Array {
  const m = new Float32Array(T * T);
  for (let i = 0; i < T; i++) m.set(row(i).slice(0, i + 1), i * T);
  return m;
}
const oneHot = (i: number, at: number) => Array.from({ length: i + 1 }, (_, j) => (j === at ? 1 : 0));

describe('headPattern', () => {
  const ids = [10, 20, 30, 10, 20]; // "A B C A B": token 3 repeats token 0, token 4 repeats token 1

  it('a previous-token head scores 1 on the previous token', () => {
    const p = headPattern(
      matrix(5, (i) => oneHot(i, Math.max(0, i - 1))),
      ids,
    );
    expect(p.previous).toBe(1);
    expect(p.first).toBe(0); // queries 2..4 look at 1, 2, 3
  });

  it('a first-token head scores 1 on the first token and 0 on the previous one past query 1', () => {
    const p = headPattern(
      matrix(5, (i) => oneHot(i, 0)),
      ids,
    );
    expect(p.first).toBe(1);
    expect(p.previous).toBeCloseTo(1 / 4); // only query 1, whose previous token is the first
  });

  it('an induction head attends to the token after the earlier copy', () => {
    // query 3 (A) → key 1 (B, after the first A); query 4 (B) → key 2 (C, after the first B)
    const p = headPattern(
      matrix(5, (i) => (i === 3 ? oneHot(3, 1) : i === 4 ? oneHot(4, 2) : oneHot(i, i))),
      ids,
    );
    expect(p.induction).toBe(1);
    expect(p.previous).toBe(0);
  });

  it('has no induction score without a repeated token, and refuses a wrong size', () => {
    const uniform = matrix(3, (i) => Array(i + 1).fill(1 / (i + 1)));
    const p = headPattern(uniform, [1, 2, 3]);
    expect(p.induction).toBeNull();
    expect(p.previous).toBeCloseTo((1 / 2 + 1 / 3) / 2);
    expect(() => headPattern(uniform, [1, 2])).toThrow(/9 weights for 2 tokens/);
  });

  it('layerPatterns reads each head of [nHead, T, T]', () => {
    const a = matrix(5, (i) => oneHot(i, Math.max(0, i - 1)));
    const b = matrix(5, (i) => oneHot(i, 0));
    const both = new Float32Array(50);
    both.set(a, 0);
    both.set(b, 25);
    const [h0, h1] = layerPatterns(both, 2, ids);
    expect(h0.previous).toBe(1);
    expect(h1.first).toBe(1);
  });
});
