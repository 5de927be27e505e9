// npm run --silent train:bench [-- --window 10 --windows 5 --warmup 5 --torch-threads 1,2 --python PATH --no-torch]
// Training speed of the default model on the default corpus (the lessons), in one run: TensorFlow.js
// on WASM (lib/train, as `npm run train` runs it) against PyTorch on the CPU (bench/train-torch.py,
// same model, batch and corpus), when python3 has torch. Each engine warms up, then times `windows`
// windows of `window` steps; the median window gives steps/s and tokens/s. Prints a table.
// --python: an interpreter with torch (Debian's python3-torch is /usr/bin/python3's).
// --browser [--browser-steps 600]: first, the trainer widget in headless Chromium on the static export
// in out/ (build it first): seconds until the training loss is 2 nats lower, steps/s and tokens/s.

import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus, tokenizeDocuments, Trainer, TRAIN_DEFAULTS, useBackend } from '@/lib/train';
import { UsageError, intFlag, parseFlags, runCli } from './cli-flags';
import { median } from '@/lib/stats';
import { lessonDocuments } from './train-corpus';
import { benchBrowser } from './train-bench-browser';

interface Row {
  engine: string;
  stepsPerSecond: number;
  tokensPerSecond: number;
  windowsMs: number[];
}

runCli(async () => {
  const { values } = parseFlags(
    {
      window: { type: 'string' },
      windows: { type: 'string' },
      warmup: { type: 'string' },
      'torch-threads': { type: 'string' },
      python: { type: 'string', default: 'python3' },
      'no-torch': { type: 'boolean', default: false },
      browser: { type: 'boolean', default: false },
      'browser-steps': { type: 'string' },
    },
    process.argv.slice(2),
  );
  const window = intFlag('window', values.window, 10, 1, 1000);
  const windows = intFlag('windows', values.windows, 5, 1, 100);
  const warmup = intFlag('warmup', values.warmup, 5, 0, 1000);
  const threadList = (values['torch-threads'] ?? `1,${availableParallelism()}`)
    .split(',')
    .map((t) => intFlag('torch-threads', t, 1, 1, 256));
  if (new Set(threadList).size !== threadList.length) throw new UsageError('--torch-threads lists a count twice');

  const corpus = buildCorpus(tokenizeDocuments(await lessonDocuments()));
  const o = { ...TRAIN_DEFAULTS, steps: warmup + window * windows };
  const tokensPerStep = o.batchSize * o.blockSize;
  console.error(
    `model ${o.nLayer} layers, ${o.nHead} heads, C=${o.nEmbd}, T=${o.blockSize}, batch ${o.batchSize}; corpus: the lessons, K = ${corpus.tokenMap.size}`,
  );

  const rows: Row[] = [];
  if (values.browser) {
    const steps = intFlag('browser-steps', values['browser-steps'], 600, 100, 2000);
    const b = await benchBrowser('out', steps, tokensPerStep);
    console.error(
      `Chromium: ${b.steps} steps in ${b.seconds.toFixed(0)} s, training loss ${b.firstLoss.toFixed(2)} → ${b.lastLoss.toFixed(2)}` +
        (b.twoNatsAfter === null ? '; never 2 nats lower' : `; 2 nats lower after ${b.twoNatsAfter.toFixed(0)} s`),
    );
    rows.push({
      engine: 'tfjs wasm in Chromium (trainer widget)',
      stepsPerSecond: b.stepsPerSecond,
      tokensPerSecond: b.tokensPerSecond,
      windowsMs: [],
    });
  }
  const backend = await useBackend();
  const trainer = new Trainer(corpus, o);
  for (let i = 0; i < warmup; i++) await trainer.trainStep();
  const windowsMs: number[] = [];
  for (let w = 0; w < windows; w++) {
    const t0 = performance.now();
    for (let i = 0; i < window; i++) await trainer.trainStep();
    windowsMs.push(performance.now() - t0);
  }
  trainer.dispose();
  const sps = (window * 1000) / median(windowsMs)!;
  rows.push({ engine: `tfjs 4.22.0 ${backend}`, stepsPerSecond: sps, tokensPerSecond: sps * tokensPerStep, windowsMs });

  if (!values['no-torch']) {
    const dir = await mkdtemp(join(tmpdir(), 'train-bench-'));
    try {
      const data = join(dir, 'train.json');
      await writeFile(data, JSON.stringify(Array.from(corpus.train)));
      for (const threads of threadList) {
        const args = ['bench/train-torch.py', '--data', data, '--vocab', String(corpus.tokenMap.size)];
        args.push('--window', String(window), '--windows', String(windows), '--warmup-steps', String(warmup), '--threads', String(threads));
        const r = spawnSync(values.python!, args, { encoding: 'utf8' });
        if (r.status !== 0) {
          console.error(`torch skipped: ${(r.stderr || r.error?.message || '').trim().split('\n').at(-1)}`);
          break;
        }
        rows.push(JSON.parse(r.stdout) as Row);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  const pad = (s: string, n: number) => s.padEnd(n - 1) + ' ';
  console.log(`${pad('engine', 42)}${pad('steps/s', 10)}${pad('tokens/s', 10)}window ms (median of ${windows} × ${window} steps)`);
  for (const r of rows) {
    const ms = r.windowsMs.map((x) => x.toFixed(0)).join(' ');
    console.log(`${pad(r.engine, 42)}${pad(r.stepsPerSecond.toFixed(2), 10)}${pad(Math.round(r.tokensPerSecond).toString(), 10)}${ms}`);
  }
});
