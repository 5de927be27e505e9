/**
 * GPT-2's vocabulary (tiktoken's `r50k_base`): 50,256 byte sequences plus one special token.
 *
 * The id of a byte sequence is its BPE rank: ids 0..255 are the single bytes (in
 * byte-level alphabet order, so id 0 is '!'), id 256 + n is the token made by merge n,
 * and 50256 is `<|endoftext|>`. The ranks come from gpt-tokenizer's bundled table, an
 * array indexed by rank whose entries are the token as a string when its bytes are valid
 * UTF-8, or as a byte array when they are not (e.g. half an emoji).
 */
import r50kRanks from 'gpt-tokenizer/bpeRanks/r50k_base';
import { bytesToVocabString } from './byte-level';

export const VOCAB_SIZE = 50257;
export const EOT_ID = 50256;
export const EOT_TEXT = '<|endoftext|>';

export class TokenIdError extends RangeError {
  constructor(readonly id: unknown) {
    super(`not a GPT-2 token id: ${String(id)} (ids are integers 0..${VOCAB_SIZE - 1})`);
    this.name = 'TokenIdError';
  }
}

export function assertTokenId(id: number): void {
  if (!Number.isInteger(id) || id < 0 || id >= VOCAB_SIZE) throw new TokenIdError(id);
}

let bytesById: Uint8Array[] | undefined;
let stringsById: string[] | undefined;
let idsByString: Map<string, number> | undefined;

/** Bytes of every id, built once on first use (~50k small arrays). */
function allTokenBytes(): Uint8Array[] {
  if (bytesById) return bytesById;
  if (r50kRanks.length !== EOT_ID) {
    throw new Error(`r50k_base rank table has ${r50kRanks.length} entries, expected ${EOT_ID}`);
  }
  const utf8 = new TextEncoder();
  bytesById = r50kRanks.map((entry) => (typeof entry === 'string' ? utf8.encode(entry) : Uint8Array.from(entry)));
  bytesById.push(utf8.encode(EOT_TEXT));
  return bytesById;
}

/** The bytes token `id` stands for, without copying (internal: do not mutate). */
export function tokenBytesView(id: number): Uint8Array {
  assertTokenId(id);
  return allTokenBytes()[id];
}

/** The bytes token `id` stands for; `<|endoftext|>` gives the UTF-8 of its text. */
export function tokenBytes(id: number): Uint8Array {
  return tokenBytesView(id).slice();
}

function allVocabStrings(): string[] {
  if (stringsById) return stringsById;
  stringsById = allTokenBytes().map(bytesToVocabString);
  stringsById[EOT_ID] = EOT_TEXT;
  return stringsById;
}

/** A token's entry in GPT-2's vocab.json, in byte-level form: 995 → 'Ġworld'. */
export function tokenString(id: number): string {
  assertTokenId(id);
  return allVocabStrings()[id];
}

/** {@link tokenString} for each id. */
export function tokenStrings(ids: readonly number[]): string[] {
  return ids.map(tokenString);
}

/** The id of a vocab-string ('Ġworld' → 995), or undefined if it is not a token. */
export function idOfTokenString(s: string): number | undefined {
  idsByString ??= new Map(allVocabStrings().map((s, id) => [s, id]));
  return idsByString.get(s);
}
