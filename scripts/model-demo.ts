// npm run model:demo [-- --random --steps N --seed N --out DIR --shape demo|124m --copy-from DIR --hub-repo owner/name --hub-revision REV]
// Builds the offline stand-in for GPT-2 and exports it into an app model folder (models/demo/):
// by default the demo's shape trained on the lessons' prose (lib/train/demo.ts: deterministic, a
// few minutes on two cores); --random (and --shape 124m, always) draws random weights instead, in
// seconds, for tests that need a model fast. The checkpoint (config.json + model.safetensors) is
// written first and exported by the same code as model:export.
// --copy-from DIR copies an already built demo (its checkpoint and its training record) instead of
// building one; --hub-repo records in the manifest that its model.safetensors is on a hub at that
// repo and revision (default 'main'), as model:gpt2 does for the real one: for a test hub that
// serves it (e2e/hub-weights.spec.ts); the demo is on no real hub.

import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeCheckpointDir } from '@/lib/model/checkpoint-files';
import { weightsToTensors } from '@/lib/model/checkpoint';
import { demoConfig, demoTensors } from '@/lib/model/demo-checkpoint';
import { exportFolder } from '@/lib/model/export/export-folder';
import { serializeManifest } from '@/lib/model/export/folder-json';
import { recordHubSource } from '@/lib/model/export/hub-source-record';
import { parseManifest, type TrainedRecord } from '@/lib/model/manifest';
import { useBackend, warmupFor } from '@/lib/train';
import { DEMO_TRAINING, trainDemo } from '@/lib/train/demo';
import { UsageError, choiceFlag, intFlag, parseFlags, runCli } from './cli-flags';
import { printManifest } from './model-cli';
import { lessonDocuments } from './train-corpus';

const LESSONS = "this pamphlet's lessons";

/** The checkpoint of an already built demo, and its training record. */
async function copyDemo(from: string, out: string): Promise<TrainedRecord | undefined> {
  const manifest = parseManifest(
    await readFile(join(from, 'manifest.json'), 'utf8').catch(() => {
      throw new UsageError(`--copy-from ${from}: no manifest.json there (build it with npm run model:demo first)`);
    }),
  );
  await mkdir(out, { recursive: true });
  for (const f of ['config.json', 'model.safetensors']) await copyFile(join(from, f), join(out, f));
  return manifest.trained;
}

runCli(async () => {
  const { values } = parseFlags(
    {
      random: { type: 'boolean', default: false },
      steps: { type: 'string' },
      shape: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'copy-from': { type: 'string' },
      'hub-repo': { type: 'string' },
      'hub-revision': { type: 'string', default: 'main' },
    },
    process.argv.slice(2),
  );
  const shape = choiceFlag('shape', values.shape, 'demo', ['demo', '124m'] as const);
  const seed = intFlag('seed', values.seed, 0, 0, 2 ** 32 - 1);
  const steps = intFlag('steps', values.steps, DEMO_TRAINING.steps, 1, 100_000);
  const random = values.random || shape === '124m';
  if (shape === '124m' && values.steps) throw new UsageError('--shape 124m is built with random weights only; leave out --steps');
  const out = values.out ?? (shape === 'demo' ? 'models/demo' : 'models/demo-124m');

  const t0 = performance.now();
  let trained: TrainedRecord | undefined;
  if (values['copy-from']) {
    trained = await copyDemo(values['copy-from'], out);
  } else if (random) {
    await writeCheckpointDir(out, demoConfig(shape), demoTensors(demoConfig(shape), seed));
  } else {
    const backend = await useBackend();
    const options = { ...DEMO_TRAINING, steps, seed, warmupSteps: warmupFor(steps, DEMO_TRAINING.warmupSteps) };
    console.error(
      `training the demo model on ${LESSONS}: ${steps} steps on ${backend} (npm run model:demo -- --random for random weights)…`,
    );
    const every = Math.max(1, Math.round(steps / 10));
    const demo = await trainDemo(await lessonDocuments(), LESSONS, options, {
      onEval: (v) => v.step % every === 0 && console.error(`  step ${v.step}: validation loss ${v.loss.toFixed(3)}`),
    });
    await writeCheckpointDir(out, demo.config, weightsToTensors(demo.config, demo.weights));
    trained = demo.trained;
  }
  const t1 = performance.now();
  let manifest = await exportFolder({
    from: out,
    out,
    name: shape === 'demo' ? 'demo' : 'demo-124m',
    demo: true,
    onStep: (s) => console.error(s),
  });
  if (trained) {
    manifest = { ...manifest, trained };
    await writeFile(join(out, 'manifest.json'), serializeManifest(manifest));
  }
  const hubRepo = values['hub-repo'];
  if (hubRepo) manifest = await recordHubSource(out, join(out, 'model.safetensors'), { repo: hubRepo, revision: values['hub-revision']! });
  const t2 = performance.now();
  printManifest(out, manifest);
  const built = values['copy-from'] ? 'copied' : trained ? 'trained' : `random (seed ${seed})`;
  console.log(`checkpoint ${built} in ${((t1 - t0) / 1000).toFixed(1)} s, export ${((t2 - t1) / 1000).toFixed(1)} s`);
});
