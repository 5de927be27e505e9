// Models the learner trained in this browser, kept in Cache Storage (MY_MODELS_CACHE), each under its
// own folder URL /my-models/<id>/ (my-model-url.ts):
//
//   <base>manifest.json                      the manifest, where fetchManifest reads it
//   <base><path>?sha256=<hex>                each file of the manifest, under the key fetchModelFile
//                                            looks up (modelCacheKey), so the model worker loads it as is
//   <base>model.safetensors?sha256=<hex>     fp32 weights for the Hugging Face download (not in the
//                                            manifest: the worker never loads them)
//   <base>entry.json                         the list's record (MyModel), written last, removed first
//
// The list lives in the same cache, not in IndexedDB: the record is written after the files and
// deleted before them, so a model is listed only when it is whole; the list is the cache's keys, so no
// separate index can drift from the files, and two tabs saving at once each write their own record.
// The id is a hash of the manifest (which holds every file's sha256): the same model saved twice is
// one entry. Time is the caller's (meta.createdAt).

import type { GPT2Config } from '@/lib/model/config';
import { countParameters, validateConfig } from '@/lib/model/config';
import { serializeManifest } from '@/lib/model/export/folder-json';
import type { Manifest, ManifestFile } from '@/lib/model/manifest';
import { sha256Hex } from '@/lib/model/sha256';
import { MY_MODELS_CACHE } from '@/lib/offline/cache-names';
import { fetchManifest, fetchModelFile, modelCacheKey, MyModelMissingError } from './model-files';
import { myModelBaseUrl, myModelIdOf } from './my-model-url';

const ENTRY_FILE = 'entry.json';
const CHECKPOINT_FILE = 'model.safetensors';

/** How training went, in nats per token. */
export interface LossSummary {
  steps: number;
  /** Training loss at the end. */
  train: number;
  /** The last validation loss; null when none was measured. */
  val: number | null;
}

/** What the trainer knows and the files do not. */
export interface MyModelMeta {
  name: string;
  /** ISO 8601, from the caller's clock. */
  createdAt: string;
  /** What it was trained on, in words (e.g. "the pamphlet's lessons, 61,000 tokens"). */
  corpus: string;
  losses: LossSummary;
}

/** One model of the list. */
export interface MyModel extends MyModelMeta {
  id: string;
  /** Hand this to the model worker (ModelClient.load) like any model folder. */
  baseUrl: string;
  config: GPT2Config;
  params: number;
  /** Tokens it knows (= config.vocabSize; GPT-2 has 50,257). */
  vocab: number;
  /** Bytes kept in this browser. */
  bytes: number;
  /** model.safetensors, for `myModelZip`. */
  checkpoint: ManifestFile;
}

export interface MyModelFiles {
  manifest: Manifest;
  /** path → bytes, every file of the manifest (export-memory.ts `exportToMemory` gives both). */
  files: Map<string, Uint8Array>;
  /** model.safetensors: fp32 weights, HF names (hf-zip.ts `checkpointSafetensors`). */
  checkpoint: Uint8Array;
  meta: MyModelMeta;
}

/** The browser would not keep the model: storage full, or storage not allowed. */
export class MyModelStorageError extends Error {
  readonly quota: boolean;
  constructor(cause: unknown, bytes: number) {
    const quota = (cause as { name?: string } | null)?.name === 'QuotaExceededError';
    super(
      quota
        ? `Not enough storage left in this browser to keep this model (${(bytes / 1e6).toFixed(1)} MB); delete a model or free some space.`
        : cause === null
          ? 'This browser does not let the site keep files (a private window, or storage turned off), so the model cannot be kept.'
          : `Could not keep the model in this browser: ${(cause as Error).message ?? String(cause)}`,
    );
    this.name = 'MyModelStorageError';
    this.quota = quota;
  }
}

const here = (): string => globalThis.location?.href ?? 'http://localhost/';

async function openStore(): Promise<Cache | null> {
  try {
    return typeof caches === 'undefined' ? null : await caches.open(MY_MODELS_CACHE);
  } catch {
    return null; // storage not allowed (e.g. some private windows)
  }
}

const octets = (bytes: Uint8Array) =>
  new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/octet-stream' } });

/** Keeps a model; resolves to its record once every file is stored. Throws MyModelStorageError. */
export async function saveMyModel(model: MyModelFiles, siteHref: string = here()): Promise<MyModel> {
  const { manifest, files, checkpoint, meta } = model;
  const config = validateConfig(manifest.config);
  for (const [role, f] of Object.entries(manifest.files)) {
    if (files.get(f.path)?.byteLength !== f.bytes) throw new TypeError(`the manifest's ${role} file (${f.path}) is not among the files`);
  }
  const manifestBytes = serializeManifest(manifest);
  const id = (await sha256Hex(manifestBytes)).slice(0, 16);
  const baseUrl = myModelBaseUrl(id, siteHref);
  const checkpointFile: ManifestFile = { path: CHECKPOINT_FILE, bytes: checkpoint.byteLength, sha256: await sha256Hex(checkpoint) };
  const bytes = manifestBytes.byteLength + checkpoint.byteLength + Object.values(manifest.files).reduce((n, f) => n + f.bytes, 0);
  const entry: MyModel = {
    ...meta,
    id,
    baseUrl,
    config,
    params: countParameters(config).total,
    vocab: config.vocabSize,
    bytes,
    checkpoint: checkpointFile,
  };

  const cache = await openStore();
  if (!cache) throw new MyModelStorageError(null, bytes);
  try {
    for (const f of Object.values(manifest.files)) await cache.put(modelCacheKey(baseUrl, f), octets(files.get(f.path)!));
    await cache.put(modelCacheKey(baseUrl, checkpointFile), octets(checkpoint));
    await cache.put(new URL('manifest.json', baseUrl).href, new Response(manifestBytes as Uint8Array<ArrayBuffer>));
    await cache.put(
      new URL(ENTRY_FILE, baseUrl).href,
      new Response(JSON.stringify(entry), { headers: { 'Content-Type': 'application/json' } }),
    );
  } catch (e) {
    await removeFolder(cache, baseUrl).catch(() => {}); // half a model is no model
    throw new MyModelStorageError(e, bytes);
  }
  return entry;
}

/** The kept models, newest first. Empty where the browser keeps no files. */
export async function listMyModels(): Promise<MyModel[]> {
  const cache = await openStore();
  if (!cache) return [];
  const models: MyModel[] = [];
  for (const request of await cache.keys()) {
    const id = myModelIdOf(request.url);
    if (!id || !request.url.endsWith(`/${id}/${ENTRY_FILE}`)) continue;
    const record = await readEntry(cache, request.url);
    if (record?.id === id) models.push({ ...record, baseUrl: new URL('./', request.url).href });
  }
  return models.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}

/** The record of one kept model, or null. */
export async function getMyModel(id: string, siteHref: string = here()): Promise<MyModel | null> {
  const cache = await openStore();
  const baseUrl = myModelBaseUrl(id, siteHref);
  const record = cache && (await readEntry(cache, new URL(ENTRY_FILE, baseUrl).href));
  return record?.id === id ? { ...record, baseUrl } : null;
}

/** Removes a kept model: unlisted first, then its files. Deleting one that is not there is no error. */
export async function deleteMyModel(id: string, siteHref: string = here()): Promise<void> {
  const cache = await openStore();
  if (cache) await removeFolder(cache, myModelBaseUrl(id, siteHref));
}

/** A kept model as a Hugging Face checkpoint folder in a .zip (hf-zip.ts), read back from the store. */
export async function myModelZip(id: string, siteHref: string = here()): Promise<{ fileName: string; bytes: Uint8Array }> {
  const model = await getMyModel(id, siteHref);
  if (!model) throw new MyModelMissingError('list entry');
  const { baseUrl } = model;
  const manifest = await fetchManifest(baseUrl);
  const tokenMap = manifest.files.token_map;
  // loaded here, not with the module: every page's status line imports this file, few download a model
  const { folderName, hfFolderZip } = await import('@/lib/model/export/hf-zip');
  const bytes = hfFolderZip(model.name, {
    config: await fetchModelFile(baseUrl, manifest.files.config),
    safetensors: await fetchModelFile(baseUrl, model.checkpoint),
    tokenMap: tokenMap && (await fetchModelFile(baseUrl, tokenMap)),
  });
  return { fileName: `${folderName(model.name)}.zip`, bytes };
}

async function readEntry(cache: Cache, url: string): Promise<MyModel | null> {
  try {
    const record = (await (await cache.match(url))?.json()) as MyModel | undefined;
    return record && typeof record.id === 'string' && typeof record.name === 'string' && record.checkpoint ? record : null;
  } catch {
    return null; // an unreadable record lists nothing rather than breaking the list
  }
}

async function removeFolder(cache: Cache, baseUrl: string): Promise<void> {
  await cache.delete(new URL(ENTRY_FILE, baseUrl).href);
  for (const request of await cache.keys()) if (request.url.startsWith(baseUrl)) await cache.delete(request);
}
