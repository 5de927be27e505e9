// What the site keeps in this browser and how to keep it: persistent storage (so the browser does not
// evict reviews or the cached model when space runs low), the usage estimate, the cached model, and
// whether the offline copy of the site is ready. Browser APIs only; every one may be missing.
import { MODEL_CACHE, SHELL_CACHE_PREFIX } from './cache-names';

export interface StorageSummary {
  /** null: this browser cannot say (no StorageManager). */
  persisted: boolean | null;
  /** Bytes the site uses and may use, as the browser estimates them; null when unknown. */
  usage: number | null;
  quota: number | null;
  /** The cached model files: count and bytes. */
  model: { files: number; bytes: number };
  /** The service worker controls this page and a precached copy of the site is stored. */
  offlineReady: boolean;
}

/** Files and bytes of a cache. */
async function cacheBytes(name: string): Promise<{ files: number; bytes: number }> {
  if (typeof caches === 'undefined' || !(await caches.has(name))) return { files: 0, bytes: 0 };
  const cache = await caches.open(name);
  let bytes = 0;
  const keys = await cache.keys();
  for (const key of keys) bytes += (await (await cache.match(key))?.blob())?.size ?? 0;
  return { files: keys.length, bytes };
}

export async function storageSummary(): Promise<StorageSummary> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  const [persisted, estimate, model, shells] = await Promise.all([
    storage?.persisted?.().catch(() => null) ?? null,
    storage?.estimate?.().catch(() => null) ?? null,
    cacheBytes(MODEL_CACHE).catch(() => ({ files: 0, bytes: 0 })),
    typeof caches === 'undefined' ? [] : caches.keys().catch(() => [] as string[]),
  ]);
  const controlled = typeof navigator !== 'undefined' && !!navigator.serviceWorker?.controller;
  return {
    persisted,
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
    model: { files: model.files, bytes: model.bytes },
    offlineReady: controlled && shells.some((n) => n.startsWith(SHELL_CACHE_PREFIX)),
  };
}

/** Asks the browser to keep the site's data when space runs low. Resolves to whether it will. */
export async function requestPersistence(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

/** Removes the cached model files; the next use of the model downloads them again. */
export async function removeCachedModel(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(MODEL_CACHE);
}
