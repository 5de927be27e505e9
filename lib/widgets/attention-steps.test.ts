import { describe, expect, it } from 'vitest';
import { attentionStep, attentionStepFromTensors, maskedSoftmax, maxAbsDiff, modelAttentionRow } from './attention-steps';
import type { AnalysisTensors } from './analysis-tensors';
import { mulberry32 } from '../model/prng';

const f = (...xs: number[]) => Float32Array.from(xs);

describe('attentionStep: the attention lesson’s worked example (Q = K, d_k = 2)', () => {
  // content/attention.mdx, "A worked example by hand"
  const Q = [f(1, 0), f(0, 1), f(1, 1)];
  const K = Q;
  const V = [f(1, 0), f(0, 1), f(3, 1)];
  const rows = [0, 1, 2].map((i) => attentionStep(Q[i], K, V, i));

  it('computes QKᵀ, scales by √2 and masks the future', () => {
    expect(rows.map((r) => r.dots)).toEqual([
      [1, 0, 1],
      [0, 1, 1],
      [1, 1, 2],
    ]);
    expect(rows[2].scaled[2]).toBeCloseTo(Math.SQRT2, 12);
    expect(rows[0].masked.slice(1)).toEqual([-Infinity, -Infinity]);
    expect(rows[1].masked[2]).toBe(-Infinity);
    expect(rows[1].masked[0]).toBe(0);
  });

  it('gives the lesson’s weights and outputs', () => {
    expect(rows[0].weights).toEqual([1, 0, 0]);
    expect(rows[1].weights.map((w) => +w.toFixed(3))).toEqual([0.33, 0.67, 0]);
    expect(rows[2].weights.map((w) => +w.toFixed(3))).toEqual([0.248, 0.248, 0.503]);
    expect(rows[0].output).toEqual([1, 0]); // the first token's output is its own value
    expect(rows[1].output.map((x) => +x.toFixed(3))).toEqual([0.33, 0.67]);
    expect(rows[2].output.map((x) => +x.toFixed(3))).toEqual([1.759, 0.752]);
  });

  it('refuses a query outside the sequence', () => {
    expect(() => attentionStep(Q[0], K, V, 3)).toThrow(RangeError);
  });
});

describe('attentionStep: consistency on random heads', () => {
  const rng = mulberry32(7);
  const rand = (n: number) => Float32Array.from({ length: n }, () => rng() * 4 - 2);
  const T = 9;
  const hs = 16;
  const K = Array.from({ length: T }, () => rand(hs));
  const V = Array.from({ length: T }, () => rand(hs));
  const rows = Array.from({ length: T }, (_, i) => attentionStep(rand(hs), K, V, i));

  it('every row sums to 1 and is exactly 0 above the diagonal', () => {
    for (const r of rows) {
      expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (let j = r.query + 1; j < T; j++) expect(r.weights[j]).toBe(0);
      for (let j = 0; j <= r.query; j++) expect(r.weights[j]).toBeGreaterThan(0);
    }
  });

  it('the output is a convex mix of the visible values (inside their per-dimension range)', () => {
    for (const r of rows) {
      for (let d = 0; d < hs; d++) {
        const seen = V.slice(0, r.query + 1).map((v) => v[d]);
        expect(r.output[d]).toBeGreaterThanOrEqual(Math.min(...seen) - 1e-9);
        expect(r.output[d]).toBeLessThanOrEqual(Math.max(...seen) + 1e-9);
      }
    }
  });

  it('maskedSoftmax is shift invariant and handles huge scores', () => {
    expect(maxAbsDiff(maskedSoftmax([1, 2, -Infinity]), maskedSoftmax([1001, 1002, -Infinity]))).toBeLessThan(1e-12);
    expect(maskedSoftmax([1e6, 0])).toEqual([1, 0]);
  });
});

describe('attentionStepFromTensors: head columns of [T, C] tensors', () => {
  // T = 2, C = 4, nHead = 2 (hs = 2); head 1 = columns 2..3
  const tensor = (...xs: number[]) => ({ dims: [2, 4], data: Float32Array.from(xs) });
  const tensors: AnalysisTensors = {
    'q.0': tensor(9, 9, 1, 0, 9, 9, 0, 1),
    'key.0': tensor(9, 9, 1, 0, 9, 9, 0, 1),
    'value.0': tensor(9, 9, 1, 0, 9, 9, 0, 1),
    'attn.0': { dims: [2, 2, 2], data: Float32Array.from([1, 0, 0.5, 0.5, 1, 0, 0.33, 0.67]) },
  };

  it('reads head 1’s q, k, v and the matching attention row', () => {
    const s = attentionStepFromTensors(tensors, 0, 1, 2, 1);
    expect([...s.q]).toEqual([0, 1]);
    expect(s.dots).toEqual([0, 1]);
    expect(s.weights[1]).toBeCloseTo(Math.exp(Math.SQRT1_2) / (1 + Math.exp(Math.SQRT1_2)), 12);
    expect([...modelAttentionRow(tensors, 0, 1, 1)].map((x) => +x.toFixed(2))).toEqual([0.33, 0.67]);
  });

  it('names a missing tensor', () => {
    expect(() => attentionStepFromTensors(tensors, 1, 0, 2, 0)).toThrow(/q\.1/);
  });
});
