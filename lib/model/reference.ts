// A plain TypeScript GPT-2 forward pass, the yardstick for the exported ONNX graphs.
// It follows nanoGPT's model.py: embeddings → nLayer × Block(ln_1 → attention → +, ln_2 → MLP → +)
// → ln_f → logits = h·wteᵀ. Float64 throughout; clarity over speed (fine for the demo shape).

import { headSize, type GPT2Config } from './config';
import type { BlockWeights, GPT2Weights, LayerNormParams, Linear } from './checkpoint';

export interface ReferenceOptions {
  /** Compute logits for the last position only (generation needs no more). */
  lastOnly?: boolean;
  /** Keep per-layer intermediates (attention probabilities, residual streams, q/k/v). */
  collect?: boolean;
}

export interface ReferenceOutput {
  logits: Float32Array; // [T, V], or [V] with lastOnly
  attn?: Float64Array[]; // per layer [nh, T, T], rows sum to 1, zeros above the diagonal
  resid?: Float64Array[]; // nLayer + 1 × [T, C]: stream entering block i; the last is before ln_f
  resid_mid?: Float64Array[]; // per layer [T, C]: after the attention residual add
  ln_1?: Float64Array[]; // per layer [T, C]
  ln_2?: Float64Array[]; // per layer [T, C]
  q?: Float64Array[]; // per layer [T, C]
  key?: Float64Array[]; // per layer [T, C], heads side by side (time-major cache layout)
  value?: Float64Array[]; // per layer [T, C]
}

/** y = (x − mean) / √(var + eps) · weight + bias, over the last axis. x: [T, C] */
export function layerNorm(x: Float64Array, T: number, C: number, p: LayerNormParams, eps: number): Float64Array {
  const y = new Float64Array(T * C);
  for (let t = 0; t < T; t++) {
    const row = x.subarray(t * C, (t + 1) * C);
    let mean = 0;
    for (let c = 0; c < C; c++) mean += row[c];
    mean /= C;
    let v = 0;
    for (let c = 0; c < C; c++) v += (row[c] - mean) ** 2;
    const inv = 1 / Math.sqrt(v / C + eps); // biased variance, as torch.nn.LayerNorm
    for (let c = 0; c < C; c++) y[t * C + c] = (row[c] - mean) * inv * p.weight[c] + p.bias[c];
  }
  return y;
}

/** y = x·W + b with the Conv1D layout W: [nIn, nOut]. x: [T, nIn] → [T, nOut] */
export function linear(x: Float64Array, T: number, nIn: number, nOut: number, p: Linear): Float64Array {
  const y = new Float64Array(T * nOut);
  for (let t = 0; t < T; t++) {
    const out = y.subarray(t * nOut, (t + 1) * nOut);
    for (let j = 0; j < nOut; j++) out[j] = p.bias[j];
    for (let k = 0; k < nIn; k++) {
      const xk = x[t * nIn + k];
      const w = p.weight.subarray(k * nOut, (k + 1) * nOut);
      for (let j = 0; j < nOut; j++) out[j] += xk * w[j];
    }
  }
  return y;
}

/** GELU, tanh approximation ("gelu_new"): 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
export function gelu(x: number): number {
  return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
}

/** Causal multi-head self-attention. x: [T, C] (already ln_1'd) → y: [T, C] */
function causalSelfAttention(x: Float64Array, T: number, cfg: GPT2Config, p: BlockWeights['attn']) {
  const C = cfg.nEmbd;
  const nh = cfg.nHead;
  const hs = headSize(cfg);
  const qkv = linear(x, T, C, 3 * C, p.c_attn); // [T, 3C] = q | k | v, each [T, C] with heads side by side
  const q = new Float64Array(T * C);
  const k = new Float64Array(T * C);
  const v = new Float64Array(T * C);
  for (let t = 0; t < T; t++) {
    q.set(qkv.subarray(t * 3 * C, t * 3 * C + C), t * C);
    k.set(qkv.subarray(t * 3 * C + C, t * 3 * C + 2 * C), t * C);
    v.set(qkv.subarray(t * 3 * C + 2 * C, t * 3 * C + 3 * C), t * C);
  }
  const att = new Float64Array(nh * T * T); // [nh, T, T]
  const y = new Float64Array(T * C); // [T, C], heads re-assembled side by side
  const scale = 1 / Math.sqrt(hs);
  for (let h = 0; h < nh; h++) {
    for (let i = 0; i < T; i++) {
      const row = att.subarray((h * T + i) * T, (h * T + i + 1) * T);
      let max = -Infinity;
      for (let j = 0; j <= i; j++) {
        // causal: query i sees keys 0..i only
        let s = 0;
        for (let d = 0; d < hs; d++) s += q[i * C + h * hs + d] * k[j * C + h * hs + d];
        row[j] = s * scale;
        if (row[j] > max) max = row[j];
      }
      let sum = 0;
      for (let j = 0; j <= i; j++) sum += row[j] = Math.exp(row[j] - max);
      for (let j = 0; j <= i; j++) row[j] /= sum; // softmax; j > i stay exactly 0
      for (let d = 0; d < hs; d++) {
        let acc = 0;
        for (let j = 0; j <= i; j++) acc += row[j] * v[j * C + h * hs + d];
        y[i * C + h * hs + d] = acc;
      }
    }
  }
  return { y: linear(y, T, C, C, p.c_proj), att, q, k, v };
}

/** MLP: c_fc (C → 4C) → GELU → c_proj (4C → C). x: [T, C] */
function mlp(x: Float64Array, T: number, C: number, p: BlockWeights['mlp']): Float64Array {
  const hidden = linear(x, T, C, 4 * C, p.c_fc); // [T, 4C]
  for (let i = 0; i < hidden.length; i++) hidden[i] = gelu(hidden[i]);
  return linear(hidden, T, 4 * C, C, p.c_proj); // [T, C]
}

/** Logits for token ids at positions 0..T−1 (T ≤ blockSize). */
export function referenceForward(cfg: GPT2Config, w: GPT2Weights, ids: readonly number[], opts: ReferenceOptions = {}): ReferenceOutput {
  const T = ids.length;
  const C = cfg.nEmbd;
  const V = cfg.vocabSize;
  const eps = cfg.layerNormEpsilon;
  if (T === 0 || T > cfg.blockSize) throw new RangeError(`referenceForward: ${T} tokens, need 1..${cfg.blockSize}`);
  const out: ReferenceOutput = { logits: new Float32Array(0) };
  const keep = (key: Exclude<keyof ReferenceOutput, 'logits'>, value: Float64Array) => {
    if (opts.collect) (out[key] ??= []).push(value);
  };

  // 1. token + position embeddings. x: [T, C]
  let x = new Float64Array(T * C);
  for (let t = 0; t < T; t++) {
    for (let c = 0; c < C; c++) x[t * C + c] = w.wte[ids[t] * C + c] + w.wpe[t * C + c];
  }
  // 2. the blocks: x = x + attn(ln_1(x)); x = x + mlp(ln_2(x))
  for (const block of w.h) {
    keep('resid', x);
    const h1 = layerNorm(x, T, C, block.ln_1, eps);
    const a = causalSelfAttention(h1, T, cfg, block.attn);
    keep('ln_1', h1);
    keep('q', a.q);
    keep('key', a.k);
    keep('value', a.v);
    keep('attn', a.att);
    const mid = new Float64Array(T * C);
    for (let i = 0; i < mid.length; i++) mid[i] = x[i] + a.y[i];
    keep('resid_mid', mid);
    const h2 = layerNorm(mid, T, C, block.ln_2, eps);
    keep('ln_2', h2);
    const m = mlp(h2, T, C, block.mlp);
    x = new Float64Array(T * C);
    for (let i = 0; i < x.length; i++) x[i] = mid[i] + m[i];
  }
  keep('resid', x);
  // 3. final LayerNorm, then logits = h·wteᵀ (lm_head tied to wte). [T, V] or [1, V]
  const first = opts.lastOnly ? T - 1 : 0;
  const rows = T - first;
  const h = layerNorm(x.subarray(first * C), rows, C, w.ln_f, eps);
  out.logits = new Float32Array(rows * V);
  for (let t = 0; t < rows; t++) {
    for (let v = 0; v < V; v++) {
      let s = 0;
      for (let c = 0; c < C; c++) s += h[t * C + c] * w.wte[v * C + c];
      out.logits[t * V + v] = s;
    }
  }
  return out;
}
