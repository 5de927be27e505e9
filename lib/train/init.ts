// GPT-2's initialization (nanoGPT's _init_weights): every weight N(0, 0.02), the two residual
// projections (attn.c_proj, mlp.c_proj) N(0, 0.02/√(2·nLayer)) so the residual stream's variance
// does not grow with depth, biases 0, LayerNorm gain 1 and bias 0. Each tensor draws from its own
// stream seeded by (seed, name), so the result does not depend on the order tensors are made in.

import type { GPT2Config } from '@/lib/model/config';
import { gpt2TensorSpecs, loadWeights, type GPT2Weights } from '@/lib/model/checkpoint';
import { gaussian, hashSeed, mulberry32 } from '@/lib/model/prng';

export const INIT_STD = 0.02;

/** Mean and standard deviation of one tensor, from its HF name. */
export function initFor(name: string, nLayer: number): { mean: number; std: number } {
  if (/(^|\.)ln_(\d|f)\.weight$/.test(name)) return { mean: 1, std: 0 };
  if (name.endsWith('.bias')) return { mean: 0, std: 0 };
  if (name.endsWith('c_proj.weight')) return { mean: 0, std: INIT_STD / Math.sqrt(2 * nLayer) };
  return { mean: 0, std: INIT_STD };
}

export function initWeights(cfg: GPT2Config, seed: number): GPT2Weights {
  const shapes = new Map(gpt2TensorSpecs(cfg).map((s) => [s.name, s.shape]));
  return loadWeights(cfg, (name) => {
    const shape = shapes.get(name)!;
    const { mean, std } = initFor(name, cfg.nLayer);
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(mean);
    if (std > 0) {
      const normal = gaussian(mulberry32(hashSeed(seed, name)));
      for (let i = 0; i < data.length; i++) data[i] = mean + std * normal();
    }
    return { shape, data };
  });
}
