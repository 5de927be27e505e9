// A training run's settings and their defaults, apart from the training code so a page can read
// them without loading TensorFlow.js.

export interface AdamWConfig {
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
  /** Largest global L2 norm of the gradients; 0 = no clipping. */
  gradClip: number;
}

export const ADAMW_DEFAULTS: AdamWConfig = { beta1: 0.9, beta2: 0.95, eps: 1e-8, weightDecay: 0.1, gradClip: 1 };

export interface TrainOptions {
  nLayer: number;
  nHead: number;
  nEmbd: number;
  blockSize: number;
  batchSize: number;
  steps: number;
  /** Peak learning rate, reached after warmupSteps; the cosine ends at lr/10. */
  lr: number;
  warmupSteps: number;
  dropout: number;
  seed: number;
  /** Validation loss every this many steps, and after the last. */
  evalInterval: number;
  /** Validation batches per evaluation (drawn once, the same every time). */
  evalBatches: number;
  /**
   * Train for all 50,257 GPT-2 tokens (full-vocab.ts: the corpus's K rows plus one shared by every
   * other token) instead of the corpus's K; the export then reads any prompt. The demo model does.
   */
  fullVocab: boolean;
  adamw: AdamWConfig;
}

/** Small enough to train in minutes on two CPU cores (the demo model's shape, a 64-token window). */
export const TRAIN_DEFAULTS: TrainOptions = {
  nLayer: 2,
  nHead: 4,
  nEmbd: 64,
  blockSize: 64,
  batchSize: 16,
  steps: 200,
  lr: 1e-3, // a tiny model takes a larger step than GPT-2's 6e-4
  warmupSteps: 20,
  dropout: 0,
  seed: 0,
  evalInterval: 25,
  evalBatches: 4,
  fullVocab: false,
  adamw: ADAMW_DEFAULTS,
};

/** A run's warm-up: the configured one, but at most a tenth of a short run. */
export function warmupFor(steps: number, warmupSteps: number): number {
  return Math.min(warmupSteps, Math.ceil(steps / 10));
}

/** The trainer widget writes a sample every this many steps (the training lesson says so). */
export const SAMPLE_EVERY = 50;
