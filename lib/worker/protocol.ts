// The model worker's message protocol: the only shapes that cross between the page and the worker.
// Every request carries an id; every response names the request it answers. Only plain data and
// typed arrays cross.

import type { Backend, BackendChoice, ModelVariant, Precision, PrecisionChoice, VariantChoice } from '@/lib/model/load-plan';
import type { BackendReason, RememberedBackend } from './backend-choice';
import type { Candidate } from '@/lib/model/generate';
import type { TrainedRecord } from '@/lib/model/manifest';

export type { Backend, BackendChoice, BackendReason, ModelVariant, Precision, PrecisionChoice, RememberedBackend, VariantChoice };

export interface SamplingOptions {
  greedy: boolean;
  temperature: number; // > 0; ignored when greedy
  topK: number; // 0 = off
  topP: number; // 1 = off
  seed: number;
}

export interface ModelInfo {
  name: string; // 'gpt2' or 'demo'
  demo: boolean; // a stand-in for GPT-2: the UI must say so
  trained?: TrainedRecord; // a demo trained on the lessons (absent: random weights)
  config: { blockSize: number; vocabSize: number; nLayer: number; nHead: number; nEmbd: number };
  bytes: number; // bytes downloaded (or read from cache) for the session (= ready.downloadBytes)
}

export type AnalysisKind = 'attn' | 'resid' | 'resid_mid' | 'ln_1' | 'ln_2' | 'q' | 'key' | 'value';

/** One residual stream read through ln_f and the tied output projection (lib/model/logit-lens.ts). */
export interface LensLayer {
  layer: number; // 0 = embeddings, i = after block i−1, nLayer = the input of ln_f (the model's own logits)
  ids: number[]; // top-N token ids, most likely first
  probs: number[]; // their softmax probabilities over the whole vocabulary
  logits: number[];
}

export type WorkerRequest =
  // variant, precision and threads are optional: 'auto' and the worker's own thread count by default
  | {
      type: 'load';
      id: number;
      baseUrl: string;
      backend: BackendChoice;
      variant?: VariantChoice;
      precision?: PrecisionChoice;
      threads?: number;
      // backend 'auto': the page's memory of an earlier measurement on this device; measure: time
      // both backends even when one was remembered (or the adapter is a software one)
      remembered?: RememberedBackend;
      measure?: boolean;
      // the build's HUB_URL: where a manifest's `source.hub` checkpoint is fetched when fp32 is asked
      // for and the site does not serve decoder.onnx (lib/model/load-plan.ts)
      hubUrl?: string;
    }
  // topN: also report the model's n most likely tokens at each step (the generator's token view);
  // kvCache false: recompute every position for each token (the KV-cache widget's comparison)
  | {
      type: 'generate';
      id: number;
      promptIds: number[];
      maxNewTokens: number;
      sampling: SamplingOptions;
      stopAtEot: boolean;
      topN?: number;
      kvCache?: boolean;
    }
  | { type: 'next-token'; id: number; promptIds: number[] }
  // lensTopN: also the logit lens at the last position, from the same forward pass
  | { type: 'analyze'; id: number; promptIds: number[]; what: AnalysisKind[]; lensTopN?: number }
  | { type: 'cancel'; id: number; target: number };

export type ErrorCode = 'model-missing' | 'model-corrupt' | 'backend-failed' | 'prompt-too-long' | 'not-loaded' | 'internal' | 'no-lens'; // (client side) the logit lens on a decoder.onnx exported before the graph had its lens output

export interface GenerateStats {
  promptTokens: number; // tokens actually fed (after any sliding)
  newTokens: number;
  prefillMs: number;
  decodeMs: number; // sum over generated tokens after the first
  tokensPerSecond: number; // decode speed, excluding prefill
  cachedPositions: number; // KV cache length at the end
}

export type WorkerResponse =
  | { type: 'progress'; id: number; phase: 'download' | 'cache' | 'compile'; file: string; loaded: number; total: number }
  | {
      type: 'ready';
      id: number;
      backend: Backend;
      threads: number;
      model: ModelInfo;
      loadMs: number;
      reason: BackendReason; // how the backend was chosen
      fellBack?: string; // why the weights or precision are not the ones asked for
      variant: ModelVariant; // which weights the session runs
      label: string; // the plan's words for them, e.g. 'full-precision weights from the Hugging Face hub'
      precision: Precision; // what its matrices compute in
      // compact weights: how often this precision picks the same top token as decoder.onnx, measured
      // at export time (manifest.json "accuracy"); absent for decoder.onnx or an older export
      accuracy?: { positions: number; top1Agree: number; maxLogitError: number };
      // where loadMs went: fetch (+ verify, or read from the cache), build the graph, create the
      // session, one warm-up pass
      phases: { fetchMs: number; buildMs: number; sessionMs: number; warmUpMs: number };
      downloadBytes: number; // the file fetched (or read from the cache): compact.safetensors, decoder.onnx or model.safetensors
      graphBytes: number; // the ONNX bytes the session was created from
    }
  // prob/top: with the request's topN, the chosen token's probability and the top tokens (temperature 1)
  | { type: 'token'; id: number; tokenId: number; index: number; ms: number; cachedPositions: number; prob?: number; top?: Candidate[] }
  | { type: 'done'; id: number; reason: 'eot' | 'max' | 'cancelled'; stats: GenerateStats }
  | { type: 'logits'; id: number; logits: Float32Array; ms: number }
  // lens: with lensTopN, the lens layers, or why there are none (the ErrorCode 'no-lens' message)
  | {
      type: 'analysis';
      id: number;
      tensors: Record<string, { dims: number[]; data: Float32Array }>;
      ms: number;
      lens?: LensLayer[] | { unavailable: string };
    }
  | { type: 'error'; id: number; code: ErrorCode; message: string };

export type ResponseOf<T extends WorkerResponse['type']> = Extract<WorkerResponse, { type: T }>;
