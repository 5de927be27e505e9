/**
 * encode/decode: text ⇄ GPT-2 token ids.
 *
 * encode delegates BPE to gpt-tokenizer's r50k_base (a port of tiktoken). We split out
 * `<|endoftext|>` ourselves because gpt-tokenizer 4.0.0 only recognises an allowed
 * special token at the very start of a segment ("a<|endoftext|>b" comes back as plain
 * text even with allowedSpecial: 'all').
 *
 * decode concatenates the tokens' bytes and decodes them once, with a fresh decoder, so
 * it never throws and keeps no state between calls; gpt-tokenizer's decode shares one
 * streaming TextDecoder, which carries a cut-off character into the *next* call.
 */
import { encode as r50kEncode } from 'gpt-tokenizer/encoding/r50k_base';
import { splitOnSpecial } from './pretokenize';
import { EOT_ID, tokenBytesView } from './vocab';

/**
 * Text → ids. Special tokens in user text ARE allowed: each literal `<|endoftext|>`
 * becomes id 50256, as the app wants when a lesson shows a document boundary.
 * Exact round trip: decode(encode(s)) === s for any well-formed string (a lone UTF-16
 * surrogate is not UTF-8 encodable and comes back as U+FFFD).
 */
export function encode(text: string): number[] {
  const ids: number[] = [];
  splitOnSpecial(text).forEach((piece, i) => {
    if (i > 0) ids.push(EOT_ID);
    if (piece.length > 0) for (const id of r50kEncode(piece)) ids.push(id);
  });
  return ids;
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
