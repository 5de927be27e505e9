// The trained model leaves TensorFlow.js through the project's own exporter and comes back through
// onnxruntime-web: decoder.onnx must give the tfjs forward pass's logits (fp32, within 1e-4), and a
// checkpoint folder with its token map must export and generate in GPT-2 ids.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCheckpointDir } from '@/lib/model/checkpoint-files';
import { weightsToTensors, type GPT2Weights } from '@/lib/model/checkpoint';
import { Decoder } from '@/lib/model/decoder';
import { exportFolder } from '@/lib/model/export/export-folder';
import { exportModel } from '@/lib/model/export/export-model';
import { generate } from '@/lib/model/generate';
import { TokenMap } from '@/lib/model/token-map';
import { maxAbsDiff } from '@/test/fixtures/demo-model';
import { useBackend } from './backend';
import { buildCorpus, tokenizeDocuments } from './corpus';
import { train } from './train';
import { TRAIN_DEFAULTS, type Trainer } from './trainer';

const corpus = buildCorpus(tokenizeDocuments(['The cat sat on the mat. The dog sat on the log. A bird sang. '.repeat(10)]));
let trainer: Trainer;
let weights: GPT2Weights;
let root: string;
const T = 8;
const window = Array.from(corpus.val.subarray(0, T)); // model ids

/** tfjs logits [T, K] of the window. */
async function tfjsLogits(): Promise<Float32Array> {
  const logits = trainer.logits(Int32Array.from(window), 1, T);
  const data = (await logits.data()) as Float32Array;
  logits.dispose();
  return data;
}

beforeAll(async () => {
  await useBackend();
  const opts = { ...TRAIN_DEFAULTS, nLayer: 2, nHead: 2, nEmbd: 16, blockSize: T, batchSize: 4, steps: 8, warmupSteps: 2, evalBatches: 1 };
  ({ trainer } = await train(corpus, opts));
  weights = await trainer.weights();
  root = await mkdtemp(join(tmpdir(), 'train-export-'));
});
afterAll(async () => {
  trainer.dispose();
  await rm(root, { recursive: true, force: true });
});

describe('a trained model through the exporter', () => {
  it('decoder.onnx gives the tfjs logits at every prefix length, within 1e-4', async () => {
    const dir = join(root, 'plain');
    await exportModel({ weights, config: trainer.config, outDir: dir, variants: ['decoder'], name: 'tiny' });
    const d = await Decoder.load(await readFile(join(dir, 'decoder.onnx')), trainer.config);
    const K = trainer.config.vocabSize;
    const want = await tfjsLogits();
    for (let t = 1; t <= T; t++) {
      const got = await d.prefill(window.slice(0, t));
      expect(got.length).toBe(K);
      expect(maxAbsDiff(got, want.subarray((t - 1) * K, t * K))).toBeLessThan(1e-4);
    }
    await d.release();
  });

  it('a checkpoint folder with token_map.json exports, and its decoder speaks GPT-2 ids', async () => {
    const from = join(root, 'ckpt');
    const out = join(root, 'app');
    await writeCheckpointDir(from, trainer.config, weightsToTensors(trainer.config, weights), corpus.tokenMap);
    const manifest = await exportFolder({ from, out, name: 'tiny' });
    expect(manifest.files.token_map.path).toBe('token_map.json');
    expect(manifest.config.vocabSize).toBe(corpus.tokenMap.size);
    expect(manifest.accuracy?.compact.fp32?.positions).toBeGreaterThan(0); // measured in model ids
    const config = JSON.parse(await readFile(join(out, 'config.json'), 'utf8'));
    expect([config.vocab_size, config.eos_token_id]).toEqual([corpus.tokenMap.size, corpus.tokenMap.eot]);

    const tokenMap = TokenMap.parse(await readFile(join(out, 'token_map.json'), 'utf8'), manifest.config.vocabSize);
    const d = await Decoder.load(await readFile(join(out, 'decoder.onnx')), manifest.config, {}, tokenMap);
    const gpt2Window = window.map((id) => tokenMap.toGpt2(id));
    const got = await d.prefill([...gpt2Window.slice(0, 4), 11 /* ',' is not in the corpus */, ...gpt2Window.slice(4)]);
    expect(d.tokens).toEqual(gpt2Window); // the unknown token was left out
    const K = tokenMap.size;
    const want = (await tfjsLogits()).subarray((T - 1) * K, T * K);
    expect(got.length).toBe(50257);
    expect(
      maxAbsDiff(
        Array.from(tokenMap.gpt2Ids, (id) => got[id]),
        want,
      ),
    ).toBeLessThan(1e-4);
    expect(got.filter(Number.isFinite).length).toBe(K);

    const ids: number[] = [];
    for await (const t of generate(d, gpt2Window.slice(0, 3), { maxNewTokens: 6, greedy: true, stopAtEot: false })) ids.push(t.id);
    expect(ids).toHaveLength(6);
    expect(ids.every((id) => tokenMap.has(id))).toBe(true);
    await d.release();
  });
});
