// What is happening in a training run, in the words of the lesson, from its losses alone:
// at the start the loss sits near ln K (uniform guesses over the K kept tokens); then it falls as
// the model learns frequent tokens and pairs; when the validation loss has turned up from its best
// while the training loss keeps falling, the model is memorising its training text (overfitting).

export type Phase = 'not-started' | 'start' | 'learning' | 'overfitting' | 'done';

export interface RunFigures {
  /** Training loss per step. */
  losses: readonly number[];
  /** Validation losses in step order. */
  valLosses: readonly { step: number; loss: number }[];
  /** The tokens the model chooses between: the corpus's K (or 50,257 in a full-vocabulary run). */
  vocab: number;
  finished: boolean;
}

/** Nats above its best at which a validation loss counts as turned up (not noise). */
export const OVERFIT_MARGIN = 0.05;

/** The mean of the last n values (the training loss of one batch is noisy). */
export function recentMean(xs: readonly number[], n = 20): number {
  const tail = xs.slice(-n);
  return tail.reduce((a, b) => a + b, 0) / Math.max(1, tail.length);
}

export function trainingPhase({ losses, valLosses, vocab, finished }: RunFigures): Phase {
  if (losses.length === 0) return 'not-started';
  const best = Math.min(...valLosses.map((v) => v.loss));
  const last = valLosses.at(-1)?.loss ?? Infinity;
  if (valLosses.length >= 3 && last > best + OVERFIT_MARGIN) return 'overfitting';
  if (finished) return 'done';
  return recentMean(losses) > Math.log(vocab) - 0.5 ? 'start' : 'learning';
}
