// npm run model:demo: the trained demo (a few steps here; the real one trains 600) is a plain GPT-2
// checkpoint with the whole vocabulary and a training record; --copy-from keeps that record;
// --random has none.
import { spawnSync } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifest } from '@/lib/model/manifest';
import { DEMO_TRAINING } from '@/lib/train/demo';

const script = fileURLToPath(new URL('./model-demo.ts', import.meta.url));
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });
const manifestOf = async (dir: string) => parseManifest(await readFile(join(dir, 'manifest.json'), 'utf8'));

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'model-demo-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('scripts/model-demo.ts', () => {
  it('trains on the lessons into a full-vocabulary GPT-2 with a training record', async () => {
    const out = join(root, 'trained');
    const { status, stdout, stderr } = run(['--steps', '3', '--out', out]);
    expect(status, stderr).toBe(0);
    expect(stdout).toMatch(/demo: trained on this pamphlet's lessons/);
    const m = await manifestOf(out);
    expect(m.demo).toBe(true);
    expect(m.config).toMatchObject({ vocabSize: 50257, blockSize: DEMO_TRAINING.blockSize, nLayer: 2, nHead: 4, nEmbd: 64 });
    expect(m.trained).toMatchObject({ corpus: "this pamphlet's lessons", steps: 3, seed: 0 });
    expect(m.trained!.tokens).toBe(3 * DEMO_TRAINING.batchSize * DEMO_TRAINING.blockSize);
    expect(m.trained!.valLoss).toBeLessThan(Math.log(50257)); // three steps down from ln 50,257 ≈ 10.8
    expect(m.trained!.valLoss).toBeGreaterThan(7);
    await expect(access(join(out, 'token_map.json'))).rejects.toThrow();

    const copy = join(root, 'copy');
    const c = run(['--copy-from', out, '--out', copy, '--hub-repo', 'local/demo']);
    expect(c.status, c.stderr).toBe(0);
    const mc = await manifestOf(copy);
    expect(mc.trained).toEqual(m.trained);
    expect(mc.source?.hub).toMatchObject({ repo: 'local/demo', file: 'model.safetensors' });
    expect(mc.files.decoder.sha256).toBe(m.files.decoder.sha256);
  }, 120_000);

  it('--random has no training record; bad flags exit 2 with one line', async () => {
    const out = join(root, 'random');
    expect(run(['--random', '--out', out]).status).toBe(0);
    expect((await manifestOf(out)).trained).toBeUndefined();
    for (const args of [
      ['--shape', '124m', '--steps', '5'],
      ['--copy-from', join(root, 'nothing'), '--out', join(root, 'x')],
    ]) {
      const { status, stderr } = run(args);
      expect(status).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 120_000);
});
