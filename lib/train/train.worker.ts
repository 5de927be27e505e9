/// <reference lib="webworker" />
// The in-browser trainer: the same lib/train code as `npm run train`, on TensorFlow.js's WASM
// backend, in a worker so the page stays responsive. One run per worker; between steps it yields to
// the event loop so pause, resume and stop arrive.
import { buildCorpus } from './corpus';
import { useBackend } from './backend';
import { Trainer, TRAIN_DEFAULTS } from './trainer';
import { sampleIds } from './sample';
import { hashSeed, mulberry32 } from '@/lib/model/prng';
import { keepTrainedModel } from '@/lib/worker/keep-trained-model';
import type { MyModelMeta } from '@/lib/worker/my-models';
import type { TrainRequest, TrainResponse } from './train-protocol';

declare const self: DedicatedWorkerGlobalScope;

const SAMPLE_TOKENS = 32;
const SAMPLE_TEMPERATURE = 0.8;

let trainer: Trainer | null = null;
const last = { train: NaN, val: null as number | null };
let paused = false;
let stopped = false;
let wake: (() => void) | null = null;

function post(msg: TrainResponse) {
  self.postMessage(msg);
}

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

async function run(req: Extract<TrainRequest, { type: 'start' }>) {
  const backend = await useBackend({ backend: 'wasm', wasmPaths: req.wasmPaths });
  const corpus = buildCorpus(Array.from(req.ids)); // tokenized on the page, once
  const options = { ...TRAIN_DEFAULTS, ...req.settings };
  trainer = new Trainer(corpus, options);
  post({
    type: 'corpus',
    tokens: corpus.train.length + corpus.val.length,
    vocab: corpus.tokenMap.size,
    trainTokens: corpus.train.length,
    valTokens: corpus.val.length,
    params: trainer.parameterCount,
    backend,
  });
  const rng = mulberry32(hashSeed(options.seed, 'samples'));
  const evaluate = async () => {
    const loss = await trainer!.evaluate();
    last.val = loss;
    post({ type: 'eval', step: trainer!.step, loss });
  };
  const sampleNow = async () =>
    post({ type: 'sample', step: trainer!.step, ids: await sampleIds(trainer!, SAMPLE_TOKENS, SAMPLE_TEMPERATURE, rng) });
  let trainMs = 0;
  await evaluate();
  await sampleNow();
  while (trainer.step < options.steps && !stopped) {
    if (paused) {
      post({ type: 'paused', step: trainer.step });
      await new Promise<void>((r) => (wake = r));
      continue;
    }
    const r = await trainer.trainStep();
    trainMs += r.ms;
    last.train = r.loss;
    post({ type: 'step', ...r });
    if (trainer.step % options.evalInterval === 0) await evaluate();
    if (trainer.step % req.sampleEvery === 0) await sampleNow();
    await nextTask(); // let pause / stop in
  }
  if (trainer.step % options.evalInterval !== 0) await evaluate();
  if (trainer.step % req.sampleEvery !== 0) await sampleNow();
  post({ type: 'done', steps: trainer.step, trainMs, stopped });
}

/** Exports the trained weights (decoder.onnx + compact weights, as `npm run model:export` does) and keeps them. */
async function keep(t: Trainer, meta: Omit<MyModelMeta, 'losses'>) {
  return keepTrainedModel({
    ...(await t.checkpoint()),
    meta: { ...meta, losses: { steps: t.step, train: last.train, val: last.val } },
  });
}

self.onmessage = (e: MessageEvent<TrainRequest>) => {
  const req = e.data;
  if (req.type === 'start') {
    run(req).catch((err: Error) => post({ type: 'error', message: err.message }));
  } else if (req.type === 'pause') {
    paused = true;
  } else if (req.type === 'resume') {
    paused = false;
    wake?.();
    wake = null;
  } else if (req.type === 'stop') {
    stopped = true;
    paused = false;
    wake?.();
    wake = null;
  } else if (req.type === 'keep') {
    const t = trainer;
    if (!t) return post({ type: 'error', message: 'nothing has been trained yet' });
    keep(t, req.meta)
      .then((model) => post({ type: 'kept', model }))
      .catch((err: Error) => post({ type: 'error', message: `the model could not be kept: ${err.message}` }));
  }
};
