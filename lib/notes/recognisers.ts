// The card syntaxes of a note (./SYNTAX.md), one recogniser each. parseNote walks the note's text
// lines and offers each line to these in order; the first that takes the line makes a card (or a
// warning) through the context, and says how many following lines it used.

import type { CardType } from '../cards/card';
import { countBlanks, fillBlanks, formatLines, splitAnswers } from './blanks';
import { isListItem, type NoteLine } from './note-lines';

export interface Draft {
  type: CardType;
  front: string;
  back: string;
  line: number; // first line of the card
  end: number; // last line of the card (its SR comment is on it or on the next line)
}

type Group = Array<Pick<NoteLine, 'no' | 'text' | 'scan'>>;

/** What a recogniser sees and can do. */
export interface NoteContext {
  lines: readonly NoteLine[];
  /** Contiguous content lines above, not yet used by a card. */
  block: NoteLine[];
  /** Earlier paragraphs since the last card or heading. */
  previous: NoteLine[][];
  emit(d: Draft): void;
  warn(line: number, message: string): void;
  /** Runs `make`; a ClozeSyntaxError becomes a warning "not a cloze card: …". */
  tryCloze<T>(make: () => T, line: number): T | undefined;
  /** These lines belong to a card (or a failed one): no "blank without an answer" warning for them. */
  consume(lines: Group): void;
}

/**
 * Takes line `i` or not. 'skip': not a card syntax, keep the line as text of the paragraph.
 * A number: the line was used (a card or a warning), plus that many lines after it; the paragraph ends.
 */
export type Recogniser = (line: NoteLine, i: number, ctx: NoteContext) => number | 'skip' | null;

// `front:::back` (reversed) or `front::back` (basic); the first separator wins.
const INLINE_SEPARATOR = /:{2,3}/;
// `? answer` / `>> answer` at the start of a line (after a list marker).
const ANSWER_START = /^(\s*(?:(?:[-*+•]|\d{1,9}[.)])\s+)?)(\?|>>)\s+(?=\S)/;
// ` ? answer` / ` >> answer` inside a line.
const ANSWER_MID = / (\?|>>) +(?=\S)/;
// ` ?` / ` >>` ending a line: a question whose answer follows on the next lines.
const ANSWER_END = /(?:^|\s)(\?|>>)\s*$/;

interface AnswerMarker {
  kind: '?' | '>>';
  where: 'start' | 'mid' | 'end';
  before: string; // the line's text before the marker ('' at the start)
  answer: string;
}

function findAnswer(line: NoteLine): AnswerMarker | undefined {
  const start = ANSWER_START.exec(line.scan);
  if (start) return { kind: start[2] as '?' | '>>', where: 'start', before: '', answer: line.text.slice(start[0].length).trim() };
  const mid = ANSWER_MID.exec(line.scan);
  if (mid) {
    const answer = line.text.slice(mid.index + mid[0].length).trim();
    return { kind: mid[1] as '?' | '>>', where: 'mid', before: line.text.slice(0, mid.index).trimEnd(), answer };
  }
  const end = ANSWER_END.exec(line.scan);
  if (end) return { kind: end[1] as '?' | '>>', where: 'end', before: line.text.slice(0, end.index).trimEnd(), answer: '' };
  return undefined;
}

/** The content lines after line index `i`, up to a blank line, heading, tag line or SR comment. */
function followingLines(lines: readonly NoteLine[], i: number): NoteLine[] {
  const out: NoteLine[] = [];
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j];
    if (l.kind !== 'text' && l.kind !== 'code') break;
    out.push(l);
    if (l.sr) break;
  }
  return out;
}

const texts = (group: readonly Pick<NoteLine, 'text'>[]) => formatLines(group.map((l) => l.text));

/** Obsidian multi-line card: the paragraph above, a line `?` (`??`: reversed), the answer below. */
export const multiLineCard: Recogniser = (line, i, { lines, block, emit, warn }) => {
  const scan = line.scan.trim();
  if (scan !== '?' && scan !== '??') return null;
  const back = followingLines(lines, i);
  if (block.length === 0) warn(line.no, `"${scan}" has no question above it; no card`);
  else if (back.length === 0) warn(line.no, `"${scan}" has no answer below it; no card`);
  else
    emit({ type: scan === '??' ? 'reversed' : 'basic', front: texts(block), back: texts(back), line: block[0].no, end: back.at(-1)!.no });
  return back.length;
};

/** Obsidian single-line card: `front::back`, `front:::back` (reversed). */
export const inlineCard: Recogniser = (line, _i, { emit, warn }) => {
  const sep = INLINE_SEPARATOR.exec(line.scan);
  if (!sep) return null;
  const front = line.text.slice(0, sep.index).trim();
  const back = line.text.slice(sep.index + sep[0].length).trim();
  if (!front || !back) warn(line.no, `"${sep[0]}" needs text on both sides; no card`);
  else emit({ type: sep[0] === ':::' ? 'reversed' : 'basic', front, back, line: line.no, end: line.no });
  return 0;
};

/** The blanks (`____`) of this paragraph, or of the paragraph just above, and the lead paragraph. */
function blankGroup(line: NoteLine, marker: AnswerMarker, { block, previous }: NoteContext): { group: Group; lead?: NoteLine[] } {
  const here = marker.before.trim() ? [{ no: line.no, text: marker.before, scan: line.scan.slice(0, marker.before.length) }] : [];
  const group: Group = [...block, ...here];
  if (countBlanks(group) === 0 && group.length === 0 && previous.length > 0 && countBlanks(previous.at(-1)!) > 0) {
    return { group: previous.at(-1)!, lead: previous.at(-2) };
  }
  return { group, lead: previous.at(-1) };
}

/** Fill in the blanks: `____` in the paragraph, the answers after `>>` or `?`, in order. */
export const blankAnswers: Recogniser = (line, _i, ctx) => {
  const marker = findAnswer(line);
  if (!marker) return null;
  const { group, lead } = blankGroup(line, marker, ctx);
  const blanks = countBlanks(group);
  if (blanks === 0) return null;
  const answers = splitAnswers(marker.answer, blanks);
  if (!marker.answer) ctx.warn(line.no, 'a blank "____" is answered with nothing; no card');
  else if (answers.length !== blanks) ctx.warn(line.no, `${blanks} blanks but ${answers.length} answers ("${marker.answer}"); no card`);
  else {
    const filled = ctx.tryCloze(() => fillBlanks(group, answers), line.no);
    if (filled) {
      // A paragraph ending in `?` or `:` just above a list is the card's question.
      const useLead = lead && isListItem(group[0].text) && /[?:]$/.test(lead.at(-1)!.scan.trim());
      const body = formatLines(filled);
      const front = useLead ? `${texts(lead!)}\n\n${body}` : body;
      ctx.emit({ type: 'cloze', front, back: '', line: (useLead ? lead! : group)[0].no, end: line.no });
    }
  }
  ctx.consume(group);
  return 0;
};

/** `> quote` written as `>> text` at the start of a line, with no blank to answer: text, not a card. */
export const nestedQuote: Recogniser = (line) => {
  const marker = findAnswer(line);
  return marker?.where === 'start' && marker.kind === '>>' ? 'skip' : null;
};

/** `Question ?` (or `>>`) ending a line, the answer on the lines below. */
export const questionAbove: Recogniser = (line, i, { lines, block, emit, warn }) => {
  const marker = findAnswer(line);
  if (marker?.where !== 'end') return null;
  const back = followingLines(lines, i);
  const front = marker.before.trim() ? marker.before : texts(block);
  if (back.length === 0 || !front.trim()) warn(line.no, `question without an answer ("${line.text.trim()}"); no card`);
  else emit({ type: 'basic', front: formatLines([front]), back: texts(back), line: line.no, end: back.at(-1)!.no });
  return back.length;
};

/** `term >> definition`, or `Question? ? answer`, on one line. */
export const inlineAnswer: Recogniser = (line, _i, { emit }) => {
  const marker = findAnswer(line);
  if (marker?.where !== 'mid' || (marker.kind === '?' && !marker.before.trim().endsWith('?'))) return null;
  emit({ type: 'basic', front: formatLines([marker.before]), back: marker.answer, line: line.no, end: line.no });
  return 0;
};

/** A question ending in `?`, then `? answer` at the start of the next line. */
export const answerBelowQuestion: Recogniser = (line, _i, { block, emit }) => {
  const marker = findAnswer(line);
  if (marker?.where !== 'start' || block.length === 0 || !block.at(-1)!.scan.trim().endsWith('?')) return null;
  emit({ type: 'basic', front: texts(block), back: marker.answer, line: block[0].no, end: line.no });
  return 0;
};

/** An answer marker nothing above can use: said, no card. */
export const strayMarker: Recogniser = (line, _i, { warn }) => {
  const marker = findAnswer(line);
  if (!marker) return null;
  warn(line.no, `"${marker.kind}" is not after a question mark or a blank "____"; no card`);
  return 0;
};

/** In order: the first recogniser that takes a line decides what it is. */
export const RECOGNISERS: readonly Recogniser[] = [
  multiLineCard,
  inlineCard,
  blankAnswers,
  nestedQuote,
  questionAbove,
  inlineAnswer,
  answerBelowQuestion,
  strayMarker,
];
