/**
 * Text as a tokenizer widget draws it: whitespace and invisible characters get a glyph,
 * so a token that is " hello" or "\n" or U+FE0F can be seen and told apart.
 */

/** One drawable piece of a token's text. */
export type Piece =
  | { kind: 'text'; text: string }
  /** a whitespace character, drawn as `text` ('·' for a space, '↵' for a newline) */
  | { kind: 'space'; text: string; raw: string; newline: boolean }
  /** a control or format character (U+FE0F, U+200D …), drawn as its code point */
  | { kind: 'invisible'; text: string; raw: string }
  /**
   * some bytes of a character cut by BPE: `text` is the whole character, and this token
   * holds its UTF-8 bytes from..to-1 of `of` (e.g. 0..2 of 4), written in `hex`
   */
  | { kind: 'part'; text: string; hex: string; from: number; to: number; of: number };

const GLYPHS: Record<string, string> = { ' ': '·', '\n': '↵', '\t': '⇥', '\r': '␍' };
const INVISIBLE = /^[\p{Cc}\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]$/u;
const WHITESPACE = /^\s$/u;

/** The code point of `ch` as 'U+FE0F'. */
export function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A whole character as a piece (a 'text' piece when it is visible as it is). */
export function charPiece(ch: string): Piece {
  if (WHITESPACE.test(ch)) return { kind: 'space', text: GLYPHS[ch] ?? '␣', raw: ch, newline: ch === '\n' };
  if (INVISIBLE.test(ch)) return { kind: 'invisible', text: codePointLabel(ch), raw: ch };
  return { kind: 'text', text: ch };
}

/** Appends `piece`, joining runs of plain text into one piece. */
export function pushPiece(pieces: Piece[], piece: Piece): void {
  const last = pieces[pieces.length - 1];
  if (piece.kind === 'text' && last?.kind === 'text') last.text += piece.text;
  else pieces.push({ ...piece });
}

/** Whole-character text → pieces: "a b\n" → text 'a', space '·', text 'b', space '↵'. */
export function visiblePieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  for (const ch of text) pushPiece(pieces, charPiece(ch));
  return pieces;
}

/** One flat string for labels and options: " hi\n" → "·hi↵". */
export function showWhitespace(text: string): string {
  return visiblePieces(text)
    .map((p) => p.text)
    .join('');
}

const INVISIBLE_G = /[\p{Cc}\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/gu;

/**
 * A JSON string literal in which no character is invisible: JSON.stringify, plus \uXXXX
 * escapes for format characters and variation selectors ('❤\uFE0F' → '"❤\\ufe0f"').
 */
export function jsonString(text: string): string {
  return JSON.stringify(text).replace(INVISIBLE_G, (ch) =>
    Array.from({ length: ch.length }, (_, i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
}

/** Bytes as lower-case hex pairs: [0x20, 0x77] → '20 77'. */
export function hexBytes(bytes: ArrayLike<number>): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** UTF-8 length of one code point: 1..4 bytes. */
export function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Characters (Unicode code points, so '🦙' is 1 and '❤️' is 2) and UTF-8 bytes of `text`. */
export function textStats(text: string): { codePoints: number; utf8Bytes: number } {
  let codePoints = 0;
  let utf8Bytes = 0;
  for (const ch of text) {
    codePoints++;
    utf8Bytes += utf8Length(ch);
  }
  return { codePoints, utf8Bytes };
}
