// Writes the service worker into the static export (runs after `next build` and scripts/csp.mjs):
// out/sw.js = this build's constants + scripts/sw-template.js. The precache list is every file of
// the export except the models (the model worker caches those by hash), onnxruntime-web's .wasm
// (cached on first use: tens of MB a learner without the model never needs) and host files.
// VERSION is a hash of every precached file, so any change to the build is a new worker.
// Usage: tsx scripts/service-worker.ts [dir=$EXPORT_DIR or out]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUNTIME_CACHE, SHELL_CACHE_PREFIX } from '../lib/offline/cache-names';
import { SECURITY_HEADERS } from './security-headers.mjs';
import { siteConfigOrExit } from './site-config.mjs';

export const SW_FILE = 'sw.js';
const LEFT_OUT = [/^models\//, /^sw\.js$/, /^_headers$/, /^\.nojekyll$/, /\.map$/, /^_next\/static\/media\/.*\.ts$/];
const ON_FIRST_USE = /^(_next\/static\/.*|tfjs\/[^/]*)\.wasm$/; // onnxruntime-web and TensorFlow.js (the trainer)

function files(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, root) : [path.relative(root, p).split(path.sep).join('/')];
  });
}

/** The URL path a file is requested at: pages by their folder (trailing-slash URLs). */
function urlPath(file: string, basePath: string): string {
  const p = file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
  return `${basePath}/${p}`;
}

export function serviceWorkerSource(root: string, basePath: string): { source: string; version: string; precache: string[] } {
  const all = files(root).sort();
  const precached = all.filter((f) => !LEFT_OUT.some((r) => r.test(f)) && !ON_FIRST_USE.test(f));
  const hash = createHash('sha256');
  for (const f of precached)
    hash
      .update(f)
      .update('\0')
      .update(readFileSync(path.join(root, f)))
      .update('\0');
  const version = hash.digest('hex').slice(0, 16);
  const precache = precached.map((f) => urlPath(f, basePath));
  const constants = {
    VERSION: version,
    BASE: basePath,
    PRECACHE: precache,
    RUNTIME_ASSETS: all.filter((f) => ON_FIRST_USE.test(f)).map((f) => urlPath(f, basePath)),
    SHELL_PREFIX: SHELL_CACHE_PREFIX,
    RUNTIME: RUNTIME_CACHE,
    HEADERS: SECURITY_HEADERS,
  };
  const head = Object.entries(constants)
    .map(([k, v]) => `const ${k} = ${JSON.stringify(v)};`)
    .join('\n');
  const template = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sw-template.js'), 'utf8');
  return { source: `${head}\n\n${template}`, version, precache };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(process.argv[2] ?? process.env.EXPORT_DIR ?? 'out');
  if (!existsSync(path.join(root, 'index.html'))) {
    console.error(`service-worker: no static export in ${root}`);
    process.exit(1);
  }
  const { basePath } = siteConfigOrExit();
  const { source, version, precache } = serviceWorkerSource(root, basePath);
  writeFileSync(path.join(root, SW_FILE), source);
  console.log(`service-worker: ${SW_FILE} version ${version}, ${precache.length} files precached`);
}
