#!/usr/bin/env node
// Lighthouse (desktop preset) against the served static export. Prints the four category scores per page.
// Usage: node scripts/lighthouse.mjs [path…]   (default: a lesson page and the home page)
// Needs the site served (npm run serve) on http://127.0.0.1:3100 or BASE_URL.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3100';
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['/lessons/attention/', '/'];
const flags =
  '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic --disable-dev-shm-usage';
const rows = [];
for (const p of pages) {
  const out = path.join(os.tmpdir(), `lh-${p.replace(/\W+/g, '_')}.json`);
  execFileSync(
    'npx',
    [
      'lighthouse',
      base + p,
      '--quiet',
      '--preset=desktop',
      `--chrome-flags=${flags}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--output=json',
      `--output-path=${out}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' } },
  );
  const lh = JSON.parse(fs.readFileSync(out, 'utf8'));
  const score = (k) => Math.round(lh.categories[k].score * 100);
  rows.push({
    page: p,
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
  });
  const failed = Object.values(lh.audits).filter(
    (a) => a.score !== null && a.score < 1 && lh.categories.accessibility.auditRefs.some((r) => r.id === a.id),
  );
  for (const a of failed) console.error(`  accessibility: ${p}: ${a.id}: ${a.title}`);
}
console.table(rows);
