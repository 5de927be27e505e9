// The Optimum folder loaded by transformers.js 4.3 (onnxruntime-node) exactly as an app would:
// AutoModelForCausalLM.from_pretrained(name) with env.localModelPath, then generate().

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoModelForCausalLM, env, pipeline, Tensor, type PreTrainedModel, type TextGenerationOutput } from '@huggingface/transformers';
import { demoCheckpoint, demoDecoder, HELLO_IDS, maxAbsDiff } from '@/test/fixtures/demo-model';
import type { Decoder } from '../decoder';
import { referenceForward } from '../reference';
import { argmax } from '../sampling';
import { exportModel } from './export-model';

const { config, weights } = demoCheckpoint();
let root: string;
let model: PreTrainedModel;
let decoder: Decoder;
let tokenizer: { encode(text: string): number[]; decode(ids: number[]): string } | null = null;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tfjs-'));
  try {
    // the project's tokenizer writes the HF tokenizer files (skipped if that module is absent)
    const { writeTokenizerFiles } = await import('@/lib/tokenizer/hf-files');
    await writeTokenizerFiles(join(root, 'demo'));
    tokenizer = await import('@/lib/tokenizer');
  } catch {
    tokenizer = null;
  }
  await exportModel({ weights, config, outDir: join(root, 'demo'), variants: ['optimum'], demo: true });
  env.localModelPath = root + '/';
  env.allowRemoteModels = false;
  model = await AutoModelForCausalLM.from_pretrained('demo', { dtype: 'fp32', device: 'cpu' });
  decoder = await demoDecoder();
});
afterAll(async () => {
  await model?.dispose();
  await rm(root, { recursive: true, force: true });
});

const ids64 = (ids: number[]) =>
  new Tensor(
    'int64',
    BigInt64Array.from(ids, (x) => BigInt(x)),
    [1, ids.length],
  );

describe('transformers.js on onnx/model.onnx', () => {
  it('forward logits match the reference', async () => {
    const out = await model({ input_ids: ids64(HELLO_IDS), attention_mask: ids64(HELLO_IDS.map(() => 1)) });
    expect(out.logits.dims).toEqual([1, HELLO_IDS.length, config.vocabSize]);
    expect(maxAbsDiff(out.logits.data as Float32Array, referenceForward(config, weights, HELLO_IDS).logits)).toBeLessThanOrEqual(1e-4);
  });

  it('greedy generate() gives the same ids as our decoder', async () => {
    for (const prompt of [HELLO_IDS, [464, 2068, 7586, 21831], [50256]]) {
      const out = await model.generate({ input_ids: ids64(prompt), max_new_tokens: 12, do_sample: false });
      const theirs = Array.from((out as Tensor).data as BigInt64Array, Number).slice(prompt.length);
      const ours: number[] = [];
      let logits = await decoder.prefill(prompt);
      while (ours.length < 12) {
        ours.push(argmax(logits));
        logits = await decoder.step(ours.at(-1)!);
      }
      expect(theirs).toEqual(ours);
    }
  });

  it('the text-generation pipeline (with the tokenizer files) continues like our decoder', async (ctx) => {
    if (!tokenizer) ctx.skip();
    const text = 'Hello world, attention is all you need.';
    const generator = await pipeline('text-generation', 'demo', { dtype: 'fp32', device: 'cpu' });
    const [out] = (await generator(text, { max_new_tokens: 8, do_sample: false })) as TextGenerationOutput;
    const ids: number[] = [];
    let logits = await decoder.prefill(tokenizer!.encode(text));
    while (ids.length < 8) {
      ids.push(argmax(logits));
      logits = await decoder.step(ids.at(-1)!);
    }
    expect(out.generated_text).toBe(text + tokenizer!.decode(ids));
    await generator.dispose();
  });
});
