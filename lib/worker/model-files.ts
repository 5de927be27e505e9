// Fetches a model's files once and keeps them in Cache Storage, keyed by content hash:
// a new export (new sha256) is a new cache entry; a truncated or corrupt entry fails its
// check and is fetched again; a missing model is a clear ModelMissingError.

import { ManifestError } from '@/lib/model/errors';
import { parseManifest, type Manifest, type ManifestFile } from '@/lib/model/manifest';
import { MODEL_CACHE } from '@/lib/offline/cache-names';

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

export class ModelCorruptError extends Error {
  constructor(file: string, detail: string) {
    super(`Model file ${file} is damaged (${detail}). It was removed from the cache; reload to fetch it again.`);
    this.name = 'ModelCorruptError';
  }
}

export type Progress = (p: { phase: 'download' | 'cache'; file: string; loaded: number; total: number }) => void;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

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

export async function fetchManifest(baseUrl: string): Promise<Manifest> {
  const url = new URL('manifest.json', baseUrl).href;
  const res = await fetchOrMissing(url);
  try {
    return parseManifest(await res.text());
  } catch (e) {
    if (e instanceof ManifestError) throw new ModelCorruptError('manifest.json', e.message.replace(/^manifest\.json: /, ''));
    throw e;
  }
}

async function openCache(): Promise<Cache | null> {
  try {
    return typeof caches === 'undefined' ? null : await caches.open(MODEL_CACHE);
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
  return !!(await (await openCache())?.match(modelCacheKey(baseUrl, entry)));
}

/** One file of the manifest, verified against its sha256; from the cache when it has a good copy. */
export async function fetchModelFile(baseUrl: string, entry: ManifestFile, onProgress?: Progress): Promise<Uint8Array> {
  const url = new URL(entry.path, baseUrl).href;
  const key = modelCacheKey(baseUrl, entry);
  const cache = await openCache();
  const cached = await cache?.match(key);
  if (cached) {
    try {
      const bytes = await readBody(cached, entry.path, entry.bytes, 'cache', onProgress);
      if ((await sha256Hex(bytes)) === entry.sha256) return bytes;
    } catch {
      /* fall through: a bad cached copy is replaced below */
    }
    await cache?.delete(key);
  }
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
