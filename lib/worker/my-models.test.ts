// The learner's models in Cache Storage (a Map-backed fake: Node has no `caches`), read back through
// the model worker's own file functions, never from the network.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unzipSync } from 'fflate';
import { countParameters } from '@/lib/model/config';
import { buildDemoCheckpoint, DEMO_CONFIG } from '@/lib/model/demo-checkpoint';
import { checkpointZip } from '@/lib/model/export/hf-zip';
import { TokenMap } from '@/lib/model/token-map';
import { MODEL_CACHE, MY_MODELS_CACHE } from '@/lib/offline/cache-names';
import { removeCachedModel, storageSummary } from '@/lib/offline/storage';
import { installFakeCaches, type FakeCaches } from '@/test/fixtures/cache-storage';
import { keepTrainedModel, type TrainedModel } from './keep-trained-model';
import { fetchManifest, fetchModelFile, ModelMissingError, MyModelMissingError } from './model-files';
import { isMyModelUrl, myModelBaseUrl, myModelIdOf } from './my-model-url';
import { deleteMyModel, getMyModel, listMyModels, myModelZip, MyModelStorageError } from './my-models';

const SITE = 'https://pamphlet.test/lessons/attention/';

/** A trained-looking model: its own 60-token vocabulary, a short context, `seed` for different weights. */
function trained(seed: number, createdAt: string): TrainedModel {
  const tokenMap = TokenMap.fromTokens(Array.from({ length: 59 }, (_, i) => 200 + i * 11));
  const config = { ...DEMO_CONFIG, vocabSize: tokenMap.size, blockSize: 32 };
  const { weights } = buildDemoCheckpoint(config, seed);
  return {
    config,
    weights,
    tokenMap,
    meta: { name: `Model ${seed}`, createdAt, corpus: 'the lessons, 1,234 tokens', losses: { steps: 200, train: 2.5, val: 2.7 } },
  };
}

let fake: FakeCaches;
const network = vi.fn(async () => {
  throw new TypeError('no network in this test');
});
beforeEach(() => {
  fake = installFakeCaches();
  vi.stubGlobal('fetch', network);
});
afterEach(() => {
  fake.restore();
  vi.unstubAllGlobals();
  network.mockClear();
});

describe('my models', () => {
  it('keeps a model under /my-models/<id>/ and lists it with what the page shows', async () => {
    const model = trained(1, '2025-03-01T10:00:00.000Z');
    const kept = await keepTrainedModel(model, SITE);
    expect(kept.baseUrl).toBe(`https://pamphlet.test/my-models/${kept.id}/`);
    expect(kept).toMatchObject({
      ...model.meta,
      config: model.config,
      params: countParameters(model.config).total,
      vocab: 60,
    });
    expect(await listMyModels()).toEqual([kept]);
    expect(await getMyModel(kept.id, SITE)).toEqual(kept);
    // every byte kept is counted: the manifest's files, model.safetensors and manifest.json
    const stored = [...fake.caches.get(MY_MODELS_CACHE)!.entries].filter(([url]) => !url.endsWith('/entry.json'));
    expect(stored.reduce((n, [, e]) => n + e.body.byteLength, 0)).toBe(kept.bytes);
  });

  it('is read by fetchManifest and fetchModelFile from its own cache, never the network', async () => {
    const kept = await keepTrainedModel(trained(2, '2025-03-01T10:00:00.000Z'), SITE);
    const manifest = await fetchManifest(kept.baseUrl);
    expect(Object.keys(manifest.files)).toEqual(['config', 'generation_config', 'token_map', 'decoder', 'compact']);
    for (const entry of Object.values(manifest.files)) {
      const bytes = await fetchModelFile(kept.baseUrl, entry);
      expect(bytes.byteLength).toBe(entry.bytes); // fetchModelFile has checked the sha256
    }
    expect(TokenMap.parse(new TextDecoder().decode(await fetchModelFile(kept.baseUrl, manifest.files.token_map))).size).toBe(60);
    expect(network).not.toHaveBeenCalled();
    expect(fake.caches.get(MODEL_CACHE)).toBeUndefined();
  });

  it('survives "remove the cached model" on the storage panel', async () => {
    const kept = await keepTrainedModel(trained(3, '2025-03-01T10:00:00.000Z'), SITE);
    await (await caches.open(MODEL_CACHE)).put('https://pamphlet.test/models/gpt2/decoder.onnx', new Response('x'));
    await removeCachedModel();
    expect(fake.caches.has(MODEL_CACHE)).toBe(false);
    const { model } = await storageSummary(); // what the storage panel shows
    expect(model).toEqual({ files: 0, bytes: 0 });
    expect((await listMyModels()).map((m) => m.id)).toEqual([kept.id]);
    const manifest = await fetchManifest(kept.baseUrl);
    await expect(fetchModelFile(kept.baseUrl, manifest.files.decoder)).resolves.toHaveLength(manifest.files.decoder.bytes);
  });

  it('lists newest first, and the same model kept twice is one entry', async () => {
    const older = await keepTrainedModel(trained(4, '2025-03-01T10:00:00.000Z'), SITE);
    const newer = await keepTrainedModel(trained(5, '2025-03-02T09:00:00.000Z'), SITE);
    expect(newer.id).not.toBe(older.id);
    await keepTrainedModel(trained(4, '2025-03-01T10:00:00.000Z'), SITE);
    expect((await listMyModels()).map((m) => m.id)).toEqual([newer.id, older.id]);
  });

  it('deletes a model whole; loading it then says it is gone, in one line', async () => {
    const kept = await keepTrainedModel(trained(6, '2025-03-01T10:00:00.000Z'), SITE);
    const manifest = await fetchManifest(kept.baseUrl);
    const other = await keepTrainedModel(trained(7, '2025-03-01T11:00:00.000Z'), SITE);
    await deleteMyModel(kept.id, SITE);
    expect((await listMyModels()).map((m) => m.id)).toEqual([other.id]);
    expect([...fake.caches.get(MY_MODELS_CACHE)!.entries.keys()].filter((u) => u.startsWith(kept.baseUrl))).toEqual([]);
    await expect(fetchManifest(kept.baseUrl)).rejects.toThrow(MyModelMissingError);
    const err = await fetchModelFile(kept.baseUrl, manifest.files.decoder).catch((e: Error) => e);
    expect(err).toBeInstanceOf(MyModelMissingError);
    expect(err).toBeInstanceOf(ModelMissingError); // the worker reports it as 'model-missing'
    expect((err as Error).message).toMatch(/^Your model's decoder\.onnx is no longer in this browser[^\n]*$/);
    expect(network).not.toHaveBeenCalled();
    await expect(deleteMyModel(kept.id, SITE)).resolves.toBeUndefined();
  });

  it('a damaged file is reported and kept (it is the only copy), not fetched again', async () => {
    const kept = await keepTrainedModel(trained(8, '2025-03-01T10:00:00.000Z'), SITE);
    const manifest = await fetchManifest(kept.baseUrl);
    const entries = fake.caches.get(MY_MODELS_CACHE)!.entries;
    const key = [...entries.keys()].find((u) => u.includes('/decoder.onnx?'))!;
    entries.get(key)!.body[100] ^= 1;
    await expect(fetchModelFile(kept.baseUrl, manifest.files.decoder)).rejects.toThrow(/decoder\.onnx is damaged/);
    expect(entries.has(key)).toBe(true);
    expect(network).not.toHaveBeenCalled();
  });

  it('a full quota is a MyModelStorageError with a one-line message, and leaves no half model', async () => {
    fake.restore();
    fake = installFakeCaches({ quota: 200_000 }); // room for a few files, not the whole model
    const err = await keepTrainedModel(trained(9, '2025-03-01T10:00:00.000Z'), SITE).catch((e: Error) => e);
    expect(err).toBeInstanceOf(MyModelStorageError);
    expect(err).toMatchObject({ quota: true });
    expect((err as Error).message).toMatch(/^Not enough storage left in this browser to keep this model \([\d.]+ MB\)[^\n]*$/);
    expect(fake.used()).toBe(0);
    expect(await listMyModels()).toEqual([]);
  });

  it('without Cache Storage: keeping says why, listing is empty', async () => {
    fake.restore();
    await expect(keepTrainedModel(trained(10, '2025-03-01T10:00:00.000Z'), SITE)).rejects.toThrow(/does not let the site keep files/);
    expect(await listMyModels()).toEqual([]);
  });

  it('downloads as the same Hugging Face .zip as the weights in memory give', async () => {
    const model = trained(11, '2025-03-01T10:00:00.000Z');
    const kept = await keepTrainedModel(model, SITE);
    const fromStore = await myModelZip(kept.id, SITE);
    const fromMemory = checkpointZip(model.meta.name, model);
    expect(fromStore.fileName).toBe('model-11.zip');
    expect(Object.keys(unzipSync(fromStore.bytes)).sort()).toEqual([
      'model-11/config.json',
      'model-11/model.safetensors',
      'model-11/token_map.json',
    ]);
    expect(Buffer.from(fromStore.bytes).equals(Buffer.from(fromMemory.bytes))).toBe(true);
    await deleteMyModel(kept.id, SITE);
    await expect(myModelZip(kept.id, SITE)).rejects.toThrow(MyModelMissingError);
  });
});

describe('my-model URLs', () => {
  it.each([
    ['https://pamphlet.test/my-models/0123456789abcdef/', '0123456789abcdef'],
    ['https://pamphlet.test/my-models/0123456789abcdef/onnx/model.onnx?sha256=00', '0123456789abcdef'],
    ['https://pamphlet.test/models/gpt2/', null],
    ['https://pamphlet.test/my-models/../models/gpt2/', null],
    ['https://pamphlet.test/my-models/not-an-id/', null],
    ['https://pamphlet.test/lessons/my-models/0123456789abcdef/', null],
  ])('%s → %s', (url, id) => {
    expect(myModelIdOf(url)).toBe(id);
    expect(isMyModelUrl(url)).toBe(id !== null);
  });

  it('puts the folder under the site, from any page or worker URL of it', () => {
    expect(myModelBaseUrl('0123456789abcdef', 'https://pamphlet.test/_next/static/chunks/train.worker.js')).toBe(
      'https://pamphlet.test/my-models/0123456789abcdef/',
    );
    expect(() => myModelBaseUrl('../x', SITE)).toThrow(TypeError);
  });
});
