// GPT-2's pieces as TensorFlow.js ops, nanoGPT's model.py unit by unit, on the HF tensor layout
// (Conv1D: every linear weight [in, out], y = x·W + b) so the trained tensors export as they are.
// Only ops whose gradients the WASM backend can run: the embedding lookup brings its own gradient
// (scatter-add) because gather's built-in one needs UnsortedSegmentSum, which WASM lacks.

import * as tf from '@tensorflow/tfjs';

/** Parameters by HF name ('h.0.attn.c_attn.weight'). */
export type Params = ReadonlyMap<string, tf.Tensor>;

export interface Dropout {
  rate: number;
  /** A fresh seed for each dropout site of each step (the masks repeat with the seed). */
  seed: (site: string) => number;
}

export function dropout(x: tf.Tensor, d: Dropout | undefined, site: string): tf.Tensor {
  return d && d.rate > 0 ? tf.dropout(x, d.rate, undefined, d.seed(site)) : x;
}

/** Rows of `table` [V, C] at `ids` [N] → [N, C]; the gradient adds dy's rows into [V, C]. */
export function embedding(table: tf.Tensor, ids: tf.Tensor1D): tf.Tensor2D {
  const lookup = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [t, save] = args as [tf.Tensor, tf.GradSaveFunc];
    save([tf.expandDims(ids, 1)]); // [N, 1]; kept for the backward pass, which runs after this scope ends
    return {
      value: tf.gather(t, ids),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.scatterND(saved[0], dy, t.shape), // duplicates add up
    };
  });
  return lookup(table) as tf.Tensor2D;
}

/**
 * a [N, K] · b [K, M] → [N, M], with a gradient that transposes the operands instead of asking
 * for transposed products (da = dy·bᵀ, db = aᵀ·dy): tfjs-backend-wasm runs a product with a
 * transpose flag several times slower than a plain one (figures: docs/performance.md).
 */
export function matMul(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  const product = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, w, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
    save([x, w]);
    return {
      value: tf.matMul(x, w), // [N, M]
      gradFunc: (dy: tf.Tensor, [xs, ws]: tf.Tensor[]) => [
        tf.matMul(dy as tf.Tensor2D, tf.transpose(ws as tf.Tensor2D)), // [N, K]
        tf.matMul(tf.transpose(xs as tf.Tensor2D), dy as tf.Tensor2D), // [K, M]
      ],
    };
  });
  return product(a, b) as tf.Tensor2D;
}

/** y = (x − mean) / √(var + eps) · weight + bias over the last axis (biased variance, as torch). */
export function layerNorm(x: tf.Tensor, p: Params, name: string, eps: number): tf.Tensor {
  const mean = tf.mean(x, -1, true); // [..., 1]
  const xc = tf.sub(x, mean);
  const variance = tf.mean(tf.square(xc), -1, true); // [..., 1]
  const norm = tf.mul(xc, tf.rsqrt(tf.add(variance, eps)));
  return tf.add(tf.mul(norm, p.get(name + '.weight')!), p.get(name + '.bias')!);
}

/** x [N, in] · W [in, out] + b [out] → [N, out] */
export function linear(x: tf.Tensor2D, p: Params, name: string): tf.Tensor2D {
  return tf.add(matMul(x, p.get(name + '.weight') as tf.Tensor2D), p.get(name + '.bias')!);
}

/** GELU, tanh form ("gelu_new"): 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
export function gelu(x: tf.Tensor): tf.Tensor {
  const cube = tf.mul(tf.mul(x, x), x);
  const inner = tf.mul(tf.add(x, tf.mul(cube, 0.044715)), Math.sqrt(2 / Math.PI));
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
}

/** 0 on and below the diagonal, −1e9 above: query t sees keys 0..t. [T, T] */
export function causalMask(T: number): tf.Tensor2D {
  const m = new Float32Array(T * T);
  for (let i = 0; i < T; i++) m.fill(-1e9, i * T + i + 1, (i + 1) * T);
  return tf.tensor2d(m, [T, T]);
}

export interface Shape {
  B: number;
  T: number;
  C: number;
  nHead: number;
}

/** Causal multi-head self-attention on ln_1's output. x: [B·T, C] → [B·T, C] */
export function attention(x: tf.Tensor2D, p: Params, prefix: string, s: Shape, mask: tf.Tensor2D, d?: Dropout): tf.Tensor2D {
  const { B, T, C, nHead: nh } = s;
  const hs = C / nh;
  // c_attn's columns are q | k | v; three products on column slices of W avoid splitting (and, in
  // the backward pass, concatenating) the [B·T, 3C] activations, which is slow on WASM.
  const w = p.get(prefix + 'c_attn.weight')!; // [C, 3C]
  const bias = p.get(prefix + 'c_attn.bias')!; // [3C]
  const project = (i: number) => tf.add(matMul(x, tf.slice(w, [0, i * C], [C, C]) as tf.Tensor2D), tf.slice(bias, i * C, C)); // [B·T, C]
  const heads = (t: tf.Tensor) => tf.transpose(tf.reshape(t, [B, T, nh, hs]), [0, 2, 1, 3]); // [B, nh, T, hs]
  const [q, k, v] = [0, 1, 2].map((i) => heads(project(i)));
  const scores = tf.add(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(hs)), mask); // [B, nh, T, T]
  const att = dropout(tf.softmax(scores), d, prefix + 'attn_dropout'); // [B, nh, T, T]
  const y = tf.transpose(tf.matMul(att, v), [0, 2, 1, 3]); // [B, T, nh, hs]
  return linear(tf.reshape(y, [B * T, C]), p, prefix + 'c_proj'); // [B·T, C]
}

/** c_fc (C → 4C) → GELU → c_proj (4C → C). x: [B·T, C] → [B·T, C] */
export function mlp(x: tf.Tensor2D, p: Params, prefix: string): tf.Tensor2D {
  return linear(gelu(linear(x, p, prefix + 'c_fc')) as tf.Tensor2D, p, prefix + 'c_proj');
}

/** Pre-norm block: x + attn(ln_1(x)), then + mlp(ln_2(x)), each branch with residual dropout. [B·T, C] */
export function block(x: tf.Tensor2D, p: Params, i: number, s: Shape, eps: number, mask: tf.Tensor2D, d?: Dropout): tf.Tensor2D {
  const h = `h.${i}.`;
  const a = attention(layerNorm(x, p, h + 'ln_1', eps) as tf.Tensor2D, p, h + 'attn.', s, mask, d);
  const mid = tf.add(x, dropout(a, d, h + 'attn.resid_dropout')) as tf.Tensor2D;
  const m = mlp(layerNorm(mid, p, h + 'ln_2', eps) as tf.Tensor2D, p, h + 'mlp.');
  return tf.add(mid, dropout(m, d, h + 'mlp.dropout')) as tf.Tensor2D;
}
