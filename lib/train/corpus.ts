// The training data, nanoGPT style: every document tokenized with GPT-2's tokenizer and followed by
// <|endoftext|>, the token ids the corpus uses kept and renumbered 0..K−1 (a TokenMap: K rows of wte
// instead of 50,257), the first 90 % of the stream for training and the last 10 % for validation.
// A batch is B random windows: x = data[i : i+T], y = data[i+1 : i+1+T] (the next token at each of
// the T positions), with offsets from a seeded rng so a run can be repeated exactly.

import { EOT_TOKEN_ID } from '@/lib/model/config';
import { TokenMap } from '@/lib/model/token-map';
import { encode } from '@/lib/tokenizer';

export const TRAIN_FRACTION = 0.9;

export interface Corpus {
  tokenMap: TokenMap;
  /** Model ids (0..K−1) of the first 90 % of the token stream. */
  train: Int32Array;
  /** Model ids of the last 10 %. */
  val: Int32Array;
}

export interface Batch {
  x: Int32Array; // [B, T] model ids
  y: Int32Array; // [B, T] the token after each of x's
  batchSize: number;
  blockSize: number;
}

/** GPT-2 ids of the documents, each followed by <|endoftext|>. */
export function tokenizeDocuments(documents: readonly string[], encodeText: (text: string) => number[] = encode): number[] {
  const ids: number[] = [];
  for (const doc of documents) ids.push(...encodeText(doc), EOT_TOKEN_ID);
  return ids;
}

/** The corpus of a GPT-2 token stream: kept vocabulary, model ids, 90/10 split. */
export function buildCorpus(gpt2Ids: readonly number[]): Corpus {
  const tokenMap = TokenMap.fromTokens(gpt2Ids);
  const ids = Int32Array.from(tokenMap.toModel(gpt2Ids));
  const split = Math.floor(ids.length * TRAIN_FRACTION);
  return { tokenMap, train: ids.subarray(0, split), val: ids.subarray(split) };
}

/** B windows of T tokens at offsets drawn from `rng` (uniform in [0, 1)), as nanoGPT's get_batch. */
export function sampleBatch(data: Int32Array, batchSize: number, blockSize: number, rng: () => number): Batch {
  if (data.length < blockSize + 1)
    throw new RangeError(`${data.length} tokens cannot give a window of ${blockSize} + 1 (use a smaller block size or a longer corpus)`);
  const x = new Int32Array(batchSize * blockSize);
  const y = new Int32Array(batchSize * blockSize);
  for (let b = 0; b < batchSize; b++) {
    const i = Math.floor(rng() * (data.length - blockSize)); // 0 … len − T − 1
    x.set(data.subarray(i, i + blockSize), b * blockSize);
    y.set(data.subarray(i + 1, i + 1 + blockSize), b * blockSize);
  }
  return { x, y, batchSize, blockSize };
}
