// int8 weights for the CPU graph: symmetric, one float scale per output column, w[k, n] ≈ q[k, n] ·
// scale[n]. This is the layout com.microsoft.DynamicQuantizeMatMul takes (B int8 [K, N], b_scale
// [N]): onnxruntime quantizes the activations to uint8 per call and multiplies with integer kernels,
// so each matrix takes a quarter of its fp32 bytes.

/** An int8 matrix with one scale per column ([K, N], scale [N]) or, for wte, per row ([V, C], scale [V]). */
export interface Int8Matrix {
  q: Int8Array; // row-major
  scale: Float32Array;
}

/** Per-column symmetric int8 of w [K, N]: scale[n] = max_k |w[k, n]| / 127 (1 for an all-zero column). */
export function quantizeColumns(w: Float32Array, K: number, N: number): Int8Matrix {
  if (w.length !== K * N) throw new RangeError(`quantizeColumns: ${w.length} values, expected ${K}×${N}`);
  const absmax = new Float32Array(N);
  for (let k = 0; k < K; k++) {
    const row = k * N;
    for (let n = 0; n < N; n++) {
      const a = Math.abs(w[row + n]);
      if (a > absmax[n]) absmax[n] = a;
    }
  }
  const scale = new Float32Array(N);
  const inv = new Float32Array(N);
  for (let n = 0; n < N; n++) {
    scale[n] = absmax[n] / 127 || 1;
    inv[n] = 1 / scale[n];
  }
  const q = new Int8Array(K * N);
  for (let k = 0; k < K; k++) {
    const row = k * N;
    for (let n = 0; n < N; n++) q[row + n] = Math.max(-127, Math.min(127, Math.round(w[row + n] * inv[n])));
  }
  return { q, scale };
}

/** q [rows, cols] → [cols, rows], in 64 × 64 tiles (each tile's reads and writes stay in cache). */
export function transposeInt8(q: Int8Array, rows: number, cols: number): Int8Array {
  if (q.length !== rows * cols) throw new RangeError(`transposeInt8: ${q.length} values, expected ${rows}×${cols}`);
  const t = new Int8Array(rows * cols);
  const TILE = 64;
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const r1 = Math.min(rows, r0 + TILE);
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const c1 = Math.min(cols, c0 + TILE);
      for (let c = c0; c < c1; c++) {
        const dst = c * rows;
        for (let r = r0; r < r1; r++) t[dst + r] = q[r * cols + c];
      }
    }
  }
  return t;
}

/** Per-row symmetric int8 of w [rows, cols]: q [rows, cols], scale [rows] (for the embedding wte [V, C]). */
export function quantizeRows(w: Float32Array, rows: number, cols: number): Int8Matrix {
  if (w.length !== rows * cols) throw new RangeError(`quantizeRows: ${w.length} values, expected ${rows}×${cols}`);
  const q = new Int8Array(rows * cols);
  const scale = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const at = r * cols;
    let absmax = 0;
    for (let c = 0; c < cols; c++) absmax = Math.max(absmax, Math.abs(w[at + c]));
    scale[r] = absmax / 127 || 1;
    const inv = 1 / scale[r];
    for (let c = 0; c < cols; c++) q[at + c] = Math.max(-127, Math.min(127, Math.round(w[at + c] * inv)));
  }
  return { q, scale };
}

/** Rows lo..hi−1 of a per-row int8 matrix [rows, cols], as columns: q [cols, hi − lo], scale [hi − lo]. */
export function rowsAsColumns(m: Int8Matrix, lo: number, hi: number, cols: number): Int8Matrix {
  return { q: transposeInt8(m.q.subarray(lo * cols, hi * cols), hi - lo, cols), scale: m.scale.slice(lo, hi) };
}
