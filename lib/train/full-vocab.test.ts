// A full-vocabulary run (the corpus's K rows + one shared row whose logit counts ln N more) must be
// the 50,257-token model it expands to: the same log-probability for every target, computed by the
// plain-TypeScript reference forward pass on the expanded checkpoint; unused tokens all get the
// shared row's logit; the loss starts near ln 50,257, not ln K.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GPT2_SMALL } from '@/lib/model/config';
import { referenceForward } from '@/lib/model/reference';
import { softmax } from '@/lib/model/sampling';
import { useBackend } from './backend';
import { buildCorpus, sampleBatch, tokenizeDocuments } from './corpus';
import { expandToFullVocab, modelVocab, restLogitOffset } from './full-vocab';
import { sampleIds } from './sample';
import { train } from './train';
import { TRAIN_DEFAULTS, type Trainer } from './trainer';
import { mulberry32 } from '@/lib/model/prng';

const corpus = buildCorpus(tokenizeDocuments(['The cat sat on the mat. The dog sat on the log. A bird sang. '.repeat(10)]));
const K = corpus.tokenMap.size;
const opts = { ...TRAIN_DEFAULTS, nLayer: 2, nHead: 2, nEmbd: 16, blockSize: 8, batchSize: 4, steps: 10, warmupSteps: 2, evalBatches: 1 };
let trainer: Trainer;
let firstLoss: number;

beforeAll(async () => {
  await useBackend();
  const run = await train(corpus, { ...opts, fullVocab: true });
  trainer = run.trainer;
  firstLoss = run.result.losses[0];
});
afterAll(() => trainer.dispose());

describe('full-vocabulary training', () => {
  it('trains K + 1 rows and starts near ln 50,257', () => {
    expect(trainer.config.vocabSize).toBe(K + 1);
    expect(Math.abs(firstLoss - Math.log(GPT2_SMALL.vocabSize))).toBeLessThan(0.3);
    expect(Math.abs(firstLoss - Math.log(K))).toBeGreaterThan(5);
  });

  it('expands to a GPT-2 checkpoint whose log-probabilities are the trained ones (1e-4)', async () => {
    const { config, weights } = expandToFullVocab(trainer.config, await trainer.weights(), corpus.tokenMap);
    expect(config.vocabSize).toBe(GPT2_SMALL.vocabSize);
    const { x, y } = sampleBatch(corpus.val, 1, opts.blockSize, mulberry32(3));
    const T = opts.blockSize;
    const trained = trainer.logits(x, 1, T);
    const z = (await trained.data()) as Float32Array; // [T, K + 1]
    trained.dispose();
    const gpt2Ids = Array.from(x, (id) => corpus.tokenMap.toGpt2(id));
    const full = referenceForward(config, weights, gpt2Ids).logits; // [T, 50257]
    const V = config.vocabSize;
    const offset = restLogitOffset(corpus.tokenMap);
    for (let t = 0; t < T; t++) {
      const row = Array.from(z.subarray(t * (K + 1), (t + 1) * (K + 1)));
      row[K] += offset;
      const pTrained = softmax(row)[y[t]];
      const pFull = softmax(full.subarray(t * V, (t + 1) * V))[corpus.tokenMap.toGpt2(y[t])];
      expect(Math.abs(Math.log(pTrained) - Math.log(pFull))).toBeLessThan(1e-4);
      // a token the corpus never used (GPT-2 id 1000 is "ale") gets the shared row's logit
      expect(corpus.tokenMap.has(1000)).toBe(false);
      expect(Math.abs(full[t * V + 1000] - z[t * (K + 1) + K])).toBeLessThan(1e-4);
    }
  });

  it('refuses weights that are not a full-vocabulary run', async () => {
    const { trainer: plain } = await train(corpus, { ...opts, steps: 1 });
    expect(() => expandToFullVocab(plain.config, { wte: new Float32Array(0) } as never, corpus.tokenMap)).toThrow(/K \+ the rest row/);
    plain.dispose();
  });

  it('samples only the corpus tokens', async () => {
    const ids = await sampleIds(trainer, 20, 1, mulberry32(1));
    expect(ids.every((id) => corpus.tokenMap.has(id))).toBe(true);
  });

  it('is what the trainer exports: no token map, 50,257 rows (a plain run keeps its K and its map)', async () => {
    const full = await trainer.checkpoint();
    expect(full.tokenMap).toBeUndefined();
    expect(full.config.vocabSize).toBe(GPT2_SMALL.vocabSize);
    expect(full.weights.wte.length).toBe(GPT2_SMALL.vocabSize * opts.nEmbd);
    const { trainer: plain } = await train(corpus, { ...opts, steps: 1 });
    const kept = await plain.checkpoint();
    expect(kept.tokenMap).toBe(corpus.tokenMap);
    expect(kept.config.vocabSize).toBe(K);
    plain.dispose();
  });

  it('counts the tokens a model chooses between', () => {
    expect(modelVocab(K, false)).toBe(K);
    expect(modelVocab(K, true)).toBe(GPT2_SMALL.vocabSize);
  });
});
