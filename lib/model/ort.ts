// THE ONLY module of the project that imports onnxruntime-web. Everything else speaks the small
// types below. CPU: 'onnxruntime-web/wasm' (plain WASM build: smallest, fastest to start).
// WebGPU: 'onnxruntime-web/webgpu', imported only when asked for.

import type * as OrtTypes from 'onnxruntime-web';

export type Backend = 'wasm' | 'webgpu';

/** The project's tensor: row-major data and its dims. */
export interface Tensor {
  dims: number[];
  data: Float32Array | BigInt64Array;
}

export interface SessionOptions {
  backend?: Backend;
  /** WASM threads. Default: 1 in Node; onnxruntime's own choice in a browser. */
  numThreads?: number;
  /** Where the .wasm files are served (browser), e.g. '/ort/'. Default: next to the ORT bundle. */
  wasmPaths?: string;
  /** Files the graph's external-data initializers point at, by the path written in the graph. */
  externalData?: { path: string; data: Uint8Array }[];
}

export interface Session {
  readonly backend: Backend;
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  /** @internal */ readonly ort: typeof OrtTypes;
  /** @internal */ readonly inner: OrtTypes.InferenceSession;
}

const isNode = typeof process !== 'undefined' && !!process.versions?.node;
const configured = new WeakSet<object>(); // per ORT build (wasm, webgpu): env.wasm is read at its first session

async function loadOrt(backend: Backend): Promise<typeof OrtTypes> {
  const ort = backend === 'webgpu' ? await import('onnxruntime-web/webgpu') : await import('onnxruntime-web/wasm');
  return (
    (ort as { default?: typeof OrtTypes }).default?.InferenceSession ? (ort as { default: typeof OrtTypes }).default : ort
  ) as typeof OrtTypes;
}

export async function createSession(bytes: Uint8Array, opts: SessionOptions = {}): Promise<Session> {
  const backend = opts.backend ?? 'wasm';
  const ort = await loadOrt(backend);
  if (!configured.has(ort.env)) {
    const threads = opts.numThreads ?? (isNode ? 1 : undefined);
    if (threads !== undefined) ort.env.wasm.numThreads = threads;
    if (opts.wasmPaths) ort.env.wasm.wasmPaths = opts.wasmPaths;
    configured.add(ort.env);
  }
  const inner = await ort.InferenceSession.create(bytes, {
    executionProviders: [backend],
    graphOptimizationLevel: 'all',
    ...(opts.externalData ? { externalData: opts.externalData } : {}),
    logSeverityLevel: 3, // errors only: node-placement notices are expected with WebGPU (shape ops stay on CPU)
  });
  return { backend, inputNames: inner.inputNames, outputNames: inner.outputNames, ort, inner };
}

/** Runs the graph and returns only `fetchNames` (unfetched outputs are never copied out). */
export async function run(session: Session, feeds: Record<string, Tensor>, fetchNames: readonly string[]): Promise<Record<string, Tensor>> {
  const { ort, inner } = session;
  const ortFeeds: Record<string, OrtTypes.Tensor> = {};
  for (const [name, t] of Object.entries(feeds)) {
    ortFeeds[name] = t.data instanceof BigInt64Array ? new ort.Tensor('int64', t.data, t.dims) : new ort.Tensor('float32', t.data, t.dims);
  }
  const results = await inner.run(ortFeeds, fetchNames as string[]);
  const out: Record<string, Tensor> = {};
  for (const name of fetchNames) {
    const r = results[name];
    const data = r.location === 'cpu' ? r.data : await r.getData(true);
    out[name] = { dims: [...r.dims], data: data as Float32Array | BigInt64Array };
  }
  return out;
}

export async function release(session: Session): Promise<void> {
  await session.inner.release();
}

/** The ORT version in use (for reports). */
export async function ortVersion(backend: Backend = 'wasm'): Promise<string> {
  const ort = await loadOrt(backend);
  return ort.env.versions?.web ?? 'unknown';
}
