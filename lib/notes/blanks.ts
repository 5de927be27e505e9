// The reader's own cloze conventions, turned into Anki deletions:
//   blanks      `like ____ >> PAO`            → `like {{c1::PAO}}` (answers comma-separated, in order)
//   highlights  `the ==query== and ==keys==`  → `the {{c1::query}} and {{c2::keys}}` (Obsidian)
// Positions come from the masked scan text, so blanks and highlights inside inline code never count.

import { clozeDeletion } from '../cards/cloze';
import { LIST_MARKER } from './note-lines';

export interface ScanLine {
  text: string;
  scan: string;
}

const BLANK = /_{3,}/g;
const HIGHLIGHT = /==(?=\S)((?:[^=\n]|=(?!=))+?)(?<=\S)==/g; // a single `=` may sit inside (`==a=b==`)

export function countBlanks(lines: readonly ScanLine[]): number {
  return lines.reduce((n, l) => n + (l.scan.match(BLANK)?.length ?? 0), 0);
}

export function hasHighlight(lines: readonly ScanLine[]): boolean {
  return lines.some((l) => new RegExp(HIGHLIGHT.source).test(l.scan));
}

/** One answer per blank: the whole text for a single blank, else split at `,` + space or `;`. */
export function splitAnswers(answer: string, blanks: number): string[] {
  if (blanks === 1) return [answer.trim()];
  return answer
    .split(/\s*(?:;|,(?=\s))\s*/)
    .map((a) => a.trim())
    .filter(Boolean);
}

/** Replaces the blanks, in order, with c1…cN. Throws `ClozeSyntaxError` for an unusable answer. */
export function fillBlanks(lines: readonly ScanLine[], answers: readonly string[]): string[] {
  let n = 0;
  return lines.map((l) => replaceAt(l, BLANK, () => clozeDeletion(n + 1, answers[n++])));
}

/** Replaces each `==highlight==`, in order, with c1…cN. Throws `ClozeSyntaxError`. */
export function fillHighlights(lines: readonly ScanLine[]): string[] {
  let n = 0;
  return lines.map((l) => replaceAt(l, HIGHLIGHT, (inner) => clozeDeletion(++n, inner)));
}

function replaceAt(line: ScanLine, pattern: RegExp, make: (inner: string) => string): string {
  const re = new RegExp(pattern.source, 'g');
  let out = '';
  let last = 0;
  for (const m of line.scan.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    const inner = m[1] === undefined ? '' : line.text.slice(start + 2, end - 2);
    out += line.text.slice(last, start) + make(inner);
    last = end;
  }
  return out + line.text.slice(last);
}

/** Removes the shared indentation and writes `•` bullets as Markdown `-` bullets. */
export function formatLines(lines: readonly string[]): string {
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? indents.reduce((a, b) => Math.min(a, b)) : 0; // no spread: a note can have 100,000s of lines
  return lines
    .map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length)).trimEnd())
    .map((l) =>
      l.replace(LIST_MARKER, (m, indent: string, marker: string, space: string) => (marker === '•' ? `${indent}-${space || ' '}` : m)),
    )
    .join('\n')
    .trim();
}
