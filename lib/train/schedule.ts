// The learning rate at each step (nanoGPT's get_lr): a linear warm-up from lr/warmup to lr, then a
// cosine decay to minLr at the last step. Warm-up keeps Adam's first, badly estimated steps small.

export interface Schedule {
  lr: number;
  minLr: number;
  warmupSteps: number;
  /** Total steps; the cosine reaches minLr at the last one. */
  steps: number;
}

export function learningRate(step: number, s: Schedule): number {
  if (step < s.warmupSteps) return (s.lr * (step + 1)) / s.warmupSteps;
  const decaySteps = Math.max(1, s.steps - 1 - s.warmupSteps);
  const ratio = Math.min(1, (step - s.warmupSteps) / decaySteps);
  return s.minLr + 0.5 * (1 + Math.cos(Math.PI * ratio)) * (s.lr - s.minLr);
}
