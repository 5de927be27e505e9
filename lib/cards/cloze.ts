// Anki cloze syntax: `{{cN::answer}}` or `{{cN::answer::hint}}`.
//
// Follows Anki's classic (non-nested) rule: a deletion opens at `{{cN::` and the first `}}`
// after it closes it, so `{{c1::a}}b}}` is the deletion "a" followed by the text "b}}".
// The first `::` inside a deletion separates the answer from the hint. A deletion that
// contains another `{{cN::` is rejected rather than guessed at.

import { ClozeSyntaxError } from './errors';

export interface ClozeText {
  kind: 'text';
  text: string;
}

export interface ClozeDeletion {
  kind: 'deletion';
  /** The cloze number N of `cN` (1-based). Each N is one Anki card. */
  n: number;
  answer: string;
  hint?: string;
  /** Offsets of `{{` and just after `}}` in the source text. */
  start: number;
  end: number;
}

export type ClozeSegment = ClozeText | ClozeDeletion;

const OPEN = /\{\{c(\d+)::/g;
const CLOSE = '}}';
const HINT_SEP = '::';

/** Splits cloze text into plain text and deletions. Throws `ClozeSyntaxError`. */
export function parseCloze(text: string): ClozeSegment[] {
  const segments: ClozeSegment[] = [];
  let pos = 0;
  for (;;) {
    OPEN.lastIndex = pos;
    const open = OPEN.exec(text);
    if (!open) break;
    if (open.index > pos) segments.push({ kind: 'text', text: text.slice(pos, open.index) });
    const bodyStart = open.index + open[0].length;
    const close = text.indexOf(CLOSE, bodyStart);
    if (close < 0) {
      throw new ClozeSyntaxError(`unclosed cloze deletion "${open[0]}…" (no "}}" after it)`, open.index);
    }
    const body = text.slice(bodyStart, close);
    if (/\{\{c\d+::/.test(body)) {
      throw new ClozeSyntaxError(`nested cloze deletions are not supported ("${open[0]}${body}}}")`, open.index);
    }
    const n = Number(open[1]);
    if (n < 1) throw new ClozeSyntaxError(`cloze numbers start at 1, got "c${open[1]}"`, open.index);
    const sep = body.indexOf(HINT_SEP);
    const answer = sep < 0 ? body : body.slice(0, sep);
    const hint = sep < 0 ? '' : body.slice(sep + HINT_SEP.length);
    if (answer.trim() === '') throw new ClozeSyntaxError(`empty cloze deletion "${open[0]}}}"`, open.index);
    segments.push({ kind: 'deletion', n, answer, ...(hint.trim() ? { hint } : {}), start: open.index, end: close + 2 });
    pos = close + CLOSE.length;
  }
  if (pos < text.length) segments.push({ kind: 'text', text: text.slice(pos) });
  return segments;
}

/** True when the text has at least one well-formed deletion (never throws). */
export function isCloze(text: string): boolean {
  try {
    return parseCloze(text).some((s) => s.kind === 'deletion');
  } catch {
    return false;
  }
}

/** The distinct cloze numbers in ascending order, e.g. `[1, 2, 3]`. */
export function clozeNumbers(text: string): number[] {
  const ns = new Set<number>();
  for (const s of parseCloze(text)) if (s.kind === 'deletion') ns.add(s.n);
  return [...ns].sort((a, b) => a - b);
}

/** The answers of card N, in text order. */
export function clozeAnswers(text: string, n: number): string[] {
  return parseCloze(text).flatMap((s) => (s.kind === 'deletion' && s.n === n ? [s.answer] : []));
}

export interface ClozeRenderOptions {
  /** Wraps the active deletion (placeholder or answer), e.g. `(s) => `**${s}**``. Default: identity. */
  mark?: (s: string) => string;
}

const identity = (s: string) => s;

/** Question side of card N: its deletions become `[...]` or `[hint]`, the others show their answer. */
export function renderClozeQuestion(text: string, n: number | 'all', options: ClozeRenderOptions = {}): string {
  const mark = options.mark ?? identity;
  return parseCloze(text)
    .map((s) => {
      if (s.kind === 'text') return s.text;
      return n === 'all' || s.n === n ? mark(`[${s.hint ?? '...'}]`) : s.answer;
    })
    .join('');
}

/** Answer side of card N: every deletion shows its answer; N's deletions go through `mark`. */
export function renderClozeAnswer(text: string, n: number | 'all', options: ClozeRenderOptions = {}): string {
  const mark = options.mark ?? identity;
  return parseCloze(text)
    .map((s) => (s.kind === 'text' ? s.text : n === 'all' || s.n === n ? mark(s.answer) : s.answer))
    .join('');
}

/** Builds one deletion, refusing answers that would break the syntax. */
export function clozeDeletion(n: number, answer: string, hint?: string): string {
  for (const part of [answer, hint ?? '']) {
    if (part.includes(CLOSE) || part.includes(HINT_SEP) || /\{\{c\d+::/.test(part)) {
      throw new ClozeSyntaxError(`cloze answer or hint may not contain "}}", "::" or "{{cN::": "${part}"`, 0);
    }
  }
  if (answer.trim() === '') throw new ClozeSyntaxError('empty cloze answer', 0);
  return `{{c${n}::${answer}${hint ? `${HINT_SEP}${hint}` : ''}}}`;
}
