// Training on the WASM backend: init statistics, the parameter count, determinism, the loss at
// initialization and its fall, memory per step, AdamW's decoupled weight decay.

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { countParameters } from '@/lib/model/config';
import { gpt2TensorSpecs } from '@/lib/model/checkpoint';
import { useBackend } from './backend';
import { buildCorpus, tokenizeDocuments } from './corpus';
import { initWeights } from './init';
import { AdamW, ADAMW_DEFAULTS } from './adamw';
import { train } from './train';
import { Trainer, TRAIN_DEFAULTS, type TrainOptions } from './trainer';

const TINY: TrainOptions = {
  ...TRAIN_DEFAULTS,
  nLayer: 2,
  nHead: 2,
  nEmbd: 16,
  blockSize: 8,
  batchSize: 4,
  steps: 6,
  warmupSteps: 2,
  evalBatches: 2,
};
const corpus = buildCorpus(tokenizeDocuments(['The cat sat on the mat. The dog sat on the log. '.repeat(12)]));

beforeAll(async () => {
  expect(await useBackend()).toBe('wasm');
});

const stats = (x: Float32Array) => {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  return { mean, std: Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length) };
};

describe('initialization', () => {
  const cfg = { blockSize: 64, vocabSize: 500, nLayer: 2, nHead: 4, nEmbd: 64, layerNormEpsilon: 1e-5 };
  const w = initWeights(cfg, 1);

  it('draws GPT-2’s statistics: N(0, 0.02), residual projections N(0, 0.02/√(2·nLayer)), biases 0, LayerNorm 1/0', () => {
    for (const x of [w.wte, w.wpe, w.h[0].attn.c_attn.weight, w.h[1].mlp.c_fc.weight]) {
      expect(Math.abs(stats(x).mean)).toBeLessThan(0.002);
      expect(stats(x).std).toBeGreaterThan(0.0195);
      expect(stats(x).std).toBeLessThan(0.0205);
    }
    for (const x of [w.h[0].attn.c_proj.weight, w.h[1].mlp.c_proj.weight]) expect(stats(x).std).toBeCloseTo(0.02 / Math.sqrt(4), 3);
    for (const x of [w.h[0].attn.c_attn.bias, w.h[1].mlp.c_proj.bias, w.ln_f.bias, w.h[0].ln_1.bias])
      expect(x.every((v) => v === 0)).toBe(true);
    for (const x of [w.ln_f.weight, w.h[1].ln_2.weight]) expect(x.every((v) => v === 1)).toBe(true);
  });

  it('is seeded: same seed → same weights, another seed → others', () => {
    expect(initWeights(cfg, 1).wte).toEqual(w.wte);
    expect(initWeights(cfg, 2).wte).not.toEqual(w.wte);
  });

  it('has exactly the parameters countParameters counts for vocab K', () => {
    const t = new Trainer(corpus, TINY);
    const n = [...t.params.values()].reduce((s, v) => s + v.size, 0);
    expect(n).toBe(countParameters(t.config).total);
    expect(t.parameterCount).toBe(n);
    expect([...t.params.keys()]).toEqual(gpt2TensorSpecs(t.config).map((s) => s.name));
    expect(t.config.vocabSize).toBe(corpus.tokenMap.size);
    t.dispose();
  });
});

describe('training', () => {
  it('is deterministic: same seed → identical losses; another seed → different ones', async () => {
    const run = async (seed: number, dropout = 0) => {
      const { trainer, result } = await train(corpus, { ...TINY, seed, dropout });
      trainer.dispose();
      return [...result.losses, ...result.valLosses.map((v) => v.loss)];
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(await run(8)).not.toEqual(a);
    const withDropout = await run(7, 0.1);
    expect(await run(7, 0.1)).toEqual(withDropout); // the masks come from the seed too
    expect(withDropout).not.toEqual(a);
  });

  it('starts near ln K and learns a repetitive corpus', async () => {
    const { trainer, result } = await train(corpus, { ...TINY, steps: 60, warmupSteps: 5, lr: 3e-3, evalInterval: 30 });
    const lnK = Math.log(corpus.tokenMap.size);
    expect(Math.abs(result.losses[0] - lnK)).toBeLessThan(0.3);
    expect(Math.abs(result.valLosses[0].loss - lnK)).toBeLessThan(0.3);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(result.losses.slice(-5))).toBeLessThan(lnK - 1);
    expect(result.valLosses.map((v) => v.step)).toEqual([0, 30, 60]);
    expect(await trainer.evaluate()).toBe(result.valLosses.at(-1)!.loss); // no dropout, fixed batches
    trainer.dispose();
  });

  it('keeps the number of live tensors constant from step to step', async () => {
    const t = new Trainer(corpus, TINY);
    await t.trainStep();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await t.trainStep();
    await t.evaluate();
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });
});

describe('AdamW', () => {
  it('decays 2-D weights only, decoupled from the (here zero) gradient', async () => {
    const params = new Map([
      ['w', tf.variable(tf.ones([2, 2]))],
      ['b', tf.variable(tf.ones([2]))],
    ]);
    const opt = new AdamW(params, { ...ADAMW_DEFAULTS, weightDecay: 0.5 });
    opt.apply(new Map([...params].map(([k, v]) => [k, tf.zerosLike(v)])), 0.1);
    expect(Array.from(await params.get('w')!.data())).toEqual(Array(4).fill(Math.fround(1 - 0.1 * 0.5)));
    expect(Array.from(await params.get('b')!.data())).toEqual([1, 1]);
    opt.dispose();
  });
});
