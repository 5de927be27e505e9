// npm run model:demo [-- --shape demo|124m --seed N --out DIR --hub-repo owner/name --hub-revision REV]
// Builds a random-weight GPT-2 checkpoint (model.safetensors + config.json, streamed tensor by
// tensor) and exports it into an app model folder: models/demo/ (or models/demo-124m/).
// --hub-repo records in the manifest that its model.safetensors is on a hub at that repo and
// revision (default 'main'), as model:gpt2 does for the real one: for a test hub that serves it
// (e2e/hub-weights.spec.ts); the demo is on no real hub.

import { writeCheckpointDir } from '@/lib/model/checkpoint-files';
import { demoConfig, demoTensors } from '@/lib/model/demo-checkpoint';
import { join } from 'node:path';
import { exportFolder } from '@/lib/model/export/export-folder';
import { recordHubSource } from '@/lib/model/export/hub-source-record';
import { choiceFlag, intFlag, parseFlags, runCli } from './cli-flags';
import { printManifest } from './model-cli';

runCli(async () => {
  const { values } = parseFlags(
    {
      shape: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'hub-repo': { type: 'string' },
      'hub-revision': { type: 'string', default: 'main' },
    },
    process.argv.slice(2),
  );
  const shape = choiceFlag('shape', values.shape, 'demo', ['demo', '124m'] as const);
  const seed = intFlag('seed', values.seed, 0, 0, 2 ** 32 - 1);
  const out = values.out ?? (shape === 'demo' ? 'models/demo' : 'models/demo-124m');
  const config = demoConfig(shape);

  const t0 = performance.now();
  const ckpt = await writeCheckpointDir(out, config, demoTensors(config, seed));
  const t1 = performance.now();
  let manifest = await exportFolder({
    from: out,
    out,
    name: shape === 'demo' ? 'demo' : 'demo-124m',
    demo: true,
    onStep: (s) => console.error(s),
  });
  const hubRepo = values['hub-repo'];
  if (hubRepo) manifest = await recordHubSource(out, join(out, 'model.safetensors'), { repo: hubRepo, revision: values['hub-revision']! });
  const t2 = performance.now();
  printManifest(out, manifest, { 'model.safetensors': ckpt.safetensors });
  console.log(`checkpoint ${((t1 - t0) / 1000).toFixed(1)} s, export ${((t2 - t1) / 1000).toFixed(1)} s (seed ${seed})`);
});
