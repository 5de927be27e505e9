// The page's side of the trainer worker: start one run, pause, resume, stop, and fetch the trained
// weights. Every message from the worker goes to one listener; the widget keeps the state.

import type { TrainRequest, TrainResponse, TrainSettings } from './train-protocol';

export type { TrainResponse, TrainSettings };

export class TrainClient {
  private readonly worker: Worker;

  constructor(onMessage: (msg: TrainResponse) => void) {
    this.worker = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<TrainResponse>) => onMessage(e.data);
    this.worker.onerror = (e) => onMessage({ type: 'error', message: e.message || 'the trainer stopped unexpectedly' });
  }

  private send(req: TrainRequest) {
    this.worker.postMessage(req);
  }

  /** `ids`: the corpus in GPT-2 ids (tokenizeDocuments); handed over, not copied. */
  start(ids: Int32Array, settings: TrainSettings, opts: { sampleEvery: number; wasmPaths: string }) {
    this.worker.postMessage({ type: 'start', ids, settings, ...opts } satisfies TrainRequest, [ids.buffer]);
  }
  pause() {
    this.send({ type: 'pause' });
  }
  resume() {
    this.send({ type: 'resume' });
  }
  stop() {
    this.send({ type: 'stop' });
  }
  /** Export the trained model and keep it in this browser; the worker answers 'kept' (or 'error'). */
  keep(meta: Extract<TrainRequest, { type: 'keep' }>['meta']) {
    this.send({ type: 'keep', meta });
  }
  terminate() {
    this.worker.terminate();
  }
}
