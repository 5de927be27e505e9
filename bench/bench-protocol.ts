// What the benchmark page and its workers exchange (plain data only). A run has two phases, so the
// driver can read the browser's CPU time around the generation alone: load, then generate.

export interface BenchJob {
  baseUrl: string; // the model folder, e.g. http://127.0.0.1:PORT/models/demo-124m/
  modelName: string; // its name under /models/ (transformers.js looks it up by name)
  threads: number;
  /** The project's runtime only: what the compact weights compute in (default: the worker's choice). */
  precision?: 'int8' | 'fp32';
  prompt: number[];
  newTokens: number;
}

export interface BenchLoad {
  loadMs: number; // from the start of the load to a usable session (download + verify + build + compile)
  downloadBytes: number;
  threads: number;
  variant?: string;
  precision?: string;
  graphBytes?: number;
  /** The project's runtime: where its load time went (ready.phases). */
  phases?: { fetchMs: number; buildMs: number; sessionMs: number; warmUpMs: number };
}

export interface BenchGen {
  prefillMs: number;
  decodeMs: number; // the newTokens − 1 steps after the prefill
  tokPerSec: number;
  /** Median and 90th percentile of the decode steps (not for transformers.js, which streams no timings). */
  stepMs?: { p50: number; p90: number };
  ids: number[];
}

export type BenchRun = BenchLoad &
  BenchGen & {
    lensMs?: number; // (A) a logit-lens request on the prompt, top 10, after the timed generation
  };

export type BenchRequest = { op: 'load'; job: BenchJob } | { op: 'generate' };
export type BenchReply = { ok: true; load: BenchLoad } | { ok: true; gen: BenchGen } | { ok: false; error: string };
