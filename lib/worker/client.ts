// The page's side of the model worker: one worker per page, request ids, and promises / async
// iterators over its messages. Widgets share this one client, so there is one copy of the model.
import type { Candidate } from '@/lib/model/generate';
import type {
  AnalysisKind,
  BackendChoice,
  GenerateStats,
  LensLayer,
  ModelInfo,
  ModelVariant,
  PrecisionChoice,
  RememberedBackend,
  ResponseOf,
  SamplingOptions,
  VariantChoice,
  WorkerRequest,
  WorkerResponse,
} from './protocol';

export class ModelWorkerError extends Error {
  constructor(
    readonly code: ResponseOf<'error'>['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ModelWorkerError';
  }
}

export type LoadProgress = Omit<ResponseOf<'progress'>, 'type' | 'id'>;
export type Ready = Omit<ResponseOf<'ready'>, 'type' | 'id'>;
export interface TokenEvent {
  tokenId: number;
  index: number;
  ms: number;
  cachedPositions: number;
  /** With `topN`: the chosen token's probability and the model's top tokens at this step. */
  prob?: number;
  top?: Candidate[];
}

type Listener = (msg: WorkerResponse) => void;

export class ModelClient {
  private nextId = 1;
  private listeners = new Map<number, Listener>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => this.listeners.get(e.data.id)?.(e.data);
    worker.onerror = (e) => {
      for (const [id, l] of this.listeners) l({ type: 'error', id, code: 'internal', message: e.message || 'The model worker crashed.' });
    };
  }

  private send(req: WorkerRequest, listener: Listener) {
    this.listeners.set(req.id, listener);
    this.worker.postMessage(req);
  }

  private id() {
    return this.nextId++;
  }

  /**
   * Loads the model at baseUrl (a folder with manifest.json). Resolves when the session is ready.
   * `variant`: 'auto' (compact weights when the manifest lists them) or force 'fp32' / 'compact';
   * `precision`: 'auto' (int8 for compact weights on WASM, else fp32) or force 'fp32' / 'int8';
   * `threads`: WASM threads (default: the worker's choice).
   */
  load(
    baseUrl: string,
    backend: BackendChoice,
    onProgress?: (p: LoadProgress) => void,
    opts: {
      variant?: VariantChoice;
      precision?: PrecisionChoice;
      threads?: number;
      remembered?: RememberedBackend;
      measure?: boolean;
      hubUrl?: string;
    } = {},
  ): Promise<Ready> {
    const id = this.id();
    return new Promise((resolve, reject) => {
      this.send({ type: 'load', id, baseUrl, backend, ...opts }, (msg) => {
        if (msg.type === 'progress') onProgress?.(msg);
        else if (msg.type === 'ready') {
          this.listeners.delete(id);
          resolve(msg);
        } else if (msg.type === 'error') {
          this.listeners.delete(id);
          reject(new ModelWorkerError(msg.code, msg.message));
        }
      });
    });
  }

  /**
   * Streams generated tokens. Call the returned `cancel()` to stop mid-stream; the iterator then
   * ends with a 'cancelled' result.
   */
  generate(
    promptIds: number[],
    opts: { maxNewTokens: number; sampling: SamplingOptions; stopAtEot?: boolean; topN?: number; kvCache?: boolean },
  ) {
    const id = this.id();
    const queue: (TokenEvent | { done: ResponseOf<'done'> } | { error: ModelWorkerError })[] = [];
    let wake: (() => void) | null = null;
    this.send(
      {
        type: 'generate',
        id,
        promptIds,
        maxNewTokens: opts.maxNewTokens,
        sampling: opts.sampling,
        stopAtEot: opts.stopAtEot ?? true,
        topN: opts.topN,
        kvCache: opts.kvCache,
      },
      (msg) => {
        if (msg.type === 'token') {
          const { tokenId, index, ms, cachedPositions, prob, top } = msg;
          queue.push({ tokenId, index, ms, cachedPositions, prob, top });
        } else if (msg.type === 'done') queue.push({ done: msg });
        else if (msg.type === 'error') queue.push({ error: new ModelWorkerError(msg.code, msg.message) });
        else return;
        wake?.();
      },
    );
    const cancel = () => this.worker.postMessage({ type: 'cancel', id: this.id(), target: id } satisfies WorkerRequest);
    const listeners = this.listeners;
    async function* tokens(): AsyncGenerator<TokenEvent, { reason: ResponseOf<'done'>['reason']; stats: GenerateStats }> {
      try {
        for (;;) {
          while (queue.length === 0) await new Promise<void>((r) => (wake = r));
          const item = queue.shift()!;
          if ('error' in item) throw item.error;
          if ('done' in item) return { reason: item.done.reason, stats: item.done.stats };
          yield item;
        }
      } finally {
        listeners.delete(id);
      }
    }
    return { tokens: tokens(), cancel };
  }

  private request<T extends WorkerResponse['type']>(req: WorkerRequest, expect: T): Promise<ResponseOf<T>> {
    return new Promise((resolve, reject) => {
      this.send(req, (msg) => {
        if (msg.type === expect) {
          this.listeners.delete(req.id);
          resolve(msg as ResponseOf<T>);
        } else if (msg.type === 'error') {
          this.listeners.delete(req.id);
          reject(new ModelWorkerError(msg.code, msg.message));
        }
      });
    });
  }

  /** The model's next-token logits after the prompt ([vocab]). */
  nextTokenLogits(promptIds: number[]) {
    return this.request({ type: 'next-token', id: this.id(), promptIds }, 'logits');
  }

  /**
   * Internal tensors for the lessons' widgets (attention, residual stream, …) on a full prompt; with
   * lensTopN, the logit lens too, from the same forward pass.
   */
  analyze(promptIds: number[], what: AnalysisKind[], lensTopN?: number) {
    return this.request({ type: 'analyze', id: this.id(), promptIds, what, ...(lensTopN ? { lensTopN } : {}) }, 'analysis');
  }

  /**
   * The logit lens at the prompt's last position: for resid.0 … resid.nLayer, the top-N tokens of
   * ln_f(resid)·wteᵀ, computed by the graph (error code 'no-lens' for a graph exported without it).
   */
  async lens(promptIds: number[], topN: number): Promise<{ layers: LensLayer[]; ms: number }> {
    const { lens, ms } = await this.analyze(promptIds, [], topN);
    if (!Array.isArray(lens)) throw new ModelWorkerError('no-lens', lens?.unavailable ?? 'the worker sent no lens');
    return { layers: lens, ms };
  }

  /** Stops the worker; whatever was still waiting for it gets an error instead of waiting forever. */
  terminate() {
    this.worker.terminate();
    for (const [id, l] of this.listeners) l({ type: 'error', id, code: 'internal', message: 'The model was restarted.' });
    this.listeners.clear();
  }
}

export type { LensLayer, ModelInfo, ModelVariant };
