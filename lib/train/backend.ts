// Starts the TensorFlow.js backend the training runs on. The caller decides: Node passes nothing
// (the WASM files are found next to the package), a page or worker passes the URL it serves them
// from. Threads need cross-origin isolation in a browser; in Node the plain SIMD build runs.

import * as tf from '@tensorflow/tfjs';

export type TrainBackend = 'wasm' | 'cpu';

export interface BackendOptions {
  backend?: TrainBackend;
  /** Where tfjs-backend-wasm's .wasm files are served (a URL prefix ending in '/'), browser only. */
  wasmPaths?: string;
  threads?: number;
}

/** Makes `backend` (default WASM) the active one and waits until it is ready; returns its name. */
export async function useBackend(opts: BackendOptions = {}): Promise<string> {
  const name = opts.backend ?? 'wasm';
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm'); // registers the backend
    if (opts.wasmPaths) wasm.setWasmPaths(opts.wasmPaths);
    // Threads only when asked for: on a cross-origin isolated page the backend would otherwise pick
    // its threaded build, whose pthread workers (started from an inlined script) do not run inside a
    // bundled module worker.
    if (opts.threads && opts.threads > 1) wasm.setThreadsCount(opts.threads);
    else tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }
  if (!(await tf.setBackend(name))) throw new Error(`the TensorFlow.js ${name} backend did not start`);
  await tf.ready();
  return tf.getBackend();
}
