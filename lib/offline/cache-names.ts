// The Cache Storage caches the site keeps, in one place: the service worker's (scripts/sw-template.js,
// given these names by scripts/service-worker.ts), the model worker's, and the storage panel's.

/** The app shell of one build: `${SHELL_CACHE_PREFIX}${version}`; older builds' are deleted on update. */
export const SHELL_CACHE_PREFIX = 'gpt2-pamphlet-shell-';
/** What the service worker caches on first use: onnxruntime-web's .wasm, the model index and manifests. */
export const RUNTIME_CACHE = 'gpt2-pamphlet-runtime';
/** Model weights, keyed by URL and sha256 (lib/worker/model-files.ts). */
export const MODEL_CACHE = 'gpt2-pamphlet-models-v1';
/**
 * Models the learner trained in this browser (lib/worker/my-models.ts): their only copy, so a cache
 * of their own that "remove the cached model" and app updates leave alone.
 */
export const MY_MODELS_CACHE = 'gpt2-pamphlet-my-models-v1';
