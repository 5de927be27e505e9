import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countParameters } from '@/lib/model/config';

const script = (name: string) => fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
const run = (name: string, args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script(name), ...args], { encoding: 'utf8' });
const TINY = ['--layers', '1', '--heads', '2', '--embd', '16', '--block', '8', '--batch', '2', '--eval-interval', '2'];

let root: string;
let corpus: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'train-cli-'));
  corpus = join(root, 'corpus.txt');
  await writeFile(corpus, 'The cat sat on the mat. The dog sat on the log. '.repeat(10));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('scripts/train.ts', () => {
  it('--json prints one object: a loss per step, validation losses, vocab, params, timings', () => {
    const { status, stdout } = run('train', ['--corpus', corpus, '--steps', '3', '--seed', '1', '--json', ...TINY]);
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(stdout);
    expect(out.losses).toHaveLength(3);
    expect(out.valLosses.map((v: { step: number }) => v.step)).toEqual([0, 2, 3]);
    expect(out.vocab).toBeGreaterThan(5);
    const config = { blockSize: 8, vocabSize: out.vocab, nLayer: 1, nHead: 2, nEmbd: 16, layerNormEpsilon: 1e-5 };
    expect(out.params).toBe(countParameters(config).total);
    for (const k of ['ms', 'trainMs', 'tokensPerSecond', 'stepsPerSecond']) expect(out[k]).toBeGreaterThan(0);
    expect(out.config).toMatchObject({ nLayer: 1, nEmbd: 16, steps: 3, seed: 1, backend: 'wasm' });
  });

  it('exits 2 with one line for a bad flag', () => {
    for (const args of [['--steps', 'many'], ['--embd', '10', '--heads', '4'], ['--nope']]) {
      const { status, stdout, stderr } = run('train', args);
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^error: /);
    }
  });

  it('--out → model:export → generate: the trained model answers in GPT-2 ids it knows', async () => {
    const ckpt = join(root, 'ckpt');
    const app = join(root, 'app');
    expect(run('train', ['--corpus', corpus, '--steps', '4', '--out', ckpt, ...TINY]).status).toBe(0);
    expect(run('model-export', ['--from', ckpt, '--out', app]).status).toBe(0);
    const gen = run('generate', ['--model', app, '--prompt', 'The cat, the', '--max-new-tokens', '5', '--json', '--variant', 'fp32']);
    expect(gen.status).toBe(0);
    expect(gen.stderr).toMatch(/1 prompt token\(s\) are not in this model's \d+-token vocabulary/); // ','
    const { ids } = JSON.parse(gen.stdout);
    const map = JSON.parse(await readFile(join(app, 'token_map.json'), 'utf8'));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(map.gpt2_ids).toContain(id);
    const compact = run('generate', ['--model', app, '--prompt', 'The cat', '--max-new-tokens', '3', '--json']);
    expect(compact.status).toBe(0);
  });

  it('--full-vocab --out writes a plain GPT-2 checkpoint that reads any prompt', async () => {
    const ckpt = join(root, 'ckpt-full');
    const app = join(root, 'app-full');
    expect(run('train', ['--corpus', corpus, '--steps', '2', '--full-vocab', '--out', ckpt, ...TINY]).status).toBe(0);
    expect(existsSync(join(ckpt, 'token_map.json'))).toBe(false);
    expect(JSON.parse(await readFile(join(ckpt, 'config.json'), 'utf8')).vocab_size).toBe(50257);
    expect(run('model-export', ['--from', ckpt, '--out', app]).status).toBe(0);
    const gen = run('generate', ['--model', app, '--prompt', 'The cat, the', '--max-new-tokens', '3', '--json', '--variant', 'fp32']);
    expect(gen.status).toBe(0);
    expect(gen.stderr).not.toMatch(/not in this model/); // ',' is read, though the corpus never had it
    expect(JSON.parse(gen.stdout).ids).toHaveLength(3);
  });
});
