/**
 * encode/decode: text ⇄ GPT-2 token ids.
 *
 * encode delegates BPE to gpt-tokenizer's r50k_base (a port of tiktoken). We split out
 * `<|endoftext|>` ourselves because gpt-tokenizer 4.0.0 only recognises an allowed
 * special token at the very start of a segment ("a<|endoftext|>b" comes back as plain
 * text even with allowedSpecial: 'all').
 *
 * A long chunk (one pre-tokenizer match, e.g. 80,000 letters with no space) goes to Hugging
 * Face's tokenizer instead: gpt-tokenizer's BPE takes time quadratic in a chunk's length, Hugging
 * Face's priority-queue BPE near-linear (figures: docs/performance.md), with the same merges and so
 * the same ids (tested). Short chunks, nearly all real text, stay on the faster-to-start gpt-tokenizer.
 *
 * decode concatenates the tokens' bytes and decodes them once, with a fresh decoder, so
 * it never throws and keeps no state between calls; gpt-tokenizer's decode shares one
 * streaming TextDecoder, which carries a cut-off character into the *next* call.
 */
import { Tokenizer } from '@huggingface/tokenizers';
import { encode as r50kEncode } from 'gpt-tokenizer/encoding/r50k_base';
import { tokenizerJsonText } from './hf-tokenizer';
import { GPT2_SPLIT_PATTERN, splitOnSpecial } from './pretokenize';
import { EOT_ID, tokenBytesView } from './vocab';

/**
 * Text → ids. Special tokens in user text ARE allowed: each literal `<|endoftext|>`
 * becomes id 50256, as the app wants when a lesson shows a document boundary.
 * Exact round trip: decode(encode(s)) === s for any well-formed string (a lone UTF-16
 * surrogate is not UTF-8 encodable and comes back as U+FFFD).
 */
export function encode(text: string): number[] {
  const ids: number[] = [];
  const push = (out: Iterable<number>) => {
    for (const id of out) ids.push(id);
  };
  splitOnSpecial(text).forEach((piece, i) => {
    if (i > 0) ids.push(EOT_ID);
    if (!hasLongChunk(piece)) return push(r50kEncode(piece));
    for (const [chunk] of piece.matchAll(GPT2_SPLIT_PATTERN)) push(chunk.length > LONG_CHUNK ? longChunkIds(chunk) : r50kEncode(chunk));
  });
  return ids;
}

/** Characters from which a chunk goes to the near-linear BPE. */
export const LONG_CHUNK = 256;

function hasLongChunk(piece: string): boolean {
  if (piece.length <= LONG_CHUNK) return false;
  for (const [chunk] of piece.matchAll(GPT2_SPLIT_PATTERN)) if (chunk.length > LONG_CHUNK) return true;
  return false;
}

let hf: Tokenizer | undefined;
/** One chunk through Hugging Face's BPE (built from the same ranks on first use). */
function longChunkIds(chunk: string): number[] {
  hf ??= new Tokenizer(JSON.parse(tokenizerJsonText()), {});
  return hf.encode(chunk, { add_special_tokens: false }).ids;
}

/** The concatenated bytes of `ids`. Throws TokenIdError on an id outside 0..50256. */
export function idsToBytes(ids: readonly number[]): Uint8Array {
  const parts = ids.map(tokenBytesView);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/**
 * UTF-8 bytes → string. Invalid or cut-off sequences become U+FFFD (like Python's
 * errors="replace" in GPT-2's decoder); a leading BOM is kept, not swallowed.
 */
export function utf8Decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}

/** Ids → text. Never throws on a list cut inside a character: the stump decodes to U+FFFD. */
export function decode(ids: readonly number[]): string {
  return utf8Decode(idsToBytes(ids));
}
