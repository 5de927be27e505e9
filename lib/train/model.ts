// The whole GPT-2 in TensorFlow.js: parameters as tf.Variables under their HF names and layouts,
// the forward pass (embeddings → blocks → ln_f → logits through the tied wte) and the loss.
// Backend-agnostic: the caller picks and starts the backend (backend.ts).

import * as tf from '@tensorflow/tfjs';
import type { GPT2Config } from '@/lib/model/config';
import { loadWeights, weightsToTensors, type GPT2Weights } from '@/lib/model/checkpoint';
import { block, causalMask, dropout, embedding, layerNorm, matMul, type Dropout, type Params } from './layers';

export type { Dropout };

/** Trainable variables, one per HF tensor (unnamed: two models can live in one process). */
export function createParams(cfg: GPT2Config, weights: GPT2Weights): Map<string, tf.Variable> {
  const params = new Map<string, tf.Variable>();
  for (const t of weightsToTensors(cfg, weights)) params.set(t.name, tf.variable(tf.tensor(t.data as Float32Array, t.shape), true));
  return params;
}

/** The current values, as the checkpoint module's typed arrays (HF layout, ready to export). */
export async function readWeights(cfg: GPT2Config, params: Params): Promise<GPT2Weights> {
  const data = new Map<string, { shape: number[]; data: Float32Array }>();
  for (const [name, v] of params) data.set(name, { shape: v.shape, data: (await v.data()) as Float32Array });
  return loadWeights(cfg, (name) => data.get(name));
}

/** Next-token logits for ids [B, T] of model ids (T ≤ blockSize): [B·T, V]. Dropout only when given. */
export function forward(cfg: GPT2Config, p: Params, ids: tf.Tensor2D, d?: Dropout): tf.Tensor2D {
  const [B, T] = ids.shape;
  const C = cfg.nEmbd;
  const shape = { B, T, C, nHead: cfg.nHead };
  const wte = p.get('wte.weight')!;
  const tok = embedding(wte, tf.reshape(ids, [B * T]) as tf.Tensor1D); // [B·T, C]
  const pos = tf.slice(p.get('wpe.weight')!, [0, 0], [T, C]); // [T, C]
  let x = tf.reshape(tf.add(tf.reshape(tok, [B, T, C]), pos), [B * T, C]) as tf.Tensor2D; // [B·T, C]
  x = dropout(x, d, 'embd_dropout') as tf.Tensor2D;
  const mask = causalMask(T); // [T, T]
  for (let i = 0; i < cfg.nLayer; i++) x = block(x, p, i, shape, cfg.layerNormEpsilon, mask, d);
  const h = layerNorm(x, p, 'ln_f', cfg.layerNormEpsilon) as tf.Tensor2D; // [B·T, C]
  return matMul(h, tf.transpose(wte) as tf.Tensor2D); // [B·T, V]: lm_head is wteᵀ
}

/**
 * Mean cross-entropy of logits [N, V] against target ids [N], in nats: −log softmax(logits)[target],
 * with the gradient written out, (softmax − onehot) / N. Built on the Softmax kernel: log-softmax's
 * generic ops run several exp passes over [N, V] (the largest tensor of a step).
 */
export function crossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  const [N, V] = logits.shape;
  const loss = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [z, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    const probs = tf.softmax(z); // [N, V]
    const oneHot = tf.cast(tf.oneHot(targets, V), 'float32'); // [N, V]; WASM's OneHot ignores a float dtype
    save([probs, oneHot]);
    const picked = tf.maximum(tf.sum(tf.mul(probs, oneHot), -1), 1e-30); // [N]; the floor only stops log(0) = −∞
    return {
      value: tf.neg(tf.mean(tf.log(picked))),
      gradFunc: (dy: tf.Tensor, [p, y]: tf.Tensor[]) => tf.mul(tf.sub(p, y), tf.div(dy, N)), // [N, V]
    };
  });
  return loss(logits) as tf.Scalar;
}
