// npm run model:export -- --from DIR --out DIR [--name NAME]
// Exports any GPT-2 checkpoint folder in HF layout (config.json + model.safetensors).

import { parseArgs } from 'node:util';
import { exportFolder } from '@/lib/model/export/export-folder';
import { printManifest } from './model-cli';

const { values } = parseArgs({ options: { from: { type: 'string' }, out: { type: 'string' }, name: { type: 'string' }, demo: { type: 'boolean', default: false } } });
if (!values.from || !values.out) {
  console.error('usage: npm run model:export -- --from <folder with config.json + model.safetensors> --out <folder> [--name NAME] [--demo]');
  process.exit(2);
}
try {
  const t0 = performance.now();
  const manifest = await exportFolder({ from: values.from, out: values.out, name: values.name, demo: values.demo, onStep: (s) => console.error(s) });
  printManifest(values.out, manifest);
  console.log(`export ${((performance.now() - t0) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(`model:export failed: ${(e as Error).message}`);
  process.exit(1);
}
