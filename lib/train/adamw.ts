// AdamW (Loshchilov & Hutter) as nanoGPT configures it: Adam's moment estimates with bias
// correction, weight decay decoupled from the gradient and applied only to 2-D weights (matrices and
// embeddings; biases and LayerNorm parameters are not pulled towards 0), after clipping the global
// gradient norm (one rare huge batch cannot throw the weights far).

import * as tf from '@tensorflow/tfjs';
import { ADAMW_DEFAULTS, type AdamWConfig } from './options';

export { ADAMW_DEFAULTS, type AdamWConfig } from './options';

export class AdamW {
  private readonly m = new Map<string, tf.Variable>();
  private readonly v = new Map<string, tf.Variable>();
  private t = 0;

  constructor(
    private readonly params: ReadonlyMap<string, tf.Variable>,
    readonly config: AdamWConfig = ADAMW_DEFAULTS,
  ) {
    for (const [name, p] of params) {
      this.m.set(name, tf.variable(tf.zerosLike(p), false));
      this.v.set(name, tf.variable(tf.zerosLike(p), false));
    }
  }

  /** One update with learning rate `lr`; `grads` by parameter name (tf.variableGrads' ids mapped back). */
  apply(grads: ReadonlyMap<string, tf.Tensor>, lr: number): void {
    const { beta1, beta2, eps, weightDecay, gradClip } = this.config;
    this.t++;
    const bc1 = 1 - beta1 ** this.t;
    const bc2 = 1 - beta2 ** this.t;
    tf.tidy(() => {
      let scale: tf.Scalar | number = 1;
      if (gradClip > 0) {
        const norm = tf.sqrt(tf.addN([...grads.values()].map((g) => tf.sum(tf.square(g)))));
        scale = tf.minimum(1, tf.div(gradClip, tf.add(norm, 1e-6))) as tf.Scalar; // torch's clip_grad_norm_
      }
      for (const [name, p] of this.params) {
        const g = tf.mul(grads.get(name)!, scale);
        const m = this.m.get(name)!;
        const v = this.v.get(name)!;
        m.assign(tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1)));
        v.assign(tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2)));
        const step = tf.div(tf.div(m, bc1), tf.add(tf.sqrt(tf.div(v, bc2)), eps));
        const decayed = p.rank >= 2 && weightDecay > 0 ? tf.mul(p, 1 - lr * weightDecay) : p;
        p.assign(tf.sub(decayed, tf.mul(step, lr)));
      }
    });
  }

  dispose(): void {
    for (const x of [...this.m.values(), ...this.v.values()]) x.dispose();
  }
}
