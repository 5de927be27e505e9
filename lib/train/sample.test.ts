import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '@/lib/model/prng';
import { useBackend } from './backend';
import { buildCorpus, tokenizeDocuments } from './corpus';
import { sampleIds } from './sample';
import { Trainer, TRAIN_DEFAULTS } from './trainer';

const corpus = buildCorpus(tokenizeDocuments(['The cat sat on the mat. The dog sat on the log. '.repeat(12)]));
const options = {
  ...TRAIN_DEFAULTS,
  nLayer: 1,
  nHead: 2,
  nEmbd: 16,
  blockSize: 8,
  batchSize: 4,
  steps: 40,
  warmupSteps: 2,
  evalBatches: 1,
};

beforeAll(async () => {
  expect(await useBackend()).toBe('wasm');
});

describe('sampleIds', () => {
  it('draws n GPT-2 ids from the kept vocabulary, the same for the same rng seed, past the window', async () => {
    const trainer = new Trainer(corpus, options);
    const a = await sampleIds(trainer, 12, 0.8, mulberry32(1)); // 12 > blockSize 8: the context slides
    expect(a).toHaveLength(12);
    expect(a.every((id) => corpus.tokenMap.has(id))).toBe(true);
    expect(await sampleIds(trainer, 12, 0.8, mulberry32(1))).toEqual(a);
    expect(await sampleIds(trainer, 12, 0.8, mulberry32(2))).not.toEqual(a);
    trainer.dispose();
  });
  it('near temperature 0 follows the argmax of the trained model', async () => {
    const trainer = new Trainer(corpus, options);
    for (let s = 0; s < options.steps; s++) await trainer.trainStep();
    // after training on a two-sentence loop, greedy text repeats the corpus's words
    const ids = await sampleIds(trainer, 8, 1e-6, mulberry32(3));
    expect(await sampleIds(trainer, 8, 1e-6, mulberry32(4))).toEqual(ids); // no randomness left
    trainer.dispose();
  });
});
