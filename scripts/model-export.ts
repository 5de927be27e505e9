// npm run model:export -- --from DIR --out DIR [--name NAME]
// Exports any GPT-2 checkpoint folder in HF layout (config.json + model.safetensors).

import { exportFolder } from '@/lib/model/export/export-folder';
import { parseFlags, requiredFlag, runCli } from './cli-flags';
import { printManifest } from './model-cli';

const USAGE = 'npm run model:export -- --from <folder with config.json + model.safetensors> --out <folder> [--name NAME] [--demo]';

runCli(async () => {
  const { values } = parseFlags(
    { from: { type: 'string' }, out: { type: 'string' }, name: { type: 'string' }, demo: { type: 'boolean', default: false } },
    process.argv.slice(2),
  );
  const from = requiredFlag('from', values.from, USAGE);
  const out = requiredFlag('out', values.out, USAGE);
  const t0 = performance.now();
  const manifest = await exportFolder({ from, out, name: values.name, demo: values.demo, onStep: (s) => console.error(s) });
  printManifest(out, manifest);
  console.log(`export ${((performance.now() - t0) / 1000).toFixed(1)} s`);
});
