/**
 * One row of causal self-attention, step by step, in plain arithmetic (float64), from the model's
 * own q, k, v of one head. Comparing `weights` with the model's attention row shows that the
 * steps below are the computation the model ran:
 *
 *   score_j = (q_i · k_j) / √hs          j = 0..T−1
 *   score_j = −∞ for j > i               (causal mask: no looking ahead)
 *   w = softmax(score)                   (over j)
 *   y_i = Σ_j w_j v_j                    [hs]; c_proj later mixes the heads' y back to C
 */
import { attnRow, headRow, tensorOf, type AnalysisTensors } from './analysis-tensors';

export interface AttentionStep {
  /** query position i */
  query: number;
  /** head size */
  hs: number;
  q: Float32Array; // [hs]
  keys: Float32Array[]; // T × [hs]
  values: Float32Array[]; // T × [hs]
  /** q·k_j for every j (also the masked ones: the mask decides, not the dot product) */
  dots: number[]; // [T]
  /** dots / √hs */
  scaled: number[]; // [T]
  /** scaled, or −Infinity for j > i */
  masked: number[]; // [T]
  /** softmax(masked): sums to 1, zero for j > i */
  weights: number[]; // [T]
  /** Σ_j w_j v_j */
  output: number[]; // [hs]
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}

/** softmax over the finite entries; −∞ entries get exactly 0. */
export function maskedSoftmax(scores: readonly number[]): number[] {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  const e = scores.map((s) => (s === -Infinity ? 0 : Math.exp(s - max)));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/** The steps of attention for query i, given that head's q_i and every k_j, v_j (j = 0..T−1). */
export function attentionStep(q: Float32Array, keys: Float32Array[], values: Float32Array[], query: number): AttentionStep {
  const hs = q.length;
  if (keys.length !== values.length) throw new RangeError('attentionStep: as many keys as values');
  if (query < 0 || query >= keys.length) throw new RangeError(`attentionStep: query ${query} outside 0..${keys.length - 1}`);
  const dots = keys.map((k) => dot(q, k));
  const scaled = dots.map((d) => d / Math.sqrt(hs));
  const masked = scaled.map((s, j) => (j > query ? -Infinity : s));
  const weights = maskedSoftmax(masked);
  const output = new Array<number>(hs).fill(0);
  values.forEach((v, j) => {
    if (weights[j] !== 0) for (let d = 0; d < hs; d++) output[d] += weights[j] * v[d];
  });
  return { query, hs, q, keys, values, dots, scaled, masked, weights, output };
}

/** The same steps, read from the analysis tensors q.layer, key.layer, value.layer ([T, C]). */
export function attentionStepFromTensors(
  tensors: AnalysisTensors,
  layer: number,
  head: number,
  nHead: number,
  query: number,
): AttentionStep {
  const q = tensorOf(tensors, 'q', layer, [-1, -1]);
  const k = tensorOf(tensors, 'key', layer, q.dims);
  const v = tensorOf(tensors, 'value', layer, q.dims);
  const T = q.dims[0];
  const keys = Array.from({ length: T }, (_, j) => headRow(k, j, head, nHead));
  const values = Array.from({ length: T }, (_, j) => headRow(v, j, head, nHead));
  return attentionStep(headRow(q, query, head, nHead), keys, values, query);
}

/** The model's own attention row for (layer, head, query): attn.layer [nh, T, T]. */
export function modelAttentionRow(tensors: AnalysisTensors, layer: number, head: number, query: number): Float32Array {
  return attnRow(tensorOf(tensors, 'attn', layer, [-1, -1, -1]), head, query);
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`maxAbsDiff: lengths differ (${a.length} vs ${b.length})`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Largest difference the explorer still calls a match: float32 rounding, not a different computation. */
export const MATCH_TOLERANCE = 1e-4;
