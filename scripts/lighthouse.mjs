#!/usr/bin/env node
// Lighthouse against the served static export (compressed, as static hosts serve it). Prints the
// four category scores per page, with the first and largest contentful paint, total blocking time
// and cumulative layout shift.
// Usage: node scripts/lighthouse.mjs [--desktop] [--runs N] [path…]
//   default: Lighthouse's mobile preset (slow 4G, 4× slower CPU, simulated), one run, every page;
//   with --runs N the median of N runs per page.
// Needs the site served (npm run serve) on http://127.0.0.1:3100 or BASE_URL.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from './local-site.mjs';

const args = process.argv.slice(2);
const desktop = args.includes('--desktop');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 1;
if (!(Number.isInteger(runs) && runs >= 1)) {
  console.error(`Error: --runs must be a whole number of runs, 1 or more (got "${args[runsAt + 1]}")`);
  process.exit(2);
}
const base = process.env.BASE_URL ?? 'http://127.0.0.1:3100';
const paths = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
const LESSONS = fs.existsSync('content')
  ? fs
      .readdirSync('content')
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => `/lessons/${f.replace(/\.mdx$/, '')}/`)
  : [];
const pages = paths.length ? paths : ['/', ...LESSONS, '/review/', '/stats/', '/generator/', '/deck/', '/import/', '/glossary/'];
// The project's flags, with the GPU off: Lighthouse measures the page, not WebGPU.
const flags = ['--headless=new', '--disable-gpu', ...CHROMIUM_ARGS.filter((f) => f !== '--enable-unsafe-webgpu')].join(' ');

function once(p) {
  const out = path.join(os.tmpdir(), `lh-${p.replace(/\W+/g, '_')}.json`);
  execFileSync(
    'npx',
    [
      'lighthouse',
      base + p,
      '--quiet',
      ...(desktop ? ['--preset=desktop'] : []),
      `--chrome-flags=${flags}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--output=json',
      `--output-path=${out}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? CHROMIUM } },
  );
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

/** Lighthouse now and then fails to record a trace (NO_NAVSTART): try a run up to three times. */
function run(p) {
  for (let attempt = 1; ; attempt++) {
    try {
      return once(p);
    } catch {
      if (attempt === 3) {
        console.error(`Error: Lighthouse failed three times on ${base + p} (is the site served? npm run serve)`);
        process.exit(1);
      }
      console.error(`  ${p}: Lighthouse failed, running it again`);
    }
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const p of pages) {
  const reports = Array.from({ length: runs }, () => run(p));
  const score = (k) => median(reports.map((lh) => Math.round(lh.categories[k].score * 100)));
  const ms = (id) => median(reports.map((lh) => Math.round(lh.audits[id].numericValue)));
  rows.push({
    page: p,
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
    'FCP ms': ms('first-contentful-paint'),
    'LCP ms': ms('largest-contentful-paint'),
    'TBT ms': ms('total-blocking-time'),
    CLS: median(reports.map((lh) => Math.round(lh.audits['cumulative-layout-shift'].numericValue * 1000) / 1000)),
  });
  const lh = reports[0];
  const failed = Object.values(lh.audits).filter(
    (a) => a.score !== null && a.score < 1 && lh.categories.accessibility.auditRefs.some((r) => r.id === a.id),
  );
  for (const a of failed) console.error(`  accessibility: ${p}: ${a.id}: ${a.title}`);
}
console.log(`Lighthouse ${desktop ? 'desktop' : 'mobile'} preset, ${runs === 1 ? 'one run' : `median of ${runs} runs`} per page, ${base}`);
console.table(rows);
