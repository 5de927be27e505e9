// A model kept in the browser, loaded the way model.worker.ts loads any model: the manifest, the load
// plan's file from the cache, the session built from it, the Decoder with the model's token map; its
// logits over GPT-2's ids checked against the independent reference forward pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONFIG, buildDemoCheckpoint } from '@/lib/model/demo-checkpoint';
import { Decoder } from '@/lib/model/decoder';
import { planLoad, type VariantChoice } from '@/lib/model/load-plan';
import { createSession } from '@/lib/model/ort';
import { referenceForward } from '@/lib/model/reference';
import { sessionSource } from '@/lib/model/session-source';
import { TokenMap } from '@/lib/model/token-map';
import { installFakeCaches, type FakeCaches } from '@/test/fixtures/cache-storage';
import { keepTrainedModel } from './keep-trained-model';
import { fetchManifest, fetchModelFile } from './model-files';
import type { MyModel } from './my-models';

const tokenMap = TokenMap.fromTokens([15496, 995, 11, 3241, 318, 477, 345, 761, 13, ...Array.from({ length: 40 }, (_, i) => 1000 + i)]);
const config = { ...DEMO_CONFIG, vocabSize: tokenMap.size, blockSize: 32 };
const { weights } = buildDemoCheckpoint(config, 5);
const PROMPT = [15496, 995, 11, 3241, 318, 477, 345, 761, 13]; // "Hello world, attention is all you need."

let fake: FakeCaches;
let kept: MyModel;
beforeAll(async () => {
  fake = installFakeCaches();
  const meta = { name: 'tiny', createdAt: '2025-03-01T10:00:00.000Z', corpus: 'one sentence', losses: { steps: 1, train: 4, val: null } };
  kept = await keepTrainedModel({ config, weights, tokenMap, meta }, 'https://pamphlet.test/');
});
afterAll(() => fake.restore());

/** model.worker.ts's load, minus the worker: plan, fetch, build, Decoder with the token map. */
async function loadAsTheWorkerDoes(variant: VariantChoice) {
  const manifest = await fetchManifest(kept.baseUrl);
  const plan = planLoad(manifest, 'wasm', { variant });
  const bytes = await fetchModelFile(plan.baseUrl ?? kept.baseUrl, plan.entry);
  const src = sessionSource(plan.file, bytes, plan.precision, manifest.config);
  const map = TokenMap.parse(new TextDecoder().decode(await fetchModelFile(kept.baseUrl, manifest.files.token_map)), config.vocabSize);
  return { plan, decoder: new Decoder(await createSession(src.onnx, { externalData: src.externalData }), manifest.config, map) };
}

describe('a kept model in the worker’s load path', () => {
  const ref = referenceForward(config, weights, tokenMap.toModel(PROMPT), { lastOnly: true }).logits; // [K]

  it('fp32 (decoder.onnx): the reference logits at the model’s tokens, −∞ at every other GPT-2 id', async () => {
    const { plan, decoder } = await loadAsTheWorkerDoes('fp32');
    expect(plan.file).toBe('decoder');
    const logits = await decoder.prefill(PROMPT);
    expect(logits).toHaveLength(50257);
    const err = Math.max(...Array.from(tokenMap.gpt2Ids, (id, k) => Math.abs(logits[id] - ref[k])));
    expect(err).toBeLessThanOrEqual(1e-4);
    expect(logits.filter((x) => x === -Infinity)).toHaveLength(50257 - tokenMap.size);
  });

  it('auto (compact.safetensors, built in the worker): the reference’s top token', async () => {
    const { plan, decoder } = await loadAsTheWorkerDoes('auto');
    expect(plan.file).toBe('compact');
    const logits = await decoder.prefill(PROMPT);
    const top = (xs: ArrayLike<number>) => Array.from(xs).reduce((best, x, i, all) => (x > all[best] ? i : best), 0);
    expect(top(logits)).toBe(tokenMap.toGpt2(top(ref)));
  });
});
