// npm run bench [-- --rounds 3] [--quick] [--json] [--model models/demo-124m] [--only A1,B1,…] [--check]
// Prints figures; it is not a test. GPT-2 decode in headless Debian Chromium (COOP/COEP, WASM):
//   (A) the project's runtime: its real worker, compact.safetensors → int8 decoder graph built in the
//       worker, new-K/V outputs with the cache kept in JS; 1 and 2 threads. Also in Node (N1).
//       A1f: the same with fp32 compute (?precision=fp32).
//   (B) the raw baseline: the Optimum graph (onnx/model.onnx) on onnxruntime-web WASM, all present.*
//       fetched every step.
//   (C) transformers.js 4.3.2, AutoModelForCausalLM on the same folder, greedy generate.
// Each run: a fresh browser (fresh profile: first visit, nothing cached), load, a 32-token prompt,
// 64 greedy tokens. Configurations are interleaved round by round; the table shows medians. Memory is
// the browser's whole process tree sampled from outside (PSS sum; "over idle" subtracts the tree
// before the run; "tab" is the largest single process, the page's renderer with its worker; "after"
// is the tree once the generation is done); Node: the child's RSS. CPU ms
// per token: CPU time of all the browser's processes during the generation / new tokens, steadier
// than wall-clock speed on a shared host.
// --quick: models/demo, 1 round (a smoke check). --check: the worker vs the Node CLI on models/demo
// (greedy ids on WASM and WebGPU, both variants), the logit lens, compact-vs-fp32 accuracy.

import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import type { BenchApi } from '@/bench/bench-page';
import type { BenchRun } from '@/bench/bench-protocol';
import { inFreshBrowser } from '@/bench/browser';
import { serve } from './local-site.mjs';
import { bundleBenchSite } from '@/bench/bundle';
import { browserCheck } from '@/bench/check';
import { treeCpuMs, treeMemory } from '@/bench/proc-memory';
import { benchPrompt, decoderGreedy } from '@/bench/greedy-runs';
import { openCompact } from '@/lib/model/compact';
import { sessionSource } from '@/lib/model/session-source';
import { Decoder } from '@/lib/model/decoder';
import { encode } from '@/lib/tokenizer';
import { intFlag, parseFlags } from './cli-flags';

const FLAGS = {
  rounds: { type: 'string' },
  quick: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  model: { type: 'string' },
  only: { type: 'string' },
  check: { type: 'boolean', default: false },
  child: { type: 'string' },
  threads: { type: 'string', default: '1' },
} as const;
let values: ReturnType<typeof parseFlags<typeof FLAGS>>['values'];
let rounds: number;
try {
  values = parseFlags(FLAGS, process.argv.slice(2)).values;
  rounds = intFlag('rounds', values.rounds, values.quick ? 1 : 3, 1, 100);
  intFlag('threads', values.threads, 1, 1, 64);
} catch (e) {
  console.error(`error: ${(e as Error).message}`);
  process.exit(2);
}
const dir = values.model ?? (values.quick || values.check ? 'models/demo' : 'models/demo-124m');
const PROMPT = benchPrompt(32);
const NEW_TOKENS = 64;
const log = (s: string) => process.stderr.write(s + '\n');

interface Run extends BenchRun {
  peakMB: number; // browser: PSS sum of the process tree; Node: peak RSS
  tabMB: number; // browser: peak PSS of the largest process (the page's renderer, its worker included); Node: peak RSS
  overIdleMB: number;
  afterMB: number; // after the generation (browser: PSS sum; Node: RSS): what stays while the model is in use
  cpuMsPerToken: number; // CPU time of the whole generation (prefill + steps, all processes) / new tokens
  isolated?: boolean;
}

// ---- the Node child: the project's runtime in Node (scripts/model-bench.ts's measurement) ----
if (values.child === 'node') {
  const t0 = performance.now();
  const bytes = await readFile(join(dir, 'compact.safetensors'));
  const idleMB = process.memoryUsage().rss / 2 ** 20;
  const { config } = openCompact(bytes);
  const { onnx, externalData, graphBytes } = sessionSource('compact', bytes);
  const d = await Decoder.load(onnx, config, { numThreads: Number(values.threads), externalData });
  const loadMs = performance.now() - t0;
  const c0 = process.cpuUsage();
  const r = await decoderGreedy(d, PROMPT, NEW_TOKENS);
  const cpu = process.cpuUsage(c0);
  const peakMB = process.resourceUsage().maxRSS / 1024;
  const run: Run = {
    ...r,
    loadMs,
    downloadBytes: bytes.byteLength,
    graphBytes,
    threads: Number(values.threads),
    variant: 'compact',
    peakMB,
    tabMB: peakMB,
    overIdleMB: peakMB - idleMB,
    afterMB: process.memoryUsage().rss / 2 ** 20,
    cpuMsPerToken: (cpu.user + cpu.system) / 1000 / NEW_TOKENS,
  };
  process.stdout.write(JSON.stringify(run) + '\n');
  process.exit(0);
}

if (!existsSync(join(dir, 'manifest.json'))) {
  const shape = basename(dir) === 'demo-124m' ? ['--', '--shape', '124m'] : basename(dir) === 'demo' ? [] : null;
  if (!shape) throw new Error(`${dir} has no manifest.json: export it first (models/README.md)`);
  log(`${dir} is missing: npm run model:demo ${shape.slice(1).join(' ')}`);
  execFileSync('npm', ['run', '--silent', 'model:demo', ...shape], { stdio: 'inherit' });
}
const modelName = basename(dir);
if (!existsSync(join('models', modelName, 'manifest.json')))
  throw new Error(`the bench serves models/ as /models/: ${dir} must be a folder of models/`);

const site = await mkdtemp(join(tmpdir(), 'gpt2-bench-'));
await bundleBenchSite(site);
const server = await serve(site);
/** One browser configuration: load, then the timed generation with the browser's CPU time around it. */
async function browserRun(page: Page, pid: number, kind: 'runtime' | 'optimum' | 'transformers', threads: number, precision?: 'fp32') {
  const job = { modelName, threads, precision, prompt: PROMPT, newTokens: NEW_TOKENS };
  const load = await page.evaluate(({ kind, job }) => (globalThis as unknown as { bench: BenchApi }).bench.load(kind, job), { kind, job });
  const c0 = treeCpuMs(pid);
  const gen = await page.evaluate(() => (globalThis as unknown as { bench: BenchApi }).bench.generate());
  const cpuMs = treeCpuMs(pid) - c0;
  const afterMB = treeMemory(pid).pssMB; // steady state: the session loaded, a generation done
  const rest = await page.evaluate(() => (globalThis as unknown as { bench: BenchApi }).bench.finish());
  const isolated = await page.evaluate(() => (globalThis as unknown as { bench: BenchApi }).bench.isolated());
  return { run: { ...load, ...gen, ...rest }, cpuMs, afterMB, isolated };
}

try {
  if (values.check) await check();
  else await speed();
} finally {
  await server.stop();
  await rm(site, { recursive: true, force: true });
}

async function check() {
  const text = 'The attention mechanism';
  const cliRuns = new Map<string, number[]>();
  const cli = (variant: string, precision: string) => {
    const key = `${variant}/${precision}`;
    if (!cliRuns.has(key)) {
      const args = [
        'tsx',
        'scripts/generate.ts',
        '--model',
        dir,
        '--prompt',
        text,
        '--max-new-tokens',
        '12',
        '--greedy',
        '--json',
        '--variant',
        variant,
        '--precision',
        precision,
      ];
      cliRuns.set(key, JSON.parse(execFileSync('npx', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).ids as number[]);
    }
    return cliRuns.get(key)!;
  };
  const node = { compact: cli('compact', 'int8'), fp32: cli('fp32', 'fp32') };
  const sentence =
    'The transformer reads a sequence of tokens and predicts the next one. Each block lets every position look back at the earlier positions through attention, then refines what it found. ';
  const forced = encode(sentence.repeat(3)).slice(0, 64);
  const { result: r } = await inFreshBrowser(server.url + '/', (page) =>
    browserCheck(page, { model: modelName, promptIds: encode(text), n: 12, forced, benchPrompt: PROMPT, benchTokens: NEW_TOKENS }),
  );
  if (values.json) return void console.log(JSON.stringify({ model: dir, node, ...r }));
  console.log(`${dir}: the worker in Chromium vs the Node CLI ("${text}", 12 greedy tokens)`);
  for (const [key, run] of Object.entries(r.runs)) {
    const v = key.split('/')[1] as 'compact' | 'fp32';
    const same = JSON.stringify(run.ids) === JSON.stringify(cli(v, run.precision));
    console.log(
      `  ${key.padEnd(15)} ${same ? 'same ids as' : 'DIFFERENT from'} the CLI --variant ${v} --precision ${run.precision}; ready: ${run.backend}, ${run.variant}, ${run.precision}, download ${(run.downloadBytes / 1e6).toFixed(2)} MB, graph ${(run.graphBytes / 1e6).toFixed(2)} MB, load ${run.loadMs.toFixed(0)} ms`,
    );
  }
  console.log(
    `  CLI compact vs fp32 ids: ${JSON.stringify(node.compact) === JSON.stringify(node.fp32) ? 'identical' : `differ (${JSON.stringify(node.compact)} vs ${JSON.stringify(node.fp32)})`}`,
  );
  console.log(
    `  lens: ${r.lens.layers} layers in ${r.lens.ms.toFixed(0)} ms; last layer top-1 ${r.lens.top1}, next-token argmax ${r.lens.argmaxNextToken}; max |lens − session logit| over its top 5: ${r.lens.maxLogitDiff.toExponential(2)}`,
  );
  console.log(`  lens on fp32 (decoder.onnx): ${r.lensFp32}`);
  const a = r.accuracy;
  console.log(
    `  compact vs fp32, ${a.positions} teacher-forced positions: max |logit error| ${a.maxErr.toPrecision(3)}, mean ${a.meanErr.toPrecision(3)} (max |logit| ${a.maxAbsLogit.toPrecision(3)}), top-1 agreement ${a.top1Agree}/${a.positions}`,
  );
  const div = r.longGreedy.compact.findIndex((id, i) => id !== r.longGreedy.fp32[i]);
  console.log(`  ${NEW_TOKENS} greedy tokens after the bench prompt: ${div < 0 ? 'identical' : `first divergence at token ${div}`}`);
}

interface Config {
  key: string;
  label: string;
  kind: 'runtime' | 'optimum' | 'transformers' | 'node';
  threads: number;
  precision?: 'fp32';
}

async function speed() {
  const all: Config[] = [
    { key: 'A1', label: '(A) project runtime, browser', kind: 'runtime', threads: 1 },
    { key: 'A2', label: '(A) project runtime, browser', kind: 'runtime', threads: 2 },
    { key: 'A1f', label: '(A) same, fp32 compute', kind: 'runtime', threads: 1, precision: 'fp32' },
    { key: 'A2f', label: '(A) same, fp32 compute', kind: 'runtime', threads: 2, precision: 'fp32' },
    { key: 'B1', label: '(B) raw ORT baseline, browser', kind: 'optimum', threads: 1 },
    { key: 'B2', label: '(B) raw ORT baseline, browser', kind: 'optimum', threads: 2 },
    { key: 'C1', label: '(C) transformers.js, browser', kind: 'transformers', threads: 1 },
    { key: 'C2', label: '(C) transformers.js, browser', kind: 'transformers', threads: 2 },
    { key: 'N1', label: '(A) project runtime, Node', kind: 'node', threads: 1 },
  ];
  const only = values.only?.split(',');
  const configs = only ? all.filter((c) => only.includes(c.key)) : all;
  const runs: Record<string, Run[]> = Object.fromEntries(configs.map((c) => [c.key, []]));
  const t0 = performance.now();
  for (let round = 1; round <= rounds; round++) {
    for (const c of configs) {
      let run: Run;
      if (c.kind === 'node') {
        const out = execFileSync(
          process.execPath,
          [...process.execArgv, process.argv[1], '--child', 'node', '--model', dir, '--threads', String(c.threads)],
          { encoding: 'utf8', maxBuffer: 1 << 24 },
        );
        run = JSON.parse(out.trim().split('\n').at(-1)!);
      } else {
        const kind = c.kind;
        const { result, idle, peak } = await inFreshBrowser(server.url + '/', (page, pid) =>
          browserRun(page, pid, kind, c.threads, c.precision),
        );
        if (kind === 'transformers')
          result.run.downloadBytes = ['onnx/model.onnx', 'config.json', 'generation_config.json'].reduce(
            (s, f) => s + statSync(join(dir, f)).size,
            0,
          );
        run = {
          ...result.run,
          peakMB: peak.pssMB,
          tabMB: peak.largestMB,
          overIdleMB: peak.pssMB - idle.pssMB,
          afterMB: result.afterMB,
          cpuMsPerToken: result.cpuMs / NEW_TOKENS,
          isolated: result.isolated,
        };
      }
      runs[c.key].push(run);
      log(
        `round ${round} ${c.key}: load ${(run.loadMs / 1000).toFixed(1)} s, prefill ${run.prefillMs.toFixed(0)} ms, ${run.tokPerSec.toFixed(1)} tok/s, cpu ${run.cpuMsPerToken.toFixed(0)} ms/tok, peak ${run.peakMB.toFixed(0)} MB (+${run.overIdleMB.toFixed(0)}), tab ${run.tabMB.toFixed(0)} MB  [${((performance.now() - t0) / 1000).toFixed(0)} s]`,
      );
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const med = Object.fromEntries(
    Object.entries(runs).map(([k, rs]) => [
      k,
      {
        loadMs: median(rs.map((r) => r.loadMs)),
        prefillMs: median(rs.map((r) => r.prefillMs)),
        tokPerSec: median(rs.map((r) => r.tokPerSec)),
        cpuMsPerToken: median(rs.map((r) => r.cpuMsPerToken)),
        peakMB: median(rs.map((r) => r.peakMB)),
        tabMB: median(rs.map((r) => r.tabMB)),
        overIdleMB: median(rs.map((r) => r.overIdleMB)),
        afterMB: median(rs.map((r) => r.afterMB)),
        downloadMB: rs[0].downloadBytes / 1e6,
        threads: rs[0].threads,
        isolated: rs[0].isolated,
        lensMs: rs[0].lensMs === undefined ? undefined : median(rs.map((r) => r.lensMs!)),
        stepMs: rs.every((r) => r.stepMs)
          ? { p50: median(rs.map((r) => r.stepMs!.p50)), p90: median(rs.map((r) => r.stepMs!.p90)) }
          : undefined,
      },
    ]),
  );
  const ratio = (a: string, b: string) =>
    med[a] && med[b]
      ? {
          decode: med[a].tokPerSec / med[b].tokPerSec,
          cpu: med[b].cpuMsPerToken / med[a].cpuMsPerToken,
          prefill: med[b].prefillMs / med[a].prefillMs,
          load: med[b].loadMs / med[a].loadMs,
          memory: med[a].overIdleMB / med[b].overIdleMB,
        }
      : null;
  const ratios: Record<string, NonNullable<ReturnType<typeof ratio>>> = {};
  for (const a of ['A1', 'A2', 'A1f', 'N1']) {
    for (const other of ['B', 'C']) {
      const b = other + (a === 'N1' ? '1' : a[1]);
      const r = ratio(a, b);
      if (r) ratios[`${a}/${b}`] = r;
    }
  }
  const first = (k: string) => runs[k]?.[0]?.ids;
  const sameIds = (ks: string[]) => ks.filter(first).every((k) => JSON.stringify(first(k)) === JSON.stringify(first(ks.find(first)!)));
  const aIds = first('A1') ?? first('N1');
  const bIds = first('B1') ?? first('C1');
  const divergence = aIds && bIds ? aIds.findIndex((id, i) => id !== bIds[i]) : null;
  const ids = {
    compactRunsAgree: sameIds(['A1', 'A2', 'N1']),
    fp32RunsAgree: sameIds(['B1', 'B2', 'C1', 'C2']),
    compactVsFp32FirstDivergence: divergence,
  };
  const args = process.argv.slice(2);
  const command = args.length ? `npm run bench -- ${args.join(' ')}` : 'npm run bench';
  if (values.json) {
    console.log(
      JSON.stringify({ command, model: dir, rounds, promptTokens: PROMPT.length, newTokens: NEW_TOKENS, medians: med, ratios, ids, runs }),
    );
    return;
  }
  const isolated = Object.values(med).some((m) => m.isolated);
  console.log(
    `\n${dir}: prompt ${PROMPT.length} tokens, ${NEW_TOKENS} greedy tokens, medians of ${rounds} interleaved round(s); WASM; crossOriginIsolated ${isolated}`,
  );
  console.log(
    'config                                 thr  download MB  load s  prefill ms  decode tok/s  cpu ms/tok  peak MB  over idle MB  tab MB  after MB',
  );
  for (const c of configs) {
    const m = med[c.key];
    console.log(
      `${(c.key + ' ' + c.label).padEnd(38)} ${String(m.threads).padStart(3)}  ${m.downloadMB.toFixed(1).padStart(11)}  ${(m.loadMs / 1000).toFixed(1).padStart(6)}  ${m.prefillMs.toFixed(0).padStart(10)}  ${m.tokPerSec.toFixed(1).padStart(12)}  ${m.cpuMsPerToken.toFixed(0).padStart(10)}  ${m.peakMB.toFixed(0).padStart(7)}  ${m.overIdleMB.toFixed(0).padStart(12)}  ${m.tabMB.toFixed(0).padStart(6)}  ${m.afterMB.toFixed(0).padStart(8)}`,
    );
  }
  for (const k of ['A1', 'A2', 'A1f']) {
    const ph = runs[k]?.filter((r) => r.phases).map((r) => r.phases!);
    if (!ph?.length) continue;
    const m = (f: keyof NonNullable<Run['phases']>) => median(ph.map((p) => p[f])).toFixed(0);
    console.log(
      `${k}: load phases (medians, ms): fetch + verify ${m('fetchMs')}, build graph ${m('buildMs')}, create session ${m('sessionMs')}, warm-up ${m('warmUpMs')}`,
    );
  }
  const steps = configs
    .filter((c) => med[c.key].stepMs)
    .map((c) => `${c.key} ${med[c.key].stepMs!.p50.toFixed(0)} / ${med[c.key].stepMs!.p90.toFixed(0)}`);
  if (steps.length) console.log(`decode step ms, median / 90th percentile (medians over rounds): ${steps.join(', ')}`);
  for (const k of ['A1', 'A2'])
    if (med[k]?.lensMs !== undefined)
      console.log(`${k}: a logit-lens request (every resid.i at the last position, top 10) takes ${med[k].lensMs!.toFixed(0)} ms`);
  console.log('\nratios (A vs the others at the same thread count; > 1 = A better; memory = A / other, over idle):');
  for (const [k, r] of Object.entries(ratios)) {
    console.log(
      `  ${k.padEnd(6)} decode ${r.decode.toFixed(2)}×  cpu/token ${r.cpu.toFixed(2)}×  prefill ${r.prefill.toFixed(2)}×  load ${r.load.toFixed(2)}×  memory ${r.memory.toFixed(2)}×`,
    );
  }
  console.log(
    `\ngreedy ids: compact runs (A1, A2, N1) agree: ${ids.compactRunsAgree}; fp32 Optimum runs (B, C) agree: ${ids.fp32RunsAgree}; compact vs fp32: ${divergence === null ? 'n/a' : divergence < 0 ? 'identical' : `first divergence at token ${divergence}`}`,
  );
  console.log(`command: ${command}`);
}
