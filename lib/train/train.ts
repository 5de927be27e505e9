// A whole run: a Trainer driven for `steps` updates with validation along the way, and the figures
// a CLI or a page reports. Progress is told through callbacks; nothing here prints or reads files.

import type { Corpus } from './corpus';
import { Trainer, type StepResult, type TrainOptions } from './trainer';

export interface ValLoss {
  /** Updates done when it was measured (0: the initial weights). */
  step: number;
  loss: number;
}

export interface TrainResult {
  /** Training-batch loss of each step, before its update. */
  losses: number[];
  /** Every evalInterval steps from 0, and after the last step. */
  valLosses: ValLoss[];
  /** K: the corpus's kept vocabulary. */
  vocab: number;
  params: number;
  /** Tokens the model saw (steps · B · T). */
  tokens: number;
  /** Wall time of the training steps (evaluation excluded), and of everything. */
  trainMs: number;
  ms: number;
}

export interface TrainHooks {
  onStep?: (s: StepResult) => void;
  onEval?: (v: ValLoss) => void;
  now?: () => number;
}

export async function train(
  corpus: Corpus,
  options: TrainOptions,
  hooks: TrainHooks = {},
): Promise<{ trainer: Trainer; result: TrainResult }> {
  const now = hooks.now ?? (() => performance.now());
  const t0 = now();
  const trainer = new Trainer(corpus, options);
  const losses: number[] = [];
  const valLosses: ValLoss[] = [];
  let trainMs = 0;
  const evaluate = async () => {
    const v = { step: trainer.step, loss: await trainer.evaluate() };
    valLosses.push(v);
    hooks.onEval?.(v);
  };
  for (let s = 0; s < options.steps; s++) {
    if (s % options.evalInterval === 0) await evaluate();
    const r = await trainer.trainStep(now);
    losses.push(r.loss);
    trainMs += r.ms;
    hooks.onStep?.(r);
  }
  if (valLosses.at(-1)?.step !== trainer.step) await evaluate();
  const tokens = options.steps * options.batchSize * options.blockSize;
  return {
    trainer,
    result: { losses, valLosses, vocab: corpus.tokenMap.size, params: trainer.parameterCount, tokens, trainMs, ms: now() - t0 },
  };
}
