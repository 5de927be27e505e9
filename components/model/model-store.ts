'use client';
// The one model of the page: a single worker shared by every widget, and its loading state.
import { createStore } from 'zustand/vanilla';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { ModelClient, type LoadProgress, type Ready } from '@/lib/worker/client';
import { HUB_URL, sitePath } from '@/lib/site';
import { parseRemembered } from '@/lib/worker/backend-choice';
import { fetchManifest, isModelFileCached } from '@/lib/worker/model-files';
import { chooseVariant, HUB_NAME } from '@/lib/model/load-plan';
import type { BackendChoice, PrecisionChoice, VariantChoice } from '@/lib/worker/protocol';
import { getMyModel, type MyModel } from '@/lib/worker/my-models';
import type { TrainedRecord } from '@/lib/model/manifest';

export type ModelStatus =
  | { state: 'idle' }
  | { state: 'loading'; progress: LoadProgress | null }
  // a metered connection (Data Saver, cellular) and the weights are not cached yet: ask first
  // (`from`: who serves them when it is not this site, e.g. the Hugging Face hub)
  | { state: 'confirm'; bytes: number; why: string; from?: string }
  | { state: 'ready'; info: Ready }
  | { state: 'error'; code: string; message: string };

interface ModelState {
  status: ModelStatus;
  client: ModelClient | null;
  /** The learner's own model (trained in this browser) when that is the one loaded, else null. */
  mine: MyModel | null;
}

export const modelStore = createStore<ModelState>(() => ({ status: { state: 'idle' }, client: null, mine: null }));

let loading: Promise<ModelClient> | null = null;

interface ModelIndex {
  default: string | null;
  models: { name: string; demo: boolean; path: string }[]; // path: relative to index.json
}

// The learner's backend choice (the status line's menu) and the result of the last measurement on
// this device (lib/worker/backend-choice.ts), kept in localStorage.
const CHOICE_KEY = 'gpt2-pamphlet-backend';
const WEIGHTS_KEY = 'gpt2-pamphlet-weights';
const MEASURED_KEY = 'gpt2-pamphlet-backend-measured';
const MODEL_KEY = 'gpt2-pamphlet-my-model'; // the id of the learner's own model the widgets run, if any

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked: choose automatically every time
  }
}

function store(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* not remembered; nothing else depends on it */
  }
}

const isBackendChoice = (b: string | null): b is BackendChoice => b === 'auto' || b === 'wasm' || b === 'webgpu';

/** Which backend to ask for: `?backend=` in the URL, else the learner's choice, else automatic. */
export function backendChoice(): BackendChoice {
  const fromUrl = new URLSearchParams(location.search).get('backend');
  if (isBackendChoice(fromUrl)) return fromUrl;
  const saved = stored(CHOICE_KEY);
  return isBackendChoice(saved) ? saved : 'auto';
}

/** The learner picked a backend in the status line: remember it and load the model again on it. */
export function chooseBackend(choice: BackendChoice) {
  store(CHOICE_KEY, choice === 'auto' ? null : choice);
  restartModel();
}

/** The learner picked the weights in the status line (compact, or the exact full-precision graph). */
export function chooseWeights(choice: VariantChoice) {
  store(WEIGHTS_KEY, choice === 'fp32' ? choice : null);
  restartModel();
}

/** The learner picked a model: one of their own (its id), or null for the site's model. */
export function chooseModel(id: string | null) {
  store(MODEL_KEY, id);
  restartModel();
}

/**
 * A kept model was deleted: if it was the chosen one, the site's model is chosen instead, and loaded
 * only where a model was already running or loading (a page without widgets starts nothing).
 */
export function forgetMyModel(id: string) {
  if (stored(MODEL_KEY) !== id) return;
  store(MODEL_KEY, null);
  if (loading || modelStore.getState().client) restartModel();
}

/** The learner's own model the widgets should run, when one is chosen and still kept in this browser. */
async function chosenMyModel(): Promise<MyModel | null> {
  const id = stored(MODEL_KEY);
  if (!id) return null;
  const model = await getMyModel(id).catch(() => null);
  if (!model) store(MODEL_KEY, null); // deleted, or storage cleared: back to the site's model
  return model;
}

function restartModel() {
  const { client } = modelStore.getState();
  client?.terminate();
  loading = null;
  modelStore.setState({ status: { state: 'idle' }, client: null, mine: null });
  void ensureModel().catch(() => {}); // the status line shows an error
}

/** Which weights: `?variant=fp32` (or the learner's choice) loads decoder.onnx instead of the compact weights. */
export function variantChoice(): VariantChoice {
  const isChoice = (v: string | null): v is VariantChoice => v === 'fp32' || v === 'compact';
  const fromUrl = new URLSearchParams(location.search).get('variant');
  if (isChoice(fromUrl)) return fromUrl;
  const saved = stored(WEIGHTS_KEY);
  return isChoice(saved) ? saved : 'auto';
}

/** What the matrices compute in: `?precision=fp32|int8|q4` overrides the backend's default. */
function precisionChoice(): PrecisionChoice {
  const v = new URLSearchParams(location.search).get('precision');
  return v === 'fp32' || v === 'int8' || v === 'q4' ? v : 'auto';
}

type ModelFolder = { name: string; demo: boolean; url: string };
let folder: Promise<ModelFolder | null> | null = null;

/**
 * The model folder this site serves (public/models/index.json's default), or null when it has none.
 * Read once per page (the status line and the worker both ask); a failed read is tried again.
 */
function servedModelFolder(): Promise<ModelFolder | null> {
  folder ??= readServedModelFolder().then((f) => {
    if (!f) folder = null;
    return f;
  });
  return folder;
}

async function readServedModelFolder(): Promise<ModelFolder | null> {
  const indexUrl = new URL(sitePath('/models/index.json'), location.href);
  const res = await fetch(indexUrl, { cache: 'no-cache' }).catch(() => null);
  const index = res?.ok ? ((await res.json().catch(() => null)) as ModelIndex | null) : null;
  const chosen = index?.models.find((m) => m.name === index.default);
  return chosen ? { name: chosen.name, demo: chosen.demo, url: new URL(chosen.path, indexUrl).href } : null;
}

export interface ServedModel {
  name: string;
  demo: boolean;
  /** A demo trained on the lessons (model:demo); absent: random weights. */
  trained?: TrainedRecord;
  config: { nLayer: number; nHead: number; nEmbd: number };
  /**
   * Download sizes of the weights this site serves (decoder.onnx may be left out by a host limit),
   * and of the original checkpoint on the hub when the manifest records one (fetched only for fp32
   * without decoder.onnx).
   */
  bytes: { compact?: number; fp32?: number; hub?: number };
}
let served: Promise<ServedModel | null> | null = null;

/** Which model a widget will run, read from the site's index and manifest without loading it (null: none or unreadable). */
export function servedModel(): Promise<ServedModel | null> {
  served ??= (async () => {
    const folder = await servedModelFolder();
    if (!folder) return null;
    const { name, demo, trained, config, files, source } = await fetchManifest(folder.url);
    return {
      name,
      demo,
      trained,
      config: { nLayer: config.nLayer, nHead: config.nHead, nEmbd: config.nEmbd },
      bytes: { compact: files.compact?.bytes, fp32: files.decoder?.bytes, hub: HUB_URL ? source?.hub.bytes : undefined },
    };
  })().catch(() => null);
  return served;
}

/** A promise's value as component state: null until it settles (and when it gives null). */
export function useLoaded<T>(load: () => Promise<T | null>): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((v) => live && setValue(v));
    return () => {
      live = false;
    };
  }, [load]);
  return value;
}

/** servedModel() as component state: null until it is read, or when the site serves no model. */
export function useServedModel(): ServedModel | null {
  return useLoaded(servedModel);
}

/** Starts the worker and loads the default model once; every later call gets the same client. */
export function ensureModel(): Promise<ModelClient> {
  if (loading) return loading;
  modelStore.setState({ status: { state: 'loading', progress: null } });
  loading = (async () => {
    const mine = await chosenMyModel();
    const chosen = mine ? { name: mine.name, demo: false, url: mine.baseUrl } : await servedModelFolder();
    if (!chosen) {
      throw Object.assign(
        new Error(
          'No model was built into this site. Run "npm run model:demo" or "npm run model:gpt2", then rebuild. Lessons and cards work without it.',
        ),
        { code: 'model-missing' },
      );
    }
    if (typeof WebAssembly !== 'object' || typeof Worker === 'undefined') {
      throw Object.assign(
        new Error('This browser cannot run the model: it lacks WebAssembly or Web Workers. Lessons and cards work without it.'),
        {
          code: 'unsupported',
        },
      );
    }
    const baseUrl = chosen.url;
    if (!mine) await askBeforeMeteredDownload(baseUrl); // the learner's own model is already in this browser
    const worker = new Worker(new URL('../../lib/worker/model.worker.ts', import.meta.url), { type: 'module' });
    const client = new ModelClient(worker);
    try {
      const onProgress = (progress: LoadProgress) => modelStore.setState({ status: { state: 'loading', progress } });
      const info = await client.load(baseUrl, backendChoice(), onProgress, {
        variant: mine ? 'fp32' : variantChoice(), // a model trained here is small: its exact graph
        precision: precisionChoice(),
        remembered: parseRemembered(stored(MEASURED_KEY)) ?? undefined,
        measure: new URLSearchParams(location.search).has('measure'),
        hubUrl: HUB_URL,
      });
      if (info.reason.how === 'measured') store(MEASURED_KEY, JSON.stringify({ adapter: info.reason.adapter, backend: info.backend }));
      modelStore.setState({ status: { state: 'ready', info }, client, mine });
      return client;
    } catch (e) {
      client.terminate();
      throw e;
    }
  })();
  const mine = loading;
  loading.catch((e: Error & { code?: string }) => {
    if (loading !== mine) return; // replaced (the learner chose another backend): not this load's news
    modelStore.setState({ status: { state: 'error', code: e.code ?? 'internal', message: e.message } });
    loading = null; // a later attempt may succeed (e.g. after a reload of a damaged file)
  });
  return loading;
}

let confirmed: (() => void) | null = null;

/** Why this connection may cost the learner money, or null: Data Saver on, or a cellular link. */
function meteredConnection(): string | null {
  const c = (navigator as Navigator & { connection?: { saveData?: boolean; type?: string } }).connection;
  if (c?.saveData) return 'Data Saver is on';
  if (c?.type === 'cellular') return 'this is a mobile data connection';
  return null;
}

/** On a metered connection, waits for the learner's go-ahead before downloading weights that are not cached. */
async function askBeforeMeteredDownload(baseUrl: string): Promise<void> {
  const why = meteredConnection();
  if (!why) return;
  try {
    const manifest = await fetchManifest(baseUrl);
    const plan = chooseVariant(manifest, variantChoice(), HUB_URL); // the worker's plan, so the size asked about is the one fetched
    if (await isModelFileCached(plan.baseUrl ?? baseUrl, plan.entry)) return;
    const from = plan.file === 'checkpoint' ? HUB_NAME : undefined;
    modelStore.setState({ status: { state: 'confirm', bytes: plan.entry.bytes, why, ...(from ? { from } : {}) } });
    await new Promise<void>((resolve) => (confirmed = resolve));
    modelStore.setState({ status: { state: 'loading', progress: null } });
  } catch {
    /* the worker reads the manifest again and reports what is wrong with it */
  }
}

/** The learner agreed to download the model on a metered connection. */
export function confirmDownload() {
  confirmed?.();
  confirmed = null;
}

/** The learner's own model the widgets will run (chosen and still kept), read before anything loads. */
export function useChosenMyModel(): MyModel | null {
  return useLoaded(chosenMyModel);
}

/** The learner's own model when it is the one loaded (the status line and the widgets name it). */
export function useMyModel(): MyModel | null {
  return useStore(modelStore, (s) => s.mine);
}

export function useModelStatus(): ModelStatus {
  return useStore(modelStore, (s) => s.status);
}
