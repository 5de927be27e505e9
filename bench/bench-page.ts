// The benchmark page (bundled by scripts/bench.ts): one configuration per page, in a worker, in two
// calls (load, then generate) so the driver can read CPU time around the generation. Driven by
// Playwright through window.bench.
//   runtime      (A) the project's own worker (lib/worker/model.worker.ts) through ModelClient
//   optimum      (B) the raw baseline worker (optimum.worker.ts)
//   transformers (C) transformers.js (transformers.worker.ts)
import { ModelClient } from '@/lib/worker/client';
import type { BackendChoice, PrecisionChoice, VariantChoice } from '@/lib/worker/protocol';
import type { BenchGen, BenchJob, BenchLoad, BenchReply, BenchRequest } from './bench-protocol';
import { stepPercentiles } from './greedy-runs';

const GREEDY = { greedy: true, temperature: 1, topK: 0, topP: 1, seed: 0 };

function modelUrl(name: string) {
  return `${location.origin}/models/${name}/`;
}

/** A fresh project worker with the model loaded. */
async function loadClient(model: string, backend: BackendChoice, variant: VariantChoice, threads?: number, precision?: PrecisionChoice) {
  const client = new ModelClient(new Worker('/model.worker.js', { type: 'module' }));
  const ready = await client.load(modelUrl(model), backend, undefined, { variant, threads, precision });
  return { client, ready };
}

/** Greedy ids from a loaded client (stopAtEot off), with the worker's own timings. */
async function greedy(client: ModelClient, promptIds: number[], n: number) {
  const { tokens } = client.generate(promptIds, { maxNewTokens: n, sampling: GREEDY, stopAtEot: false });
  const ids: number[] = [];
  const stepsMs: number[] = []; // the worker's own time per token, after the prefill
  for (;;) {
    const r = await tokens.next();
    if (r.done) return { ids, stats: r.value.stats, stepMs: stepPercentiles(stepsMs) };
    ids.push(r.value.tokenId);
    if (r.value.index > 0) stepsMs.push(r.value.ms);
  }
}

type Kind = 'runtime' | 'optimum' | 'transformers';

/** The configuration being measured: load() starts it, generate() runs the timed generation, finish() the rest. */
let current: { generate(): Promise<BenchGen>; finish(): Promise<{ lensMs?: number }> } | null = null;

/** (A) the project's worker. */
async function loadRuntime(job: Omit<BenchJob, 'baseUrl'>): Promise<BenchLoad> {
  const t0 = performance.now();
  const { client, ready } = await loadClient(job.modelName, 'wasm', 'auto', job.threads, job.precision);
  const loadMs = performance.now() - t0;
  current = {
    async generate() {
      const { ids, stats, stepMs } = await greedy(client, job.prompt, job.newTokens);
      return { prefillMs: stats.prefillMs, decodeMs: stats.decodeMs, tokPerSec: stats.tokensPerSecond, stepMs, ids };
    },
    async finish() {
      const lensMs = ready.variant === 'compact' ? (await client.lens(job.prompt, 10)).ms : undefined;
      client.terminate();
      return { lensMs };
    },
  };
  return {
    loadMs,
    downloadBytes: ready.downloadBytes,
    threads: ready.threads,
    variant: ready.variant,
    precision: ready.precision,
    graphBytes: ready.graphBytes,
    phases: ready.phases,
  };
}

/** (B) and (C): a bench worker, asked once to load and once to generate. */
async function loadInWorker(script: string, job: Omit<BenchJob, 'baseUrl'>): Promise<BenchLoad> {
  const w = new Worker(script, { type: 'module' });
  const ask = (req: BenchRequest) =>
    new Promise<BenchReply>((resolve, reject) => {
      w.onmessage = (e: MessageEvent<BenchReply>) => (e.data.ok ? resolve(e.data) : reject(new Error(e.data.error)));
      w.onerror = (e) => reject(new Error(e.message || `${script} failed`));
      w.postMessage(req);
    });
  const reply = await ask({ op: 'load', job: { ...job, baseUrl: modelUrl(job.modelName) } });
  current = {
    async generate() {
      return ((await ask({ op: 'generate' })) as Extract<BenchReply, { gen: BenchGen }>).gen;
    },
    async finish() {
      w.terminate();
      return {};
    },
  };
  return (reply as Extract<BenchReply, { load: BenchLoad }>).load;
}

const bench = {
  isolated: () => self.crossOriginIsolated,
  loadClient,
  greedy,
  load(kind: Kind, job: Omit<BenchJob, 'baseUrl'>): Promise<BenchLoad> {
    if (kind === 'runtime') return loadRuntime(job);
    return loadInWorker(kind === 'optimum' ? '/optimum.worker.js' : '/transformers.worker.js', job);
  },
  generate: () => current!.generate(),
  finish: () => current!.finish(),
};

export type BenchApi = typeof bench;
(globalThis as unknown as { bench: BenchApi }).bench = bench;
document.title = 'bench ready';
