// The trainer worker's messages (lib/train/train.worker.ts), one union each way. Only plain data
// crosses: the corpus text in, figures and sampled text out, and the kept model's record at the end.

import type { MyModel, MyModelMeta } from '@/lib/worker/my-models';
import type { TrainOptions } from './options';

/** What the learner may set; the rest comes from TRAIN_DEFAULTS. */
export type TrainSettings = Pick<
  TrainOptions,
  'nLayer' | 'nHead' | 'nEmbd' | 'blockSize' | 'batchSize' | 'steps' | 'dropout' | 'seed' | 'fullVocab'
>;

export type TrainRequest =
  // wasmPaths: where TensorFlow.js's .wasm files are served (a URL ending in '/')
  // ids: the corpus as GPT-2 token ids (tokenizeDocuments), counted on the page already
  | { type: 'start'; ids: Int32Array; settings: TrainSettings; sampleEvery: number; wasmPaths: string }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  // export the trained model and keep it in this browser (lib/worker/my-models.ts)
  | { type: 'keep'; meta: Omit<MyModelMeta, 'losses'> };

export type TrainResponse =
  // the corpus as the model sees it, before the first step
  | { type: 'corpus'; tokens: number; vocab: number; trainTokens: number; valTokens: number; params: number; backend: string }
  | { type: 'step'; step: number; loss: number; lr: number; ms: number }
  | { type: 'eval'; step: number; loss: number }
  | { type: 'sample'; step: number; ids: number[] }
  | { type: 'paused'; step: number }
  // stopped: the learner pressed Stop before the last step
  | { type: 'done'; steps: number; trainMs: number; stopped: boolean }
  | { type: 'kept'; model: MyModel }
  | { type: 'error'; message: string };
