// npm-less benchmark: tsx scripts/model-bench.ts [--model models/demo-124m] [--rounds 3] [--threads 1]
// Decode speed of onnxruntime-web (wasm) in Node for three graphs of the same weights, each run in
// its own process, interleaved round by round (this host is noisy: compare ratios, not absolutes):
//   decoder        decoder.onnx with the analysis outputs (not fetched)
//   decoder-int8   the same graph, int8 matrices (DynamicQuantizeMatMul), analysis outputs kept
//   optimum        onnx/model.onnx fed back its present.* every step (the raw baseline of the notes)
// Each run: session create, prefill 32 tokens, 64 greedy tokens. Prints medians, with CPU ms per
// token next to wall-clock tok/s: on a shared host the CPU time is the steadier measure of the work.

import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readCheckpointDir } from '@/lib/model/checkpoint-files';
import { fromHFConfig, type GPT2Config } from '@/lib/model/config';
import { Decoder } from '@/lib/model/decoder';
import { buildDecoderGraph } from '@/lib/model/graph/decoder-graph';
import { encodeModelChunks } from '@/lib/model/graph/graph-builder';
import { createSession } from '@/lib/model/ort';
import { optimumForward } from '@/bench/greedy-runs';
import { argmax } from '@/lib/model/sampling';
import { UsageError, intFlag, parseFlags } from './cli-flags';

const FLAGS = {
  model: { type: 'string', default: 'models/demo-124m' },
  rounds: { type: 'string' },
  threads: { type: 'string' },
  child: { type: 'string' },
  prompt: { type: 'string' },
  'new-tokens': { type: 'string' },
} as const;
let values: { model: string; rounds: number; threads: number; child?: string; prompt: number; 'new-tokens': number };
try {
  const raw = parseFlags(FLAGS, process.argv.slice(2)).values;
  values = {
    model: raw.model!,
    rounds: intFlag('rounds', raw.rounds, 3, 1, 100),
    threads: intFlag('threads', raw.threads, 1, 1, 64),
    ...(raw.child ? { child: raw.child } : {}),
    prompt: intFlag('prompt', raw.prompt, 32, 1, 1024),
    'new-tokens': intFlag('new-tokens', raw['new-tokens'], 64, 1, 1024),
  };
  if (!existsSync(join(values.model, 'config.json'))) {
    throw new UsageError(`--model: no model in ${values.model} (build one with "npm run model:demo -- --shape 124m")`);
  }
} catch (e) {
  console.error(`error: ${(e as Error).message}`);
  process.exit(2);
}
const dir = values.model!;
const CACHE = '.cache/bench';
const FILES: Record<string, string> = {
  decoder: join(dir, 'decoder.onnx'),
  'decoder-int8': join(CACHE, `${basename(dir)}-decoder-int8.onnx`),
  optimum: join(dir, 'onnx/model.onnx'),
};
const promptLen = Number(values.prompt);
const newTokens = Number(values['new-tokens']);
const prompt = Array.from({ length: promptLen }, (_, i) => (i * 7919 + 13) % 50000);

interface Result {
  loadMs: number;
  prefillMs: number;
  prefillCpuMs: number;
  tokPerSec: number;
  cpuMsPerTok: number;
  rssMB: number;
  ids: number[];
}

/** CPU ms of this process since `c0`: with 1 thread, the work itself, robust to a busy host. */
const cpuMs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

async function benchDecoder(bytes: Uint8Array, config: GPT2Config): Promise<Result> {
  let t = performance.now();
  const d = await Decoder.load(bytes, config, { numThreads: Number(values.threads) });
  const loadMs = performance.now() - t;
  t = performance.now();
  const p0 = process.cpuUsage();
  let logits = await d.prefill(prompt);
  const prefillMs = performance.now() - t;
  const prefillCpuMs = cpuMs(p0);
  const ids = [argmax(logits)];
  t = performance.now();
  const c0 = process.cpuUsage();
  while (ids.length < newTokens) ids.push(argmax((logits = await d.step(ids.at(-1)!))));
  const cpuMsPerTok = cpuMs(c0) / (newTokens - 1);
  return {
    loadMs,
    prefillMs,
    prefillCpuMs,
    tokPerSec: ((newTokens - 1) * 1000) / (performance.now() - t),
    cpuMsPerTok,
    rssMB: process.memoryUsage().rss / 1e6,
    ids,
  };
}

async function benchOptimum(bytes: Uint8Array, config: GPT2Config): Promise<Result> {
  let t = performance.now();
  const s = await createSession(bytes, { numThreads: Number(values.threads) });
  const loadMs = performance.now() - t;
  const forward = optimumForward(s, config);
  t = performance.now();
  const p0 = process.cpuUsage();
  let logits = await forward(prompt);
  const prefillMs = performance.now() - t;
  const prefillCpuMs = cpuMs(p0);
  const ids = [argmax(logits)];
  t = performance.now();
  const c0 = process.cpuUsage();
  while (ids.length < newTokens) ids.push(argmax((logits = await forward([ids.at(-1)!]))));
  const cpuMsPerTok = cpuMs(c0) / (newTokens - 1);
  return {
    loadMs,
    prefillMs,
    prefillCpuMs,
    tokPerSec: ((newTokens - 1) * 1000) / (performance.now() - t),
    cpuMsPerTok,
    rssMB: process.memoryUsage().rss / 1e6,
    ids,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (values.child) {
  const config = fromHFConfig(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')));
  const bytes = await readFile(FILES[values.child]);
  const r = values.child === 'optimum' ? await benchOptimum(bytes, config) : await benchDecoder(bytes, config);
  process.stdout.write(JSON.stringify(r) + '\n');
  process.exit(0);
}

// the two derived graphs, rebuilt when older than the model's own decoder.onnx
const derived = { 'decoder-int8': { precision: 'int8' } } as const;
for (const [variant, opts] of Object.entries(derived)) {
  const file = FILES[variant];
  if (existsSync(file) && statSync(file).mtimeMs > statSync(FILES.decoder).mtimeMs) continue;
  await mkdir(CACHE, { recursive: true });
  const { config, weights } = await readCheckpointDir(dir);
  const fh = await open(file, 'w');
  for (const c of encodeModelChunks(buildDecoderGraph(config, weights, opts))) await fh.write(c);
  await fh.close();
}
const results: Record<string, Result[]> = { decoder: [], 'decoder-int8': [], optimum: [] };
for (let r = 0; r < Number(values.rounds); r++) {
  for (const variant of Object.keys(results)) {
    const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1], ...process.argv.slice(2), '--child', variant], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    const res = JSON.parse(out.trim().split('\n').at(-1)!) as Result;
    results[variant].push(res);
    console.error(
      `round ${r + 1} ${variant.padEnd(13)} load ${(res.loadMs / 1000).toFixed(1)} s  prefill ${res.prefillMs.toFixed(0)} ms (cpu ${res.prefillCpuMs.toFixed(0)})  ${res.tokPerSec.toFixed(1)} tok/s  cpu ${res.cpuMsPerTok.toFixed(1)} ms/tok  rss ${res.rssMB.toFixed(0)} MB`,
    );
  }
}
const base = median(results.optimum.map((r) => r.tokPerSec));
console.log(
  `\n${dir}, ${values.threads} thread(s), prompt ${promptLen}, ${newTokens} greedy tokens, medians of ${values.rounds} interleaved runs`,
);
console.log('graph          load s  prefill ms  prefill cpu ms  decode tok/s  vs optimum  cpu ms/tok  rss MB');
for (const [variant, rs] of Object.entries(results)) {
  const tps = median(rs.map((r) => r.tokPerSec));
  const cpu = median(rs.map((r) => r.cpuMsPerTok));
  console.log(
    `${variant.padEnd(13)}  ${(median(rs.map((r) => r.loadMs)) / 1000).toFixed(1).padStart(6)}  ${median(rs.map((r) => r.prefillMs))
      .toFixed(0)
      .padStart(10)}  ${median(rs.map((r) => r.prefillCpuMs))
      .toFixed(0)
      .padStart(14)}  ${tps.toFixed(1).padStart(12)}  ${(tps / base).toFixed(2).padStart(9)}×  ${cpu.toFixed(1).padStart(10)}  ${median(
      rs.map((r) => r.rssMB),
    )
      .toFixed(0)
      .padStart(6)}`,
  );
}
const same = Object.values(results).every((rs) => JSON.stringify(rs[0].ids) === JSON.stringify(results.optimum[0].ids));
console.log(`same greedy ids across graphs: ${same}`);
