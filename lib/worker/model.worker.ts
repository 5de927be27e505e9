/// <reference lib="webworker" />
// The model worker: owns the one ONNX session of the page, so inference never blocks the UI.
// Requests are handled one at a time (a queue), except `cancel`, which stops a running generation.
import { Decoder } from '@/lib/model/decoder';
import { fitPrompt, generate } from '@/lib/model/generate';
import { lensTopN } from '@/lib/model/logit-lens';
import { createSession } from '@/lib/model/ort';
import { startRuntime } from '@/lib/model/runtime-start';
import { sessionSource } from '@/lib/model/session-source';
import { ContextLengthError } from '@/lib/model/errors';
import type { GPT2Config } from '@/lib/model/config';
import { fetchManifest, fetchModelFile, ModelCorruptError, ModelMissingError, type Manifest } from './model-files';
import { planLoad } from '@/lib/model/load-plan';
import { median } from '@/lib/stats';
import { adapterKey, fasterBackend, isSoftwareAdapter, MEASURE_STEPS, type AdapterInfo, type BackendReason } from './backend-choice';
import { ManifestError } from '@/lib/model/errors';
import { TokenMap } from '@/lib/model/token-map';
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
  if (e instanceof ModelCorruptError || e instanceof ManifestError) return 'model-corrupt';
  if (e instanceof ContextLengthError) return 'prompt-too-long';
  return 'internal';
}

/**
 * What WebGPU offers here: an adapter key when there is an adapter, and why it should not be used
 * (no WebGPU, no adapter, a software adapter, or storage buffers too small for wte).
 */
async function probeWebGpu(config: GPT2Config): Promise<{ adapter?: string; why?: string }> {
  type Adapter = { info?: AdapterInfo; limits: { maxStorageBufferBindingSize: number } };
  // via unknown: @webgpu/types (pulled in by TensorFlow.js) types navigator.gpu differently
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<Adapter | null> } }).gpu;
  if (!gpu) return { why: 'no WebGPU in this browser' };
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return { why: 'no WebGPU adapter' };
  const info = adapter.info ?? {};
  const key = adapterKey(info);
  if (isSoftwareAdapter(info))
    return {
      adapter: key,
      why: `the WebGPU adapter is a software one (${info.architecture || info.description || 'fallback'}), slower than WASM`,
    };
  const wteBytes = config.vocabSize * config.nEmbd * 4;
  if (adapter.limits.maxStorageBufferBindingSize < wteBytes) {
    return {
      adapter: key,
      why: `the GPU's storage buffers (${adapter.limits.maxStorageBufferBindingSize} B) cannot hold wte (${wteBytes} B)`,
    };
  }
  return { adapter: key };
}

/**
 * WASM threads: half the cores, at most 4 (onnxruntime-web's own rule), 1 without cross-origin
 * isolation. The other half stays with the page and the browser; two threads on two cores gave a
 * long tail of slow steps (docs/performance.md).
 */
function defaultThreads(): number {
  if (!self.crossOriginIsolated) return 1;
  return Math.max(1, Math.min(4, Math.ceil((navigator.hardwareConcurrency || 1) / 2)));
}

/**
 * What the session is created from: built here from compact.safetensors or from the original
 * checkpoint (model.safetensors from the hub, at `baseUrl`), or decoder.onnx as exported.
 */
async function graphSource(req: Extract<WorkerRequest, { type: 'load' }>, manifest: Manifest, backend: Backend) {
  const { variant, file: weightsFile, entry, baseUrl, label, note, precision, precisionNote: why } = planLoad(manifest, backend, req);
  const t0 = performance.now();
  const file = await fetchModelFile(baseUrl ?? req.baseUrl, entry, (p) => post({ type: 'progress', id: req.id, ...p }));
  post({ type: 'progress', id: req.id, phase: 'compile', file: entry.path, loaded: 0, total: entry.bytes });
  const t1 = performance.now();
  const source = sessionSource(weightsFile, file, precision, manifest.config); // `file` dies with this frame
  return {
    variant,
    label,
    note: [note, why].filter(Boolean).join('; ') || undefined,
    downloadBytes: entry.bytes,
    ...source,
    fetchMs: t1 - t0,
    buildMs: performance.now() - t1,
  };
}

/** A model with its own small vocabulary (one trained in the browser) maps ids at the Decoder's edge. */
async function tokenMapOf(baseUrl: string, manifest: Manifest): Promise<TokenMap | undefined> {
  const entry = manifest.files.token_map;
  return entry && TokenMap.parse(new TextDecoder().decode(await fetchModelFile(baseUrl, entry)), manifest.config.vocabSize);
}

/** A session on `backend`, warmed up; the ONNX bytes are dropped before the warm-up pass. */
async function sessionOn(req: Extract<WorkerRequest, { type: 'load' }>, manifest: Manifest, backend: Backend, threads: number) {
  const started = startRuntime({ backend, numThreads: threads }).catch(() => {}); // a failure shows up again below
  let graph: Awaited<ReturnType<typeof graphSource>> | null = await graphSource(req, manifest, backend);
  await started;
  const t1 = performance.now();
  const d = new Decoder(
    await createSession(graph.onnx, { backend, numThreads: threads, externalData: graph.externalData }),
    manifest.config,
    await tokenMapOf(req.baseUrl, manifest),
  );
  const { variant, label, note, precision, downloadBytes, graphBytes, fetchMs, buildMs } = graph;
  graph = null; // the session holds its own copy
  const t2 = performance.now();
  await d.warmUp();
  return {
    backend,
    d,
    variant,
    label,
    note,
    precision,
    downloadBytes,
    graphBytes,
    phases: { fetchMs, buildMs, sessionMs: t2 - t1, warmUpMs: performance.now() - t2 },
  };
}

/** Decode speed in tokens per second: the median of MEASURE_STEPS cached steps after a 16-token prompt. */
async function decodeSpeed(d: Decoder): Promise<number> {
  const id = d.tokenMap?.toGpt2(0) ?? 0; // a token the model has
  await d.prefill(new Array(16).fill(id));
  const ms: number[] = [];
  for (let i = 0; i < MEASURE_STEPS; i++) {
    const t = performance.now();
    await d.step(id);
    ms.push(performance.now() - t);
  }
  d.reset();
  return 1000 / Math.max(1e-3, median(ms)!);
}

async function load(req: Extract<WorkerRequest, { type: 'load' }>) {
  const t0 = performance.now();
  const manifest = await fetchManifest(req.baseUrl);
  if (decoder) await decoder.release(); // before the new weights arrive: one model in memory at a time
  decoder = null;
  const threads = req.threads ?? defaultThreads();

  // Which backend: as asked; WASM when WebGPU is missing or software; remembered for this adapter; or measured.
  let plan: Backend | 'measure';
  let reason: BackendReason;
  const probe = req.backend === 'auto' ? await probeWebGpu(manifest.config) : null;
  if (!probe) {
    plan = req.backend as Backend;
    reason = { how: 'asked' };
  } else if (!probe.adapter || (probe.why && !req.measure)) {
    plan = 'wasm';
    reason = { how: 'wasm-only', why: probe.why! };
  } else if (!req.measure && req.remembered?.adapter === probe.adapter) {
    plan = req.remembered.backend;
    reason = { how: 'remembered', adapter: probe.adapter };
  } else {
    plan = 'measure'; // a real GPU seen for the first time (or asked to measure again)
    reason = { how: 'measured', adapter: probe.adapter, tokensPerSecond: { webgpu: 0, wasm: 0 } };
  }

  let opened: Awaited<ReturnType<typeof sessionOn>>;
  try {
    opened = await sessionOn(req, manifest, plan === 'measure' ? 'webgpu' : plan, threads);
  } catch (e) {
    if (plan === 'wasm' || req.backend === 'webgpu') throw e;
    // rebuilt in WASM's own precision (4-bit has no fast WASM kernel), from the cached file
    reason = { how: 'fell-back', why: `WebGPU failed (${(e as Error).message}); using WASM` };
    plan = 'wasm';
    opened = await sessionOn(req, manifest, 'wasm', threads);
  }
  if (plan === 'measure' && reason.how === 'measured') {
    const webgpu = await decodeSpeed(opened.d);
    const onWasm = await sessionOn(req, manifest, 'wasm', threads);
    reason.tokensPerSecond = { webgpu, wasm: await decodeSpeed(onWasm.d) };
    const [keep, drop] = fasterBackend(reason.tokensPerSecond) === 'wasm' ? [onWasm, opened] : [opened, onWasm];
    await drop.d.release();
    opened = keep;
  }
  const { backend, d, variant, label, note, precision, downloadBytes, graphBytes, phases } = opened;
  decoder = d;
  post({
    type: 'ready',
    id: req.id,
    backend,
    threads: backend === 'wasm' ? threads : 0,
    model: { name: manifest.name, demo: manifest.demo, trained: manifest.trained, config: manifest.config, bytes: downloadBytes },
    loadMs: performance.now() - t0,
    reason,
    fellBack: note,
    variant,
    label,
    precision,
    downloadBytes,
    graphBytes,
    accuracy: variant === 'compact' ? pickAccuracy(manifest.accuracy?.compact?.[precision]) : undefined,
    phases,
  });
}

/** The figures the status line shows, from the manifest's accuracy record (checked by parseManifest). */
function pickAccuracy(a: { positions: number; top1Agree: number; maxLogitError: number } | undefined) {
  return a && { positions: a.positions, top1Agree: a.top1Agree, maxLogitError: a.maxLogitError };
}

const NO_LENS =
  'The logit lens needs a graph with its lens output, and this decoder.onnx was exported before it had one. ' +
  'Export the model again (npm run model:demo / model:gpt2 / model:export), or load it without ?variant=fp32.';

const lensTop = (topN: number) => Math.max(1, Math.min(100, Math.floor(topN) || 1));

/** Intermediates for the widgets, with the lens from the same pass when asked and the graph has it. */
async function runAnalysis(req: Extract<WorkerRequest, { type: 'analyze' }>, d: Decoder, ids: number[], t0: number) {
  const withLens = req.lensTopN !== undefined && d.hasLens;
  const kinds = withLens ? [...req.what, 'lens' as const] : req.what;
  const analysis = kinds.length ? await d.analyze(ids, kinds) : {}; // nothing to fetch: no forward pass
  const tensors: Record<string, { dims: number[]; data: Float32Array }> = {};
  const transfer = new Set<ArrayBufferLike>();
  for (const kind of req.what) {
    analysis[kind]?.forEach((t, i) => {
      tensors[`${kind}.${i}`] = { dims: t.dims, data: t.data as Float32Array };
      transfer.add(t.data.buffer);
    });
  }
  const lens =
    req.lensTopN === undefined ? undefined : analysis.lens ? lensTopN(analysis.lens, lensTop(req.lensTopN)) : { unavailable: NO_LENS };
  post({ type: 'analysis', id: req.id, tensors, ms: performance.now() - t0, lens }, [...transfer] as Transferable[]);
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
      maxNewTokens: req.maxNewTokens,
      greedy: sampling.greedy,
      temperature: sampling.temperature,
      topK: sampling.topK,
      topP: sampling.topP,
      seed: sampling.seed,
      stopAtEot: req.stopAtEot,
      signal: abort.signal,
      topN: req.topN,
      kvCache: req.kvCache,
    })) {
      if (tok.index === 0) prefillMs = tok.ms;
      else decodeMs += tok.ms;
      newTokens++;
      last = tok.id;
      post({
        type: 'token',
        id: req.id,
        tokenId: tok.id,
        index: tok.index,
        ms: tok.ms,
        cachedPositions: d.length,
        prob: tok.prob,
        top: tok.top,
      });
      await yieldToEventLoop();
    }
  } finally {
    running.delete(req.id);
  }
  const reason = abort.signal.aborted ? 'cancelled' : req.stopAtEot && last === 50256 ? 'eot' : 'max';
  post({
    type: 'done',
    id: req.id,
    reason,
    stats: {
      promptTokens: fitPrompt(req.promptIds, d.config.blockSize, req.maxNewTokens).length,
      newTokens,
      prefillMs,
      decodeMs,
      tokensPerSecond: newTokens > 1 ? ((newTokens - 1) * 1000) / decodeMs : 0,
      cachedPositions: d.length,
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
  return runAnalysis(req, d, ids, t0);
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  if (req.type === 'cancel') {
    running.get(req.target)?.abort();
    return;
  }
  queue = queue.then(() =>
    handle(req).catch((err: unknown) =>
      post({ type: 'error', id: req.id, code: errorCode(err), message: (err as Error)?.message ?? String(err) }),
    ),
  );
};
