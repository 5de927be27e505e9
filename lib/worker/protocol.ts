// The model worker's message protocol: the only shapes that cross between the page and the worker.
// Every request carries an id; every response names the request it answers. Only plain data and
// typed arrays cross.

export type Backend = 'webgpu' | 'wasm';
export type BackendChoice = Backend | 'auto';

export interface SamplingOptions {
  greedy: boolean;
  temperature: number; // > 0; ignored when greedy
  topK: number; // 0 = off
  topP: number; // 1 = off
  seed: number;
}

export interface ModelInfo {
  name: string; // 'gpt2' or 'demo'
  demo: boolean; // random weights: the UI must say so
  config: { blockSize: number; vocabSize: number; nLayer: number; nHead: number; nEmbd: number };
  bytes: number; // bytes downloaded (or read from cache) for the session
}

export type AnalysisKind = 'attn' | 'resid' | 'resid_mid' | 'ln_1' | 'ln_2' | 'q' | 'key' | 'value';

export type WorkerRequest =
  | { type: 'load'; id: number; baseUrl: string; backend: BackendChoice }
  | { type: 'generate'; id: number; promptIds: number[]; maxNewTokens: number; sampling: SamplingOptions; stopAtEot: boolean }
  | { type: 'next-token'; id: number; promptIds: number[] }
  | { type: 'analyze'; id: number; promptIds: number[]; what: AnalysisKind[] }
  | { type: 'cancel'; id: number; target: number };

export type ErrorCode = 'model-missing' | 'model-corrupt' | 'backend-failed' | 'prompt-too-long' | 'not-loaded' | 'internal';

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
  | { type: 'ready'; id: number; backend: Backend; threads: number; model: ModelInfo; loadMs: number; fellBack?: string }
  | { type: 'token'; id: number; tokenId: number; index: number; ms: number; cachedPositions: number }
  | { type: 'done'; id: number; reason: 'eot' | 'max' | 'cancelled'; stats: GenerateStats }
  | { type: 'logits'; id: number; logits: Float32Array; ms: number }
  | { type: 'analysis'; id: number; tensors: Record<string, { dims: number[]; data: Float32Array }>; ms: number }
  | { type: 'error'; id: number; code: ErrorCode; message: string };

export type ResponseOf<T extends WorkerResponse['type']> = Extract<WorkerResponse, { type: T }>;
