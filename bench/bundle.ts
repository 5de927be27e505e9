// Node only: the benchmark site in a folder, ready for scripts/serve-static.mjs (COOP/COEP):
//   index.html, bench-page.js          the page (bench-page.ts)
//   model.worker.js                    the project's real worker (lib/worker/model.worker.ts)
//   optimum.worker.js, transformers.worker.js
//   ort/ → node_modules/onnxruntime-web/dist, models/ → the project's models/   (symlinks)
// onnxruntime-web stays out of the bundles: each import of it becomes /ort/<its browser bundle>, so
// ORT runs as its own module, finds its .wasm next to itself and starts its threads from its own file.

import { build, type Plugin } from 'esbuild';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const ORT_BUNDLES: Record<string, string> = {
  'onnxruntime-web': 'ort.bundle.min.mjs',
  'onnxruntime-web/wasm': 'ort.wasm.bundle.min.mjs',
  'onnxruntime-web/webgpu': 'ort.webgpu.bundle.min.mjs',
};

const ortFromServer: Plugin = {
  name: 'ort-from-server',
  setup(b) {
    b.onResolve({ filter: /^onnxruntime-web(\/\w+)?$/ }, (args) => {
      const file = ORT_BUNDLES[args.path];
      if (!file) throw new Error(`bench bundle: no mapping for ${args.path}`);
      return { path: `/ort/${file}`, external: true };
    });
  },
};

export async function bundleBenchSite(outDir: string, root = process.cwd()): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: {
      'bench-page': 'bench/bench-page.ts',
      'model.worker': 'lib/worker/model.worker.ts',
      'optimum.worker': 'bench/optimum.worker.ts',
      'transformers.worker': 'bench/transformers.worker.ts',
    },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    plugins: [ortFromServer],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  await writeFile(
    join(outDir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="/bench-page.js"></script>\n',
  );
  await symlink(resolve(root, 'node_modules/onnxruntime-web/dist'), join(outDir, 'ort'));
  await symlink(resolve(root, 'models'), join(outDir, 'models'));
}
