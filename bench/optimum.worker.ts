/// <reference lib="webworker" />
// Benchmark (B), the raw baseline: the Optimum graph (onnx/model.onnx) on onnxruntime-web WASM through
// lib/model/ort.ts, every present.* fetched each step.
import { fromHFConfig, type GPT2Config } from '@/lib/model/config';
import { createSession, type Session } from '@/lib/model/ort';
import { optimumGreedy } from './greedy-runs';
import type { BenchJob, BenchReply, BenchRequest } from './bench-protocol';

declare const self: DedicatedWorkerGlobalScope;

let state: { session: Session; config: GPT2Config; job: BenchJob } | null = null;

async function load(baseUrl: string, threads: number): Promise<{ session: Session; downloadBytes: number }> {
  const res = await fetch(new URL('onnx/model.onnx', baseUrl));
  if (!res.ok) throw new Error(`onnx/model.onnx: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer()); // dies with this frame, once the session holds its copy
  return { session: await createSession(bytes, { numThreads: threads }), downloadBytes: bytes.byteLength };
}

self.onmessage = async (e: MessageEvent<BenchRequest>) => {
  try {
    if (e.data.op === 'load') {
      const { job } = e.data;
      const t0 = performance.now();
      const config = fromHFConfig(await (await fetch(new URL('config.json', job.baseUrl))).json());
      const { session, downloadBytes } = await load(job.baseUrl, job.threads);
      state = { session, config, job };
      self.postMessage({ ok: true, load: { loadMs: performance.now() - t0, downloadBytes, threads: job.threads } } satisfies BenchReply);
    } else {
      const { session, config, job } = state!;
      self.postMessage({ ok: true, gen: await optimumGreedy(session, config, job.prompt, job.newTokens) } satisfies BenchReply);
    }
  } catch (err) {
    self.postMessage({ ok: false, error: String((err as Error)?.stack ?? err) } satisfies BenchReply);
  }
};
