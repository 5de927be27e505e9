/**
 * The tokenizer playground's rows: one per token of `tokenize`, with everything the text
 * view and the table draw (JSON text, vocab string, hex bytes, visible pieces, and for a
 * token that cuts a character, which bytes of it the token holds).
 */
import { EOT_ID, tokenString, type TokenSpan } from '../tokenizer';
import { charPiece, hexBytes, jsonString, pushPiece, utf8Length, type Piece } from './visible-text';

/** Tokens drawn at most; the counts always cover the whole text. */
export const MAX_ROWS = 2000;

export interface TokenRow {
  /** position in the text, 0-based */
  index: number;
  id: number;
  /** the token's text decoded alone, as a JSON string literal ('" world"'), invisibles escaped */
  json: string;
  /** its entry in vocab.json, byte-level form: 'Ġworld' */
  vocab: string;
  /** its bytes: '20 77 6f 72 6c 64' */
  hex: string;
  /** the token begins or ends inside a character */
  partial: boolean;
  /** <|endoftext|> */
  special: boolean;
  /** the characters this token has only some bytes of ('' unless partial) */
  cut: string;
  pieces: Piece[];
}

/**
 * Rows for the first `limit` spans of tokenize(input). Walks the input's characters
 * alongside the tokens' bytes, so each piece knows whether the token holds a whole
 * character or only bytes from..to of it.
 */
export function tokenRows(input: string, spans: readonly TokenSpan[], limit = MAX_ROWS): TokenRow[] {
  const shown = spans.slice(0, Math.max(0, limit));
  if (shown.length === 0) return [];
  const chars = Array.from(input.slice(0, shown[shown.length - 1].end));
  let ci = 0; // current character
  let used = 0; // bytes of chars[ci] taken by earlier tokens

  return shown.map((span, index) => {
    const pieces: Piece[] = [];
    const cut: string[] = [];
    let pos = 0;
    while (pos < span.bytes.length) {
      const ch = chars[ci];
      if (ch === undefined) throw new Error(`token ${index} runs past the end of the input`);
      const size = utf8Length(ch);
      const take = Math.min(size - used, span.bytes.length - pos);
      if (used === 0 && take === size) {
        pushPiece(pieces, charPiece(ch));
      } else {
        pieces.push({ kind: 'part', text: ch, hex: hexBytes(span.bytes.subarray(pos, pos + take)), from: used, to: used + take, of: size });
        if (!cut.includes(ch)) cut.push(ch);
      }
      pos += take;
      used += take;
      if (used === size) {
        ci++;
        used = 0;
      }
    }
    return {
      index,
      id: span.id,
      json: jsonString(span.text),
      vocab: tokenString(span.id),
      hex: hexBytes(span.bytes),
      partial: span.partial,
      special: span.id === EOT_ID,
      cut: cut.join(''),
      pieces,
    };
  });
}

/** What a screen reader hears for a token: 'Token 2 of 3 (index 1): " world", id 995'. */
export function describeToken(row: TokenRow, total: number): string {
  const what = row.special ? 'special token <|endoftext|>' : row.json;
  const part = row.partial ? `, part of the character ${row.cut}` : '';
  return `Token ${row.index + 1} of ${total} (index ${row.index}): ${what}, id ${row.id}${part}`;
}
