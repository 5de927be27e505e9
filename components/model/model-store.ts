'use client';
// The one model of the page: a single worker shared by every widget, and its loading state.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { ModelClient, type LoadProgress, type Ready } from '@/lib/worker/client';
import type { BackendChoice, PrecisionChoice, VariantChoice } from '@/lib/worker/protocol';

export type ModelStatus =
  | { state: 'idle' }
  | { state: 'loading'; progress: LoadProgress | null }
  | { state: 'ready'; info: Ready }
  | { state: 'error'; code: string; message: string };

interface ModelState {
  status: ModelStatus;
  client: ModelClient | null;
}

export const modelStore = createStore<ModelState>(() => ({ status: { state: 'idle' }, client: null }));

let loading: Promise<ModelClient> | null = null;

interface ModelIndex {
  default: string | null;
  models: { name: string; demo: boolean; path: string }[];
}

/** Which backend to ask for: `?backend=wasm|webgpu` in the URL overrides the automatic choice. */
function backendChoice(): BackendChoice {
  const b = new URLSearchParams(location.search).get('backend');
  return b === 'wasm' || b === 'webgpu' ? b : 'auto';
}

/** Which weights: `?variant=fp32` loads decoder.onnx instead of the (default) compact weights. */
function variantChoice(): VariantChoice {
  const v = new URLSearchParams(location.search).get('variant');
  return v === 'fp32' || v === 'compact' ? v : 'auto';
}

/** What the matrices compute in: `?precision=fp32|int8|q4` overrides the backend's default. */
function precisionChoice(): PrecisionChoice {
  const v = new URLSearchParams(location.search).get('precision');
  return v === 'fp32' || v === 'int8' || v === 'q4' ? v : 'auto';
}

/** Starts the worker and loads the default model once; every later call gets the same client. */
export function ensureModel(): Promise<ModelClient> {
  if (loading) return loading;
  modelStore.setState({ status: { state: 'loading', progress: null } });
  loading = (async () => {
    const res = await fetch('/models/index.json', { cache: 'no-cache' }).catch(() => null);
    const index = res?.ok ? ((await res.json()) as ModelIndex) : null;
    const chosen = index?.models.find((m) => m.name === index.default);
    if (!chosen) {
      throw Object.assign(
        new Error(
          'No model was built into this site. Run "npm run model:demo" or "npm run model:gpt2", then rebuild. Lessons and cards work without it.',
        ),
        { code: 'model-missing' },
      );
    }
    const worker = new Worker(new URL('../../lib/worker/model.worker.ts', import.meta.url), { type: 'module' });
    const client = new ModelClient(worker);
    try {
      const onProgress = (progress: LoadProgress) => modelStore.setState({ status: { state: 'loading', progress } });
      const info = await client.load(new URL(chosen.path, location.href).href, backendChoice(), onProgress, {
        variant: variantChoice(),
        precision: precisionChoice(),
      });
      modelStore.setState({ status: { state: 'ready', info }, client });
      return client;
    } catch (e) {
      client.terminate();
      throw e;
    }
  })();
  loading.catch((e: Error & { code?: string }) => {
    modelStore.setState({ status: { state: 'error', code: e.code ?? 'internal', message: e.message } });
    loading = null; // a later attempt may succeed (e.g. after a reload of a damaged file)
  });
  return loading;
}

export function useModelStatus(): ModelStatus {
  return useStore(modelStore, (s) => s.status);
}
