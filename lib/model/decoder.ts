// Decoder: the fast graph (decoder.onnx) plus its KV cache. prefill(ids) encodes a prompt, step(id)
// adds one token; both return the next-token logits [V]. analyze(ids, what) runs a prompt without
// the cache and fetches only the intermediates asked for.
// With a token map (a model trained on a small corpus, token-map.ts) it still speaks GPT-2 ids: ids
// in are mapped to the model's, logits out are [50257] with −∞ for tokens the model lacks, and
// prefill drops a prompt's unknown tokens (TokenMap.fitPrompt); feed and analyze refuse them.

import { GPT2_SMALL, type GPT2Config } from './config';
import { ContextLengthError, LensUnavailableError } from './errors';
import { KvCache } from './kv-cache';
import { createSession, release, run, type Session, type SessionOptions, type Tensor } from './ort';
import type { TokenMap } from './token-map';

/** Per-layer intermediates analyze() can fetch (see export/decoder-graph.ts); 'logits' is [V]. */
export type AnalysisKind = 'attn' | 'resid' | 'resid_mid' | 'ln_1' | 'ln_2' | 'q' | 'key' | 'value';

/** `lens`: the logit lens at the last position, nLayer+1 rows of [V] (see lens()). */
export type Analysis = Partial<Record<AnalysisKind, Tensor[]>> & { logits?: Tensor; lens?: Float32Array[] };

const NO_ROWS = new BigInt64Array(0);

export class Decoder {
  readonly cache: KvCache;
  /** GPT-2 token ids whose keys/values are in the cache, in position order. */
  readonly tokens: number[] = [];
  /** The graph has the logit-lens input; a decoder.onnx exported before the lens existed does not. */
  readonly hasLens: boolean;

  constructor(
    readonly session: Session,
    readonly config: GPT2Config,
    /** The model's vocabulary in GPT-2 ids, when it is not GPT-2's own 50,257 tokens. */
    readonly tokenMap?: TokenMap,
  ) {
    this.cache = new KvCache(config.nLayer, config.blockSize, config.nEmbd);
    this.hasLens = session.inputNames.includes('lens_layers');
  }

  static async load(decoderOnnx: Uint8Array, config: GPT2Config, opts?: SessionOptions, tokenMap?: TokenMap): Promise<Decoder> {
    return new Decoder(await createSession(decoderOnnx, opts), config, tokenMap);
  }

  /** Cached positions. */
  get length(): number {
    return this.cache.length;
  }

  /** Starts over with a prompt; returns the logits after its last token. */
  async prefill(ids: readonly number[]): Promise<Float32Array> {
    this.reset();
    return this.feed(this.tokenMap ? this.tokenMap.fitPrompt(ids).ids : ids);
  }

  /** Appends one token; returns the logits after it. */
  async step(id: number): Promise<Float32Array> {
    return this.feed([id]);
  }

  /** Appends tokens at positions P..P+T−1 after the cached ones; returns the logits after the last. */
  async feed(ids: readonly number[]): Promise<Float32Array> {
    const { nLayer, nEmbd: C, blockSize } = this.config;
    const P = this.cache.length;
    const T = ids.length;
    if (T === 0) throw new RangeError('Decoder.feed: no tokens');
    if (P + T > blockSize) throw new ContextLengthError(P + T, blockSize);
    const feeds: Record<string, Tensor> = {
      input_ids: this.inputIds(ids),
      position_ids: { dims: [T], data: BigInt64Array.from({ length: T }, (_, t) => BigInt(P + t)) },
    };
    if (this.hasLens) feeds.lens_layers = { dims: [0], data: NO_ROWS };
    const past = this.cache.views(P);
    const fetch = ['logits'];
    for (let i = 0; i < nLayer; i++) {
      feeds[`past_key.${i}`] = { dims: [P, C], data: past.keys[i] };
      feeds[`past_value.${i}`] = { dims: [P, C], data: past.values[i] };
      fetch.push(`key.${i}`, `value.${i}`);
    }
    const out = await run(this.session, feeds, fetch);
    for (let i = 0; i < nLayer; i++) this.cache.append(i, out[`key.${i}`].data as Float32Array, out[`value.${i}`].data as Float32Array);
    this.tokens.push(...ids);
    return this.gpt2Logits(out.logits.data as Float32Array);
  }

  /** input_ids [T]: model ids (GPT-2's own, or through the token map). */
  private inputIds(ids: readonly number[]): Tensor {
    const modelIds = this.tokenMap ? this.tokenMap.toModel(ids) : ids;
    return { dims: [ids.length], data: BigInt64Array.from(modelIds, (id) => BigInt(id)) };
  }

  /** Logits over GPT-2 ids: [rows, V] as they are, or [rows, K] scattered to [rows, 50257]. */
  private gpt2Logits(logits: Float32Array, rows = 1): Float32Array {
    return this.tokenMap ? this.tokenMap.expandLogits(logits, rows) : logits;
  }

  /**
   * Runs a whole prompt (positions 0..T−1, no cache, cache untouched) and fetches only `what`:
   * attn → nLayer × [nh, T, T]; resid → nLayer+1 × [T, C]; the others nLayer × [T, C].
   */
  async analyze(ids: readonly number[], what: readonly (AnalysisKind | 'logits' | 'lens')[]): Promise<Analysis> {
    const { nLayer } = this.config;
    const V = this.tokenMap ? GPT2_SMALL.vocabSize : this.config.vocabSize; // of the logits returned
    const feeds = this.promptFeeds(ids);
    const names: string[] = [];
    for (const kind of new Set(what)) {
      if (kind === 'logits') names.push('logits');
      else if (kind === 'lens') {
        if (!this.hasLens) throw new LensUnavailableError();
        feeds.lens_layers = { dims: [nLayer + 1], data: BigInt64Array.from({ length: nLayer + 1 }, (_, i) => BigInt(i)) };
        names.push('lens_logits');
      } else for (let i = 0; i < (kind === 'resid' ? nLayer + 1 : nLayer); i++) names.push(`${kind}.${i}`);
    }
    const missing = names.filter((n) => !this.session.outputNames.includes(n));
    if (missing.length) throw new RangeError(`Decoder.analyze: the graph has no output ${missing.slice(0, 3).join(', ')}`);
    const out = await run(this.session, feeds, names);
    const result: Analysis = {};
    for (const name of names) {
      if (name === 'logits') {
        result.logits = { dims: [V], data: this.gpt2Logits(out.logits.data as Float32Array) };
        continue;
      }
      if (name === 'lens_logits') {
        const all = this.gpt2Logits(out.lens_logits.data as Float32Array, nLayer + 1);
        result.lens = Array.from({ length: nLayer + 1 }, (_, i) => all.subarray(i * V, (i + 1) * V));
        continue;
      }
      const kind = name.slice(0, name.lastIndexOf('.')) as AnalysisKind;
      (result[kind] ??= []).push(out[name]);
    }
    return result;
  }

  /** Feeds for a whole prompt at positions 0..T−1 with an empty cache (and no lens rows). */
  private promptFeeds(ids: readonly number[]): Record<string, Tensor> {
    const { nLayer, nEmbd: C, blockSize } = this.config;
    const T = ids.length;
    if (T === 0) throw new RangeError('Decoder.analyze: no tokens');
    if (T > blockSize) throw new ContextLengthError(T, blockSize);
    const feeds: Record<string, Tensor> = {
      input_ids: this.inputIds(ids),
      position_ids: { dims: [T], data: BigInt64Array.from({ length: T }, (_, t) => BigInt(t)) },
    };
    const empty = new Float32Array(0);
    for (let i = 0; i < nLayer; i++) {
      feeds[`past_key.${i}`] = { dims: [0, C], data: empty };
      feeds[`past_value.${i}`] = { dims: [0, C], data: empty };
    }
    if (this.hasLens) feeds.lens_layers = { dims: [0], data: NO_ROWS };
    return feeds;
  }

  /**
   * The logit lens at the prompt's last position (no cache; the cache is untouched): the graph's own
   * ln_f and output projection on resid.0 … resid.nLayer. Returns nLayer+1 rows of [V] logits.
   */
  async lens(ids: readonly number[]): Promise<Float32Array[]> {
    return (await this.analyze(ids, ['lens'])).lens!;
  }

  /**
   * One throw-away forward pass (then an empty cache): onnxruntime allocates its buffers on the
   * first run, which otherwise lands on the reader's first prompt.
   */
  async warmUp(): Promise<void> {
    const id = this.tokenMap?.toGpt2(0) ?? 0; // any token the model has
    await this.prefill(new Array(16).fill(id));
    await this.step(id);
    await this.step(id);
    this.reset();
  }

  /** Empties the cache. */
  reset(): void {
    this.cache.reset();
    this.tokens.length = 0;
  }

  async release(): Promise<void> {
    await release(this.session);
  }
}
