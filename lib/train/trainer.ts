// The training loop: sample a batch, forward, loss, gradients, AdamW update; every evalInterval
// steps (and after the last) the loss on fixed validation batches, without dropout. Same corpus,
// options and seed → the same losses on the same backend (batches, init and dropout masks all come
// from the seed). Time comes in as `now`, so the loop never reads a clock of its own.

import * as tf from '@tensorflow/tfjs';
import { countParameters, validateConfig, type GPT2Config } from '@/lib/model/config';
import type { GPT2Weights } from '@/lib/model/checkpoint';
import { hashSeed, mulberry32 } from '@/lib/model/prng';
import { AdamW } from './adamw';
import type { TrainOptions } from './options';
import { sampleBatch, type Batch, type Corpus } from './corpus';
import { expandToFullVocab, fullVocabRows, restLogitOffset } from './full-vocab';
import type { TokenMap } from '@/lib/model/token-map';
import { initWeights } from './init';
import { createParams, crossEntropy, forward, readWeights, type Dropout } from './model';
import { learningRate } from './schedule';

export { TRAIN_DEFAULTS, type TrainOptions } from './options';

export interface StepResult {
  step: number;
  loss: number;
  lr: number;
  ms: number;
}

export class Trainer {
  readonly config: GPT2Config;
  readonly params: Map<string, tf.Variable>;
  /** Updates done so far. */
  step = 0;
  private readonly optimizer: AdamW;
  private readonly nextOffset: () => number;
  private readonly valBatches: Batch[];
  /** [K + 1]: 0 for the corpus's tokens, ln N for the shared row (full-vocabulary runs only). */
  private readonly logitOffset?: tf.Tensor1D;

  constructor(
    readonly corpus: Corpus,
    readonly options: TrainOptions,
  ) {
    const { nLayer, nHead, nEmbd, blockSize, batchSize, seed, fullVocab } = options;
    const { tokenMap } = corpus;
    const vocabSize = fullVocab ? fullVocabRows(tokenMap.size) : tokenMap.size;
    this.config = validateConfig({ blockSize, vocabSize, nLayer, nHead, nEmbd, layerNormEpsilon: 1e-5 });
    if (fullVocab) {
      const offset = new Float32Array(vocabSize);
      offset[vocabSize - 1] = restLogitOffset(tokenMap);
      this.logitOffset = tf.tensor1d(offset);
    }
    this.params = createParams(this.config, initWeights(this.config, seed));
    this.optimizer = new AdamW(this.params, options.adamw);
    this.nextOffset = mulberry32(hashSeed(seed, 'train-batches'));
    const valRng = mulberry32(hashSeed(seed, 'val-batches'));
    this.valBatches = Array.from({ length: options.evalBatches }, () => sampleBatch(corpus.val, batchSize, blockSize, valRng));
  }

  /** Parameters, counted as countParameters counts them (lm_head shares wte). */
  get parameterCount(): number {
    return countParameters(this.config).total;
  }

  /** One update; returns the training batch's loss before it. */
  async trainStep(now: () => number = () => performance.now()): Promise<StepResult> {
    const t0 = now();
    const { batchSize, blockSize, steps, lr: peak, warmupSteps, dropout: rate, seed } = this.options;
    const lr = learningRate(this.step, { lr: peak, minLr: peak / 10, warmupSteps, steps });
    const batch = sampleBatch(this.corpus.train, batchSize, blockSize, this.nextOffset);
    const step = this.step;
    const d: Dropout = { rate, seed: (site) => hashSeed(seed, `dropout:${step}:${site}`) };
    const vars = [...this.params.values()];
    const loss = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => this.batchLoss(batch, d), vars);
      this.optimizer.apply(new Map([...this.params].map(([name, v]) => [name, grads[v.name]])), lr);
      return value;
    });
    const value = (await loss.data())[0];
    loss.dispose();
    this.step++;
    return { step, loss: value, lr, ms: now() - t0 };
  }

  /** Mean loss over the fixed validation batches, no dropout. */
  async evaluate(): Promise<number> {
    let sum = 0;
    for (const batch of this.valBatches) {
      const loss = tf.tidy(() => this.batchLoss(batch));
      sum += (await loss.data())[0];
      loss.dispose();
    }
    return sum / this.valBatches.length;
  }

  /**
   * Logits [B·T, K] (K + 1 in a full-vocabulary run: the last is what each unused token gets) for
   * windows of model ids, no dropout (tests compare them with the export).
   */
  logits(ids: Int32Array, batchSize: number, T: number): tf.Tensor2D {
    return tf.tidy(() => forward(this.config, this.params, tf.tensor2d(ids, [batchSize, T], 'int32')));
  }

  /** The weights as typed arrays in HF layout (for writeCheckpointDir / exportModel). */
  weights(): Promise<GPT2Weights> {
    return readWeights(this.config, this.params);
  }

  /**
   * The model to export: a full-vocabulary run's K + 1 rows expanded into a plain GPT-2 checkpoint of
   * all 50,257 tokens (no token map: it reads any prompt); otherwise the K rows and the corpus's map.
   */
  async checkpoint(): Promise<{ config: GPT2Config; weights: GPT2Weights; tokenMap?: TokenMap }> {
    const weights = await this.weights();
    const { tokenMap } = this.corpus;
    return this.options.fullVocab ? expandToFullVocab(this.config, weights, tokenMap) : { config: this.config, weights, tokenMap };
  }

  dispose(): void {
    for (const v of this.params.values()) v.dispose();
    this.optimizer.dispose();
    this.logitOffset?.dispose();
  }

  private batchLoss(batch: Batch, d?: Dropout): tf.Scalar {
    const { batchSize: B, blockSize: T } = batch;
    let logits = forward(this.config, this.params, tf.tensor2d(batch.x, [B, T], 'int32'), d); // [B·T, K]
    if (this.logitOffset) logits = tf.add(logits, this.logitOffset); // the shared row counts N times
    return crossEntropy(logits, tf.tensor1d(batch.y, 'int32'));
  }
}
