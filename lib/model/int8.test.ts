import { describe, expect, it } from 'vitest';
import { dequantizeQ4, q4ToInt8Columns, quantizeQ4 } from './compact';
import { quantizeColumns, quantizeRows, rowsAsColumns, transposeInt8 } from './int8';
import { gaussian, mulberry32 } from './prng';
import { halfToFloat } from './safetensors';

const randn = (n: number, seed: number) => {
  const g = gaussian(mulberry32(seed));
  return Float32Array.from({ length: n }, () => 0.02 * g());
};

describe('int8 matrices, one scale per column', () => {
  it('quantizeColumns: error ≤ half a step of the column scale, extremes hit ±127, zero columns stay zero', () => {
    const K = 40;
    const N = 7;
    const w = randn(K * N, 3);
    for (let k = 0; k < K; k++) w[k * N + 6] = 0; // an all-zero column
    const m = quantizeColumns(w, K, N);
    const back = Float32Array.from(m.q, (q, i) => q * m.scale[i % N]); // w ≈ q · scale[column]
    for (let n = 0; n < N; n++) {
      let peak = 0;
      for (let k = 0; k < K; k++) {
        expect(Math.abs(back[k * N + n] - w[k * N + n])).toBeLessThanOrEqual(m.scale[n] / 2 + 1e-9);
        peak = Math.max(peak, Math.abs(m.q[k * N + n]));
      }
      expect(peak).toBe(n === 6 ? 0 : 127);
    }
    expect(m.scale[6]).toBe(1);
  });

  it('transposeInt8 moves every value, for sizes that are not multiples of the tile', () => {
    for (const [rows, cols] of [
      [3, 5],
      [70, 130],
      [64, 64],
    ]) {
      const q = Int8Array.from({ length: rows * cols }, (_, i) => ((i * 37) % 255) - 127);
      const t = transposeInt8(q, rows, cols);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) expect(t[c * rows + r]).toBe(q[r * cols + c]);
    }
  });

  it('quantizeRows: wte [V, C] with one scale per token; rowsAsColumns: a block of tokens as [C, n] columns', () => {
    const V = 9;
    const C = 6;
    const w = randn(V * C, 4);
    const rows = quantizeRows(w, V, C);
    expect(rows.scale.length).toBe(V);
    for (let v = 0; v < V; v++)
      for (let c = 0; c < C; c++)
        expect(Math.abs(rows.q[v * C + c] * rows.scale[v] - w[v * C + c])).toBeLessThanOrEqual(rows.scale[v] / 2 + 1e-9);
    const block = rowsAsColumns(rows, 3, 7, C); // tokens 3..6
    expect(Array.from(block.scale)).toEqual(Array.from(rows.scale.slice(3, 7)));
    for (let v = 3; v < 7; v++) for (let c = 0; c < C; c++) expect(block.q[c * 4 + (v - 3)]).toBe(rows.q[v * C + c]);
  });

  it('q4ToInt8Columns gives exactly quantizeColumns(dequantizeQ4(…)), for any K', () => {
    for (const [K, N] of [
      [64, 70],
      [96, 3],
      [70, 5],
    ]) {
      const { q, scales, zeroPoints } = quantizeQ4(randn(K * N, K + N), K, N);
      const s = Float32Array.from(scales, halfToFloat);
      const want = quantizeColumns(dequantizeQ4(q, s, zeroPoints, K, N), K, N);
      const got = q4ToInt8Columns(q, s, zeroPoints, K, N);
      expect(Array.from(got.scale)).toEqual(Array.from(want.scale));
      expect(Buffer.from(got.q.buffer).equals(Buffer.from(want.q.buffer))).toBe(true);
    }
  });

  it('rejects a matrix of the wrong size', () => {
    expect(() => quantizeColumns(new Float32Array(10), 3, 3)).toThrow(/expected 3×3/);
    expect(() => transposeInt8(new Int8Array(10), 3, 3)).toThrow(/expected 3×3/);
  });
});
