#!/usr/bin/env node
// Builds the static export when it is missing or older than the sources, so `npm start` and the e2e tests
// always serve what is in the working tree.
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';

const SOURCES = [
  'app',
  'components',
  'content',
  'lib',
  'public',
  'mdx-components.tsx',
  'next.config.mjs',
  'package.json',
  'scripts/csp.mjs',
  'scripts/security-headers.mjs',
  'models/gpt2/manifest.json',
  'models/demo/manifest.json',
];
const STAMP = path.join('out', 'index.html');

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function needsBuild() {
  if (process.env.FORCE_BUILD) return true;
  if (!fs.existsSync(STAMP)) return true;
  const built = fs.statSync(STAMP).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (needsBuild()) {
    console.log('Building the static export (next build)…');
    execSync('npm run build', { stdio: 'inherit' });
  } else {
    console.log('Static export in out/ is up to date.');
  }
}
