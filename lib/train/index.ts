// Training a small GPT-2 with TensorFlow.js: plain TypeScript, no Node imports, so a Web Worker can
// run the same code as the CLI (scripts/train.ts). The caller starts the backend (useBackend).
export { useBackend, type BackendOptions, type TrainBackend } from './backend';
export { buildCorpus, sampleBatch, tokenizeDocuments, TRAIN_FRACTION, type Batch, type Corpus } from './corpus';
export { expandToFullVocab, fullVocabRows, modelVocab, restLogitOffset } from './full-vocab';
export { initWeights, initFor, INIT_STD } from './init';
export { learningRate, type Schedule } from './schedule';
export { AdamW, ADAMW_DEFAULTS, type AdamWConfig } from './adamw';
export { createParams, crossEntropy, forward, readWeights } from './model';
export { Trainer, TRAIN_DEFAULTS, type StepResult, type TrainOptions } from './trainer';
export { warmupFor } from './options';
export { train, type TrainHooks, type TrainResult, type ValLoss } from './train';
