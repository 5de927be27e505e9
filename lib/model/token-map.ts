// A model trained on a small corpus keeps only the GPT-2 tokens its corpus uses: K rows of wte
// instead of 50,257 (lib/train/corpus.ts). Its model ids 0..K−1 are the kept GPT-2 ids in
// ascending order, and token_map.json, written next to config.json, lists them:
//
//   { "format": "gpt2-pamphlet-token-map/1", "gpt2_ids": [ GPT-2 id of model id 0, 1, …, K−1 ] }
//
// Everything outside the model speaks GPT-2 ids (the tokenizer, sampling, <|endoftext|> = 50256,
// the widgets); the Decoder converts at its edge through this class: ids in, logits out scattered
// back to [50257] with −∞ (probability 0) for tokens the model cannot produce. <|endoftext|> is
// always kept, so generation has its start and stop token. Browser-safe.

import { decode } from '@/lib/tokenizer';
import { EOT_TOKEN_ID, GPT2_SMALL } from './config';
import { TokenMapError } from './errors';

export const TOKEN_MAP_FILE = 'token_map.json';
export const TOKEN_MAP_FORMAT = 'gpt2-pamphlet-token-map/1';
const GPT2_VOCAB = GPT2_SMALL.vocabSize;

export class TokenMap {
  /** [K] model id → GPT-2 id, ascending. */
  readonly gpt2Ids: Int32Array;
  /** [50257] GPT-2 id → model id, −1 where the model has no such token. */
  private readonly modelIds: Int32Array;

  /** `gpt2Ids`: model id → GPT-2 id, strictly ascending, with <|endoftext|>. */
  constructor(gpt2Ids: ArrayLike<number>) {
    if (gpt2Ids.length === 0) throw new TokenMapError('no tokens');
    this.gpt2Ids = Int32Array.from(gpt2Ids);
    this.modelIds = new Int32Array(GPT2_VOCAB).fill(-1);
    this.gpt2Ids.forEach((id, i) => {
      if (!Number.isInteger(gpt2Ids[i]) || id < 0 || id >= GPT2_VOCAB)
        throw new TokenMapError(`gpt2_ids[${i}] = ${gpt2Ids[i]} is not a GPT-2 token id`);
      if (i > 0 && id <= this.gpt2Ids[i - 1]) throw new TokenMapError(`gpt2_ids must be strictly ascending (at index ${i})`);
      this.modelIds[id] = i;
    });
    if (this.modelIds[EOT_TOKEN_ID] < 0) throw new TokenMapError(`gpt2_ids lacks <|endoftext|> (${EOT_TOKEN_ID})`);
  }

  /** The kept vocabulary of a token stream (plus <|endoftext|>), ascending. */
  static fromTokens(ids: Iterable<number>): TokenMap {
    const seen = new Uint8Array(GPT2_VOCAB);
    seen[EOT_TOKEN_ID] = 1;
    for (const id of ids) seen[id] = 1;
    const kept: number[] = [];
    seen.forEach((s, id) => s && kept.push(id));
    return new TokenMap(kept);
  }

  /** token_map.json's text; `vocabSize` (the config's) must match when given. */
  static parse(text: string, vocabSize?: number): TokenMap {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      throw new TokenMapError('not valid JSON');
    }
    const d = doc as { format?: unknown; gpt2_ids?: unknown };
    if (typeof doc !== 'object' || doc === null || d.format !== TOKEN_MAP_FORMAT)
      throw new TokenMapError(`format is ${JSON.stringify(d?.format)}, this app reads "${TOKEN_MAP_FORMAT}"`);
    if (!Array.isArray(d.gpt2_ids)) throw new TokenMapError('"gpt2_ids" is not an array');
    const map = new TokenMap(d.gpt2_ids as number[]);
    if (vocabSize !== undefined && map.size !== vocabSize)
      throw new TokenMapError(`${map.size} tokens, but the model's vocab_size is ${vocabSize}`);
    return map;
  }

  /** K, the model's vocab_size. */
  get size(): number {
    return this.gpt2Ids.length;
  }

  /** The model id of <|endoftext|> (HF bos/eos in config.json). */
  get eot(): number {
    return this.modelIds[EOT_TOKEN_ID];
  }

  has(gpt2Id: number): boolean {
    return Number.isInteger(gpt2Id) && gpt2Id >= 0 && gpt2Id < GPT2_VOCAB && this.modelIds[gpt2Id] >= 0;
  }

  /** GPT-2 ids → model ids; a token the model lacks is an error (prompts go through fitPrompt first). */
  toModel(gpt2Ids: readonly number[]): number[] {
    return gpt2Ids.map((id) => {
      if (!this.has(id))
        throw new TokenMapError(
          `“${decode([id])}” (GPT-2 token ${id}) is not among this model's ${this.size} tokens; leave it out of the prompt`,
        );
      return this.modelIds[id];
    });
  }

  toGpt2(modelId: number): number {
    const id = this.gpt2Ids[modelId];
    if (id === undefined) throw new TokenMapError(`model id ${modelId} is outside 0..${this.size - 1}`);
    return id;
  }

  /**
   * A prompt the model can read: GPT-2 tokens it never saw are dropped (there is no row of wte to
   * look them up in), and when none is left it starts from <|endoftext|>, as GPT-2 does for an
   * empty prompt. `dropped` lists what was left out, for a note to the reader.
   */
  fitPrompt(gpt2Ids: readonly number[]): { ids: number[]; dropped: number[] } {
    const ids = gpt2Ids.filter((id) => this.has(id));
    const dropped = gpt2Ids.filter((id) => !this.has(id));
    return { ids: ids.length || !gpt2Ids.length ? ids : [EOT_TOKEN_ID], dropped };
  }

  /** Logits over model ids [rows, K] → over GPT-2 ids [rows, 50257], −∞ for tokens the model lacks. */
  expandLogits(logits: Float32Array, rows = 1): Float32Array {
    const K = this.size;
    if (logits.length !== rows * K) throw new TokenMapError(`${logits.length} logits for ${rows} rows of ${K}`);
    const out = new Float32Array(rows * GPT2_VOCAB).fill(-Infinity);
    for (let r = 0; r < rows; r++) for (let i = 0; i < K; i++) out[r * GPT2_VOCAB + this.gpt2Ids[i]] = logits[r * K + i];
    return out;
  }

  toJSON(): { format: string; gpt2_ids: number[] } {
    return { format: TOKEN_MAP_FORMAT, gpt2_ids: Array.from(this.gpt2Ids) };
  }

  /** token_map.json's text (one id per array slot, compact: K can be thousands). */
  serialize(): string {
    return JSON.stringify(this.toJSON()) + '\n';
  }
}
