/// <reference lib="webworker" />
// The model worker: owns the one ONNX session of the page, so inference never blocks the UI.
// Requests are handled one at a time (a queue), except `cancel`, which stops a running generation.
import { Decoder } from '@/lib/model/decoder';
import { generate } from '@/lib/model/generate';
import { createSession } from '@/lib/model/ort';
import { ContextLengthError } from '@/lib/model/errors';
import type { GPT2Config } from '@/lib/model/config';
import { fetchManifest, fetchModelFile, ModelCorruptError, ModelMissingError } from './model-files';
import type { Backend, ErrorCode, WorkerRequest, WorkerResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let decoder: Decoder | null = null;
const running = new Map<number, AbortController>();
let queue: Promise<void> = Promise.resolve();

function post(msg: WorkerResponse, transfer: Transferable[] = []) {
  self.postMessage(msg, transfer);
}

function errorCode(e: unknown): ErrorCode {
  if (e instanceof ModelMissingError) return 'model-missing';
  if (e instanceof ModelCorruptError) return 'model-corrupt';
  if (e instanceof ContextLengthError) return 'prompt-too-long';
  return 'internal';
}

/** WebGPU when an adapter exists and can hold the largest weight (wte) in one storage buffer. */
async function pickBackend(config: GPT2Config): Promise<{ backend: Backend; why?: string }> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ limits: { maxStorageBufferBindingSize: number } } | null> } }).gpu;
  if (!gpu) return { backend: 'wasm', why: 'no WebGPU in this browser' };
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return { backend: 'wasm', why: 'no WebGPU adapter' };
  const wteBytes = config.vocabSize * config.nEmbd * 4;
  if (adapter.limits.maxStorageBufferBindingSize < wteBytes) {
    return { backend: 'wasm', why: `the GPU's storage buffers (${adapter.limits.maxStorageBufferBindingSize} B) cannot hold wte (${wteBytes} B)` };
  }
  return { backend: 'webgpu' };
}

async function load(req: Extract<WorkerRequest, { type: 'load' }>) {
  const t0 = performance.now();
  const manifest = await fetchManifest(req.baseUrl);
  const entry = manifest.files.decoder;
  if (!entry) throw new ModelCorruptError('manifest.json', 'it lists no decoder.onnx');
  const bytes = await fetchModelFile(req.baseUrl, entry, (p) => post({ type: 'progress', id: req.id, ...p }));
  post({ type: 'progress', id: req.id, phase: 'compile', file: entry.path, loaded: 0, total: entry.bytes });
  const config = { layerNormEpsilon: 1e-5, ...manifest.config } as GPT2Config;
  let { backend, why } = req.backend === 'auto' ? await pickBackend(config) : { backend: req.backend as Backend, why: undefined };
  const threads = self.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;
  let fellBack: string | undefined = req.backend === 'auto' && why ? `WASM because ${why}` : undefined;
  if (decoder) await decoder.release();
  try {
    decoder = new Decoder(await createSession(bytes, { backend, numThreads: threads }), config);
  } catch (e) {
    if (backend !== 'webgpu' || req.backend === 'webgpu') throw e;
    fellBack = `WebGPU failed (${(e as Error).message}); using WASM`;
    backend = 'wasm';
    decoder = new Decoder(await createSession(bytes, { backend, numThreads: threads }), config);
  }
  post({
    type: 'ready', id: req.id, backend, threads: backend === 'wasm' ? threads : 0,
    model: { name: manifest.name, demo: manifest.demo, config: manifest.config, bytes: entry.bytes },
    loadMs: performance.now() - t0, fellBack,
  });
}

/**
 * Lets queued messages (a cancel) run. A WASM forward pass resolves without leaving the microtask
 * queue, so without this a cancel would only be read after the whole generation. A MessageChannel
 * round trip is a macrotask without setTimeout's clamping.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

async function runGeneration(req: Extract<WorkerRequest, { type: 'generate' }>, d: Decoder) {
  const abort = new AbortController();
  running.set(req.id, abort);
  const { sampling } = req;
  let prefillMs = 0;
  let decodeMs = 0;
  let newTokens = 0;
  let last = -1;
  try {
    for await (const tok of generate(d, req.promptIds, {
      maxNewTokens: req.maxNewTokens, greedy: sampling.greedy, temperature: sampling.temperature,
      topK: sampling.topK, topP: sampling.topP, seed: sampling.seed, stopAtEot: req.stopAtEot, signal: abort.signal,
    })) {
      if (tok.index === 0) prefillMs = tok.ms;
      else decodeMs += tok.ms;
      newTokens++;
      last = tok.id;
      post({ type: 'token', id: req.id, tokenId: tok.id, index: tok.index, ms: tok.ms, cachedPositions: d.length });
      await yieldToEventLoop();
    }
  } finally {
    running.delete(req.id);
  }
  const reason = abort.signal.aborted ? 'cancelled' : req.stopAtEot && last === 50256 ? 'eot' : 'max';
  post({
    type: 'done', id: req.id, reason,
    stats: {
      promptTokens: d.tokens.length - Math.max(0, newTokens - 1), newTokens, prefillMs, decodeMs,
      tokensPerSecond: newTokens > 1 ? ((newTokens - 1) * 1000) / decodeMs : 0, cachedPositions: d.length,
    },
  });
}

async function handle(req: WorkerRequest) {
  if (req.type === 'load') return load(req);
  if (req.type === 'cancel') return;
  const d = decoder;
  if (!d) {
    post({ type: 'error', id: req.id, code: 'not-loaded', message: 'The model is not loaded yet.' });
    return;
  }
  const t0 = performance.now();
  if (req.type === 'generate') return runGeneration(req, d);
  const blockSize = d.config.blockSize;
  const ids = req.promptIds.length > blockSize ? req.promptIds.slice(-blockSize) : req.promptIds;
  if (req.type === 'next-token') {
    const { logits } = await d.analyze(ids, ['logits']);
    const data = logits!.data as Float32Array;
    post({ type: 'logits', id: req.id, logits: data, ms: performance.now() - t0 }, [data.buffer]);
    return;
  }
  const analysis = await d.analyze(ids, req.what);
  const tensors: Record<string, { dims: number[]; data: Float32Array }> = {};
  const transfer = new Set<ArrayBufferLike>();
  for (const [kind, list] of Object.entries(analysis)) {
    if (!Array.isArray(list)) continue;
    list.forEach((t, i) => {
      tensors[`${kind}.${i}`] = { dims: t.dims, data: t.data as Float32Array };
      transfer.add(t.data.buffer);
    });
  }
  post({ type: 'analysis', id: req.id, tensors, ms: performance.now() - t0 }, [...transfer] as Transferable[]);
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  if (req.type === 'cancel') {
    running.get(req.target)?.abort();
    return;
  }
  queue = queue.then(() =>
    handle(req).catch((err: unknown) => post({ type: 'error', id: req.id, code: errorCode(err), message: (err as Error)?.message ?? String(err) })),
  );
};
