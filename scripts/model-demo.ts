// npm run model:demo [-- --shape demo|124m --seed N --out DIR]
// Builds a random-weight GPT-2 checkpoint (model.safetensors + config.json, streamed tensor by
// tensor) and exports it into an app model folder: models/demo/ (or models/demo-124m/).

import { parseArgs } from 'node:util';
import { writeCheckpointDir } from '@/lib/model/checkpoint-files';
import { demoConfig, demoTensors, type DemoShape } from '@/lib/model/demo-checkpoint';
import { exportFolder } from '@/lib/model/export/export-folder';
import { printManifest } from './model-cli';

const { values } = parseArgs({
  options: { shape: { type: 'string', default: 'demo' }, seed: { type: 'string', default: '0' }, out: { type: 'string' } },
});
const shape = values.shape as DemoShape;
if (shape !== 'demo' && shape !== '124m') {
  console.error(`--shape must be demo or 124m, got ${values.shape}`);
  process.exit(2);
}
const seed = Number(values.seed);
const out = values.out ?? (shape === 'demo' ? 'models/demo' : 'models/demo-124m');
const config = demoConfig(shape);

const t0 = performance.now();
const ckpt = await writeCheckpointDir(out, config, demoTensors(config, seed));
const t1 = performance.now();
const manifest = await exportFolder({ from: out, out, name: shape === 'demo' ? 'demo' : 'demo-124m', demo: true, onStep: (s) => console.error(s) });
const t2 = performance.now();
printManifest(out, manifest, { 'model.safetensors': ckpt.safetensors });
console.log(`checkpoint ${((t1 - t0) / 1000).toFixed(1)} s, export ${((t2 - t1) / 1000).toFixed(1)} s (seed ${seed})`);
