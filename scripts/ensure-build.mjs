#!/usr/bin/env node
// Builds the static export when it is missing or older than the sources, so `npm start` and the e2e tests
// always serve what is in the working tree.
//   node scripts/ensure-build.mjs              out/, served at the root of a domain (or at $BASE_PATH)
//   node scripts/ensure-build.mjs --sub-path   .cache/out-base/, the e2e suite's second export, served
//                                              under SUB_PATH.basePath as a GitHub project page would be
//   node scripts/ensure-build.mjs --hub        .cache/out-hub/, the third: a host that leaves decoder.onnx
//                                              out, with full precision from a local "hub" (HUB_SITE)
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { siteConfigOrExit } from './site-config.mjs';

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
  'scripts/service-worker.ts',
  'scripts/sw-template.js',
  'scripts/security-headers.mjs',
  'scripts/site-config.mjs',
  'models/gpt2/manifest.json',
  'models/demo/manifest.json',
];

/** The sub-path export the e2e suite serves on its own port. */
export const SUB_PATH = { dir: '.cache/out-base', basePath: '/gpt2-pamphlet', port: 3101 };

/**
 * The hub export: models/demo copied with a `source.hub` record (model:demo --copy-from --hub-repo), built with a file
 * limit that drops its decoder.onnx and HUB_URL at a local server on a fixed port (the page's CSP
 * names it). e2e/hub-weights.spec.ts serves the hub.
 */
export const HUB_SITE = { dir: '.cache/out-hub', models: '.cache/models-hub', hubPort: 3103, maxFileMb: '5' };

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Stale when missing, older than a source, or built for another base path. */
export function needsBuild(dir = 'out', basePath = '') {
  if (process.env.FORCE_BUILD) return true;
  const stamp = path.join(dir, 'index.html');
  if (!fs.existsSync(stamp)) return true;
  if (!fs.readFileSync(stamp, 'utf8').includes(`"${basePath}/_next/static/`)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sub = process.argv.includes('--sub-path');
  const hub = process.argv.includes('--hub');
  const env = sub
    ? {
        ...process.env,
        EXPORT_DIR: SUB_PATH.dir,
        BASE_PATH: SUB_PATH.basePath,
        SITE_URL: `http://127.0.0.1:${SUB_PATH.port}${SUB_PATH.basePath}`,
      }
    : hub
      ? {
          ...process.env,
          EXPORT_DIR: HUB_SITE.dir,
          MODELS_DIR: HUB_SITE.models,
          MAX_MODEL_FILE_MB: HUB_SITE.maxFileMb,
          HUB_URL: `http://127.0.0.1:${HUB_SITE.hubPort}`,
        }
      : process.env;
  const dir = sub ? SUB_PATH.dir : hub ? HUB_SITE.dir : (process.env.EXPORT_DIR ?? 'out');
  const { basePath } = siteConfigOrExit(env);
  let stale = needsBuild(dir, basePath);
  if (hub) {
    // The same weights as models/demo, with the hub record; rebuilt when models/demo changes.
    const manifest = path.join(HUB_SITE.models, 'demo', 'manifest.json');
    if (newestMtime(manifest) < newestMtime('models/demo/manifest.json')) {
      execSync(`npm run --silent model:demo -- --copy-from models/demo --out ${HUB_SITE.models}/demo --hub-repo local/demo`, {
        stdio: 'inherit',
      });
    }
    stale ||= newestMtime(manifest) > newestMtime(path.join(dir, 'index.html'));
  }
  if (stale) {
    console.log(`Building the static export into ${dir}/${basePath ? ` for ${basePath}/` : ''} (next build)…`);
    execSync('npm run build', { stdio: 'inherit', env });
  } else {
    console.log(`Static export in ${dir}/ is up to date.`);
  }
}
