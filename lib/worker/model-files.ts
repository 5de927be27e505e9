// Fetches a model's files once and keeps them in Cache Storage, keyed by content hash:
// a new export (new sha256) is a new cache entry; a truncated or corrupt entry fails its
// check and is fetched again; a missing model is a clear ModelMissingError. A model trained in this
// browser (a /my-models/<id>/ URL, my-models.ts) is read from its own cache only: it has no other copy.

import { ManifestError } from '@/lib/model/errors';
import { parseManifest, type Manifest, type ManifestFile } from '@/lib/model/manifest';
import { sha256Hex } from '@/lib/model/sha256';
import { MODEL_CACHE, MY_MODELS_CACHE } from '@/lib/offline/cache-names';
import { isMyModelUrl } from './my-model-url';

export type { Manifest, ManifestFile };

export class ModelMissingError extends Error {
  constructor(url: string, status?: number) {
    super(
      `No model found at ${url}${status ? ` (HTTP ${status})` : ''}. Build one with "npm run model:demo" (small, random weights) ` +
        `or "npm run model:gpt2" (the real GPT-2, needs internet once), then rebuild. Lessons and cards work without it.`,
    );
    this.name = 'ModelMissingError';
  }
}

/** A file of a model kept in this browser (my-models.ts) is gone or damaged: there is no other copy to fetch. */
export class MyModelMissingError extends ModelMissingError {
  constructor(file: string, damaged = false) {
    super(file);
    this.message = damaged
      ? `Your model's ${file} is damaged in this browser's storage; delete the model and train it again.`
      : `Your model's ${file} is no longer in this browser (deleted, or the site's data was cleared); train it again.`;
    this.name = 'MyModelMissingError';
  }
}

export class ModelCorruptError extends Error {
  constructor(file: string, detail: string) {
    super(`Model file ${file} is damaged (${detail}). It was removed from the cache; reload to fetch it again.`);
    this.name = 'ModelCorruptError';
  }
}

export type Progress = (p: { phase: 'download' | 'cache'; file: string; loaded: number; total: number }) => void;

export { sha256Hex };

/** A network failure or an HTTP error both mean: the model is not there. */
async function fetchOrMissing(url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-cache' });
  } catch {
    throw new ModelMissingError(url);
  }
  if (!res.ok) throw new ModelMissingError(url, res.status);
  return res;
}

/** A model trained in this browser has no copy on the network: its cache is the only place to look. */
async function keptOrMissing(baseUrl: string, file: string): Promise<Response> {
  const res = await (await openCache(baseUrl))?.match(new URL(file, baseUrl).href);
  if (!res) throw new MyModelMissingError(file);
  return res;
}

export async function fetchManifest(baseUrl: string): Promise<Manifest> {
  const url = new URL('manifest.json', baseUrl).href;
  const res = isMyModelUrl(baseUrl) ? await keptOrMissing(baseUrl, 'manifest.json') : await fetchOrMissing(url);
  try {
    return parseManifest(await res.text());
  } catch (e) {
    if (e instanceof ManifestError) throw new ModelCorruptError('manifest.json', e.message.replace(/^manifest\.json: /, ''));
    throw e;
  }
}

async function openCache(baseUrl: string): Promise<Cache | null> {
  try {
    return typeof caches === 'undefined' ? null : await caches.open(isMyModelUrl(baseUrl) ? MY_MODELS_CACHE : MODEL_CACHE);
  } catch {
    return null; // e.g. storage disabled: everything still works, just without the cache
  }
}

async function readBody(
  res: Response,
  file: string,
  total: number,
  phase: 'download' | 'cache',
  onProgress?: Progress,
): Promise<Uint8Array> {
  const out = new Uint8Array(total);
  let loaded = 0;
  const reader = res.body?.getReader();
  if (!reader) {
    const all = new Uint8Array(await res.arrayBuffer());
    onProgress?.({ phase, file, loaded: all.length, total });
    return all;
  }
  let reported = 0; // progress at most every 100 ms (a download is thousands of chunks)
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (loaded + value.length > total) throw new ModelCorruptError(file, `longer than the ${total} bytes in the manifest`);
    out.set(value, loaded);
    loaded += value.length;
    const now = performance.now();
    if (now - reported >= 100 || loaded === total) {
      reported = now;
      onProgress?.({ phase, file, loaded, total });
    }
  }
  if (loaded !== total) throw new ModelCorruptError(file, `got ${loaded} of ${total} bytes`);
  return out;
}

/** Where a model file is kept in Cache Storage: its URL and content hash. */
export function modelCacheKey(baseUrl: string, entry: ManifestFile): string {
  return `${new URL(entry.path, baseUrl).href}?sha256=${entry.sha256}`;
}

/** Whether a copy of the file is in Cache Storage (not yet verified: fetchModelFile does that). */
export async function isModelFileCached(baseUrl: string, entry: ManifestFile): Promise<boolean> {
  return !!(await (await openCache(baseUrl))?.match(modelCacheKey(baseUrl, entry)));
}

/** One file of the manifest, verified against its sha256; from the cache when it has a good copy. */
export async function fetchModelFile(baseUrl: string, entry: ManifestFile, onProgress?: Progress): Promise<Uint8Array> {
  const url = new URL(entry.path, baseUrl).href;
  const key = modelCacheKey(baseUrl, entry);
  const cache = await openCache(baseUrl);
  const cached = await cache?.match(key);
  const mine = isMyModelUrl(baseUrl); // its only copy: never deleted here, never fetched
  if (cached) {
    try {
      const bytes = await readBody(cached, entry.path, entry.bytes, 'cache', onProgress);
      if ((await sha256Hex(bytes)) === entry.sha256) return bytes;
    } catch {
      /* fall through: a bad cached copy is replaced below */
    }
    if (mine) throw new MyModelMissingError(entry.path, true);
    await cache?.delete(key);
  }
  if (mine) throw new MyModelMissingError(entry.path);
  const res = await fetchOrMissing(url);
  const bytes = await readBody(res, entry.path, entry.bytes, 'download', onProgress);
  const hash = await sha256Hex(bytes);
  if (hash !== entry.sha256) throw new ModelCorruptError(entry.path, `sha256 ${hash.slice(0, 12)}… does not match the manifest`);
  // Not awaited: the browser writes the copy to disk while the worker builds the graph (the Response
  // holds its own copy of the bytes). A full quota only means the next visit downloads it again.
  cache
    ?.put(key, new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/octet-stream' } }))
    .catch(() => {});
  return bytes;
}
