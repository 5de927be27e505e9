// The logit lens (nostalgebraist, 2020): read the residual stream after each block as if it were
// the last one. For one position, every resid.i (i = 0 … nLayer) goes through the model's own
// final LayerNorm and tied output projection:
//   lens_i = ln_f(resid_i) · wteᵀ      [V]     (at i = nLayer this is exactly the model's logits)
// The app computes it inside the decoder graph (output lens_logits, graph/decoder-graph.ts), in the
// session's own precision: a lens request is one forward pass of the prompt, far faster than this
// file's plain TypeScript (docs/performance.md). lensTopN turns those logits into the widget's
// rows. The rest of this file is the plain reference the graph's lens is tested against: wte as
// compact.safetensors stores it, int8 with one scale per row, w[v, c] = q[v, c] · scale[v], dotted
// with ln_f(h) in float64.

import type { GPT2Config } from './config';
import type { LayerNormParams } from './checkpoint';
import { compactTensor } from './compact';
import { CheckpointError } from './errors';
import { toFloat32, type SafetensorsFile } from './safetensors';
import { topIndices } from './sampling';

export interface LensWeights {
  nEmbd: number;
  vocabSize: number;
  layerNormEpsilon: number;
  ln_f: LayerNormParams; // [C] each
  wteQ8: Int8Array; // [V, C]
  wteScales: Float32Array; // [V]
}

export interface LensLayer {
  /** Which residual: 0 = the embeddings, i = after block i−1, nLayer = the input of ln_f. */
  layer: number;
  /** The topN tokens, most likely first. */
  ids: number[];
  /** softmax over the whole vocabulary of this layer's lens logits. */
  probs: number[];
  logits: number[];
}

/** ln_f and wte out of a parsed compact.safetensors, copied so the file's buffer can be freed. */
export function lensWeightsFromCompact(file: SafetensorsFile, config: GPT2Config): LensWeights {
  const get = (name: string) => compactTensor(file, name);
  const q = get('wte.weight.q8').bytes;
  const { vocabSize: V, nEmbd: C } = config;
  if (q.byteLength !== V * C)
    throw new CheckpointError(`wte.weight.q8 holds ${q.byteLength} values, the config needs ${V * C}`, 'wte.weight.q8');
  return {
    nEmbd: C,
    vocabSize: V,
    layerNormEpsilon: config.layerNormEpsilon,
    ln_f: { weight: toFloat32(get('ln_f.weight')).slice(), bias: toFloat32(get('ln_f.bias')).slice() },
    wteQ8: new Int8Array(q.slice().buffer),
    wteScales: toFloat32(get('wte.weight.scales')).slice(),
  };
}

/** ln_f of one row h: [C], in float64 (biased variance, as torch.nn.LayerNorm). */
export function lnF(h: ArrayLike<number>, w: LensWeights): Float64Array {
  const C = w.nEmbd;
  let mean = 0;
  for (let c = 0; c < C; c++) mean += h[c];
  mean /= C;
  let v = 0;
  for (let c = 0; c < C; c++) v += (h[c] - mean) ** 2;
  const inv = 1 / Math.sqrt(v / C + w.layerNormEpsilon);
  const y = new Float64Array(C);
  for (let c = 0; c < C; c++) y[c] = (h[c] - mean) * inv * w.ln_f.weight[c] + w.ln_f.bias[c];
  return y;
}

/**
 * Lens logits for several residual rows at once: rows[i]: [C] → out[i]: [V]. One pass over wte: each
 * int8 row is read once and dotted with the normalized rows four at a time (one load of q[v, c]
 * feeds four sums: ~2× faster than one row at a time; every sum still runs over c in order).
 */
export function lensLogits(rows: readonly ArrayLike<number>[], w: LensWeights): Float32Array[] {
  const { nEmbd: C, vocabSize: V, wteQ8: q, wteScales: s } = w;
  const L = rows.length;
  const hs = new Float64Array(L * C); // [L, C] the rows after ln_f
  rows.forEach((r, i) => hs.set(lnF(r, w), i * C));
  const out = Array.from({ length: L }, () => new Float32Array(V));
  for (let v = 0; v < V; v++) {
    const base = v * C;
    let i = 0;
    for (; i + 4 <= L; i += 4) {
      const h0 = i * C;
      const h1 = h0 + C;
      const h2 = h1 + C;
      const h3 = h2 + C;
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      for (let c = 0; c < C; c++) {
        const x = q[base + c];
        d0 += x * hs[h0 + c];
        d1 += x * hs[h1 + c];
        d2 += x * hs[h2 + c];
        d3 += x * hs[h3 + c];
      }
      out[i][v] = d0 * s[v];
      out[i + 1][v] = d1 * s[v];
      out[i + 2][v] = d2 * s[v];
      out[i + 3][v] = d3 * s[v];
    }
    for (; i < L; i++) {
      const h = i * C;
      let dot = 0;
      for (let c = 0; c < C; c++) dot += q[base + c] * hs[h + c];
      out[i][v] = dot * s[v];
    }
  }
  return out;
}

/** The lens at one position: residual rows (resid.0 … resid.nLayer, each [C]) → top-N per layer. */
export function logitLens(rows: readonly ArrayLike<number>[], w: LensWeights, topN: number): LensLayer[] {
  return lensTopN(lensLogits(rows, w), topN);
}

/** Per-layer lens logits ([V] each, layer 0 first) → each layer's top-N tokens and probabilities. */
export function lensTopN(perLayer: readonly Float32Array[], topN: number): LensLayer[] {
  return perLayer.map((logits, layer) => {
    let max = -Infinity;
    for (const x of logits) if (x > max) max = x;
    let sum = 0;
    for (const x of logits) sum += Math.exp(x - max);
    const ids = topIndices(logits, Math.max(1, Math.min(topN, logits.length)));
    return { layer, ids, probs: ids.map((id) => Math.exp(logits[id] - max) / sum), logits: ids.map((id) => logits[id]) };
  });
}

/** Row t of a [T, C] tensor. */
export function rowOf(x: Float32Array, t: number, C: number): Float32Array {
  return x.subarray(t * C, (t + 1) * C);
}
