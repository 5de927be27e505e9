// The offline demo model, trained: the demo's shape (2 layers of 4 heads, n_embd 64) trained on the
// lessons' own prose for GPT-2's full vocabulary (full-vocab.ts), so a learner without the real
// GPT-2 still sees heads that look back one token, a logit lens that settles and text that echoes
// the lessons. Deterministic: the same documents and seed give the same weights on the same backend.

import type { GPT2Config } from '@/lib/model/config';
import type { GPT2Weights } from '@/lib/model/checkpoint';
import type { TrainedRecord } from '@/lib/model/manifest';
import { buildCorpus, tokenizeDocuments } from './corpus';
import { TRAIN_DEFAULTS, type TrainOptions } from './options';
import { train, type TrainHooks, type TrainResult } from './train';

/**
 * A 128-token window (the widgets' prompts and a few sentences of generation fit), 1,024 tokens a
 * step, ~2.5 minutes on two cores. The lessons are ~20,000 tokens, so 600 steps are ~35 passes over
 * them: dropout 0.1 holds the validation loss near its best instead of memorising further (without
 * it the validation loss turned up after ~250 steps, 5.9 → 6.8 by step 1,200).
 */
export const DEMO_TRAINING: TrainOptions = {
  ...TRAIN_DEFAULTS,
  blockSize: 128,
  batchSize: 8,
  steps: 600,
  lr: 2e-3,
  warmupSteps: 30,
  dropout: 0.1,
  fullVocab: true,
};

export async function trainDemo(
  documents: readonly string[],
  corpusName: string,
  options: TrainOptions = DEMO_TRAINING,
  hooks: TrainHooks = {},
): Promise<{ config: GPT2Config; weights: GPT2Weights; result: TrainResult; trained: TrainedRecord }> {
  const corpus = buildCorpus(tokenizeDocuments(documents));
  const { trainer, result } = await train(corpus, { ...options, fullVocab: true }, hooks);
  try {
    const { config, weights } = await trainer.checkpoint();
    const trained = {
      corpus: corpusName,
      steps: options.steps,
      tokens: result.tokens,
      seed: options.seed,
      valLoss: result.valLosses.at(-1)!.loss,
    };
    return { config, weights, result, trained };
  } finally {
    trainer.dispose();
  }
}
