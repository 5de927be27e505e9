// A deterministic random-weight GPT-2: real tensor names, real vocabulary (50257) and context (1024),
// any depth/width. The app ships it when the real weights are not available, and the tests use it.
//
// Init follows GPT-2 / nanoGPT: weights N(0, 0.02), residual projections (attn.c_proj, mlp.c_proj)
// N(0, 0.02/√(2·nLayer)). Two deliberate departures so tests exercise every parameter: biases are
// small random values instead of zeros, and LayerNorm gains/biases are 1 + N(0, 0.1) / N(0, 0.05)
// instead of exactly 1 / 0.

import { GPT2_SMALL, type GPT2Config } from './config';
import { gpt2TensorSpecs, loadWeights, type Checkpoint } from './checkpoint';
import { gaussian, hashSeed, mulberry32 } from './prng';
import { numel, type TensorToWrite } from './safetensors';

export type DemoShape = 'demo' | '124m';

/** The small demo model: 2 layers, 4 heads, C = 64; ~3.4M parameters, mostly wte. */
export const DEMO_CONFIG: GPT2Config = { blockSize: 1024, vocabSize: 50257, nLayer: 2, nHead: 4, nEmbd: 64, layerNormEpsilon: 1e-5 };

export function demoConfig(shape: DemoShape): GPT2Config {
  return shape === '124m' ? { ...GPT2_SMALL } : { ...DEMO_CONFIG };
}

/** How one tensor is drawn, from its name. */
function initFor(name: string, nLayer: number): { mean: number; std: number } {
  if (/\.ln_\d\.weight$|^ln_f\.weight$/.test(name)) return { mean: 1, std: 0.1 };
  if (/\.ln_\d\.bias$|^ln_f\.bias$/.test(name)) return { mean: 0, std: 0.05 };
  if (name.endsWith('.bias')) return { mean: 0, std: 0.01 };
  if (name.endsWith('c_proj.weight')) return { mean: 0, std: 0.02 / Math.sqrt(2 * nLayer) };
  return { mean: 0, std: 0.02 };
}

/** One tensor, seeded by (seed, name): independent of the order tensors are drawn in. */
export function demoTensor(cfg: GPT2Config, seed: number, name: string, shape: number[]): Float32Array {
  const { mean, std } = initFor(name, cfg.nLayer);
  const normal = gaussian(mulberry32(hashSeed(seed, name)));
  const out = new Float32Array(numel(shape));
  for (let i = 0; i < out.length; i++) out[i] = mean + std * normal();
  return out;
}

/** The checkpoint's tensors one at a time, so a writer can stream a 124M model tensor by tensor. */
export function* demoTensors(cfg: GPT2Config, seed: number): Generator<TensorToWrite> {
  for (const { name, shape } of gpt2TensorSpecs(cfg)) {
    yield { name, shape, dtype: 'F32', data: demoTensor(cfg, seed, name, shape) };
  }
}

/** The whole checkpoint in memory. */
export function buildDemoCheckpoint(config: GPT2Config = DEMO_CONFIG, seed = 0): Checkpoint {
  const byName = new Map<string, TensorToWrite>();
  for (const t of demoTensors(config, seed)) byName.set(t.name, t);
  const weights = loadWeights(config, (name) => {
    const t = byName.get(name);
    return t && { shape: t.shape, data: t.data as Float32Array };
  });
  return { config, weights };
}
