// GPT-2 Pamphlet's service worker. scripts/service-worker.ts writes out/sw.js from this file, with the
// build's constants above it: VERSION, BASE, PRECACHE (URL paths), RUNTIME_ASSETS, SHELL_PREFIX, RUNTIME, HEADERS.
//
// - Precache: every page, script, style, font and small asset of the build, in one cache per build,
//   served cache-first: a page and the scripts it loads always come from the same build, online or not.
// - Runtime: onnxruntime-web's .wasm files (tens of MB; cached when first used) and the model index
//   and manifests (network first, the cached copy offline). The weights themselves are cached by the
//   model worker, keyed by their sha256 (lib/worker/model-files.ts).
// - Headers: every response it serves carries the site's headers (scripts/security-headers.mjs), so a
//   host that cannot send them (GitHub Pages) still gets cross-origin isolation (threads for
//   onnxruntime-web) and framing refused, from the first page the worker serves.
// - Updates: a new build installs beside the old one and waits until a page sends SKIP_WAITING (the
//   learner chose "Reload"); then the old precache is deleted.

const SHELL = `${SHELL_PREFIX}${VERSION}`;
const PRECACHED = new Set(PRECACHE);
const RUNTIME_CACHED = new Set(RUNTIME_ASSETS);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })));
      // The first install has nothing to replace: take over at once. An update waits for the learner.
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(SHELL_PREFIX) && name !== SHELL) await caches.delete(name);
      }
      // onnxruntime-web files of older builds: tens of MB each
      const runtime = await caches.open(RUNTIME);
      for (const request of await runtime.keys()) {
        const path = new URL(request.url).pathname;
        if (path.startsWith(`${BASE}/_next/`) && !RUNTIME_CACHED.has(path)) await runtime.delete(request);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data?.type === 'VERSION') event.source?.postMessage({ type: 'VERSION', version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname !== BASE && !url.pathname.startsWith(`${BASE}/`)) return;
  event.respondWith(respond(request, url.pathname).then(withHeaders));
});

async function respond(request, path) {
  if (request.headers.has('range')) return fetch(request);
  if (PRECACHED.has(path)) {
    const hit = await caches.match(path, { cacheName: SHELL });
    if (hit) return hit;
  }
  if (RUNTIME_CACHED.has(path)) return cacheFirst(request, path);
  if (path.startsWith(`${BASE}/models/`) && path.endsWith('.json')) return networkFirst(request, path);
  return fetch(request);
}

async function cacheFirst(request, path) {
  const cache = await caches.open(RUNTIME);
  const hit = await cache.match(path);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(path, response.clone());
  return response;
}

async function networkFirst(request, path) {
  const cache = await caches.open(RUNTIME);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(path, response.clone());
    return response;
  } catch (e) {
    const hit = await cache.match(path);
    if (hit) return hit;
    throw e;
  }
}

/** The response with the site's headers, whatever the host sent. */
function withHeaders(response) {
  if (response.status === 0) return response; // opaque: headers cannot be read or set
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
