#!/usr/bin/env node
// npm start: get a model (the real GPT-2 when the hub is reachable, once; otherwise the demo model),
// build the static export when needed, then serve it with the headers threads need.
import fs from 'node:fs';
import { execSync, spawnSync } from 'node:child_process';

if (!fs.existsSync('models/gpt2/manifest.json') && !process.env.SKIP_GPT2) {
  console.log('Fetching the real GPT-2 (124M) from the Hugging Face hub, once…');
  const r = spawnSync('npm', ['run', '--silent', 'model:gpt2'], { stdio: 'inherit' });
  if (r.status === 0) process.env.FORCE_BUILD = '1';
  else console.log('Could not get the real GPT-2 now; the app uses the demo model (random weights) and says so.');
}
execSync('node scripts/ensure-build.mjs', { stdio: 'inherit', env: process.env });
execSync(`node scripts/serve-static.mjs out --port ${process.env.PORT ?? 3000}`, { stdio: 'inherit' });
