/**
 * tokenize: ids with their place in the original string, for highlighting.
 *
 * Token boundaries are byte boundaries, and BPE may cut a multi-byte UTF-8 character
 * between tokens (an emoji is often 2–3 tokens). A token's span is then widened to the
 * whole characters it has bytes in, so `input.slice(start, end)` is always whole
 * characters; tokens that share a cut character have overlapping spans and are marked
 * `partial`. Spans of non-partial tokens tile the string exactly.
 */
import { encode, utf8Decode } from './codec';
import { tokenBytesView } from './vocab';

export interface TokenSpan {
  id: number;
  /** this token's bytes decoded alone; a cut character shows as U+FFFD */
  text: string;
  bytes: Uint8Array;
  /** UTF-16 offsets into the input, end exclusive */
  start: number;
  end: number;
  /** true when the token begins or ends inside a character */
  partial: boolean;
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

export function tokenize(input: string): TokenSpan[] {
  // For every UTF-8 byte of `input`: the UTF-16 span of the character it belongs to,
  // and whether it is that character's first byte.
  const charStart: number[] = [];
  const charEnd: number[] = [];
  const isLead: boolean[] = [];
  let unit = 0;
  for (const ch of input) {
    const n = utf8Length(ch.codePointAt(0)!);
    for (let k = 0; k < n; k++) {
      charStart.push(unit);
      charEnd.push(unit + ch.length);
      isLead.push(k === 0);
    }
    unit += ch.length;
  }

  const spans: TokenSpan[] = [];
  let byte = 0;
  for (const id of encode(input)) {
    const bytes = tokenBytesView(id);
    const first = byte;
    const last = byte + bytes.length - 1;
    byte += bytes.length;
    spans.push({
      id,
      text: utf8Decode(bytes),
      bytes: bytes.slice(),
      start: charStart[first],
      end: charEnd[last],
      partial: !isLead[first] || (byte < isLead.length && !isLead[byte]),
    });
  }
  if (byte !== isLead.length) {
    throw new Error(`token bytes (${byte}) do not cover the input's UTF-8 (${isLead.length})`);
  }
  return spans;
}
