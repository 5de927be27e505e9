#!/usr/bin/env node
// Runs before `next build`: puts what the browser fetches at run time into public/.
// - models/<name>/ (exported by model:demo / model:gpt2) → public/models/<name>/ (only what the browser loads)
// - public/models/index.json: which models exist and which one the app uses (the real GPT-2 when present);
//   each path is relative to index.json, so the site works under any base path
// - sql.js's wasm → public/sqljs/ (for the Anki export)
// - TensorFlow.js's wasm → public/tfjs/ (for the in-browser trainer)
// The demo model is built here when it is missing, so a fresh clone builds with no extra step.
// MAX_MODEL_FILE_MB=100 leaves out model files larger than a host allows per file (GitHub Pages: 100 MB),
// and removes them from the public manifest: the site then serves GPT-2's compact weights only.
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { siteConfigOrExit } from './site-config.mjs';

siteConfigOrExit(); // a bad BASE_PATH or SITE_URL stops the build here, with one line

const MODELS = process.env.MODELS_DIR ?? 'models'; // the e2e hub export uses its own model folder
// What the browser loads: the worker reads the manifest, then its graph (or the compact weights).
// The Optimum graph and tokenizer files stay in models/ for Node tools and transformers.js.
const BROWSER_ROLES = ['decoder', 'compact', 'config', 'generation_config'];
const PUBLIC_MODELS = path.join('public', 'models');
const MAX_FILE_BYTES = process.env.MAX_MODEL_FILE_MB ? Number(process.env.MAX_MODEL_FILE_MB) * 1e6 : Infinity;
if (!(MAX_FILE_BYTES > 0)) {
  console.error(`Error: MAX_MODEL_FILE_MB must be a positive number of megabytes (got "${process.env.MAX_MODEL_FILE_MB}")`);
  process.exit(1);
}

function hasModel(name) {
  return fs.existsSync(path.join(MODELS, name, 'manifest.json'));
}

if (!hasModel('demo')) {
  console.log('models/demo is missing: building the demo model (npm run model:demo)…');
  execSync('npm run --silent model:demo', { stdio: 'inherit' });
}

fs.rmSync(PUBLIC_MODELS, { recursive: true, force: true });
const available = [];
for (const name of ['gpt2', 'demo']) {
  if (!hasModel(name)) continue;
  const manifest = JSON.parse(fs.readFileSync(path.join(MODELS, name, 'manifest.json'), 'utf8'));
  const dest = path.join(PUBLIC_MODELS, name);
  fs.mkdirSync(dest, { recursive: true });
  const served = {};
  for (const [role, file] of Object.entries(manifest.files)) {
    if (!BROWSER_ROLES.includes(role)) continue;
    if (file.bytes > MAX_FILE_BYTES) {
      console.log(`public/models/${name}: ${file.path} (${(file.bytes / 1e6).toFixed(0)} MB) is over MAX_MODEL_FILE_MB and left out`);
      continue;
    }
    served[role] = file;
    const from = path.join(MODELS, name, file.path);
    const to = path.join(dest, file.path);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    try {
      fs.linkSync(from, to); // hard link: no copy of a 500 MB file
    } catch {
      fs.copyFileSync(from, to);
    }
  }
  if (!served.compact && !served.decoder) {
    console.error(`Error: no loadable file of models/${name} fits MAX_MODEL_FILE_MB=${process.env.MAX_MODEL_FILE_MB}`);
    process.exit(1);
  }
  fs.writeFileSync(path.join(dest, 'manifest.json'), JSON.stringify({ ...manifest, files: served }, null, 2));
  available.push({ name, demo: manifest.demo, path: `${name}/` });
  console.log(
    `public/models/${name}: ${manifest.demo ? (manifest.trained ? 'demo, trained on the lessons' : 'demo, random weights') : 'GPT-2'}`,
  );
}
fs.writeFileSync(
  path.join(PUBLIC_MODELS, 'index.json'),
  JSON.stringify({ default: available[0]?.name ?? null, models: available }, null, 2),
);
console.log(`public/models: ${available.map((m) => m.name).join(', ')}; default ${available[0]?.name}`);

// TensorFlow.js's WASM backend (the in-browser trainer): plain, SIMD and threaded SIMD builds; the
// backend fetches the one the browser can run.
const tfjsDest = path.join('public', 'tfjs');
fs.mkdirSync(tfjsDest, { recursive: true });
const tfjsDist = path.join('node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
for (const f of fs.readdirSync(tfjsDist).filter((f) => f.endsWith('.wasm')))
  fs.copyFileSync(path.join(tfjsDist, f), path.join(tfjsDest, f));

const sqlDest = path.join('public', 'sqljs');
fs.mkdirSync(sqlDest, { recursive: true });
fs.copyFileSync(path.join('node_modules', 'sql.js', 'dist', 'sql-wasm-browser.wasm'), path.join(sqlDest, 'sql-wasm-browser.wasm'));
