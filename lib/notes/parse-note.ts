// The reader's own Markdown notes → cards. Never throws: anything it cannot use becomes a
// warning with a line number. The syntax is documented for readers in ./SYNTAX.md.

import YAML from 'yaml';
import { deckNameProblem, type Card, type CardType } from '../cards/card';
import { noteCardId } from '../cards/card-id';
import { assertCloze } from '../cards/cloze';
import { countBlanks, fillBlanks, fillHighlights, formatLines, hasHighlight, splitAnswers } from './blanks';
import { isListItem, splitNoteLines, type NoteLine } from './note-lines';
import { sanitizeMarkdown } from './sanitize';

export interface NoteWarning {
  line: number;
  message: string;
}

export interface ParseNoteOptions {
  /** e.g. 'concept-pamphlet.md': its stem is the default deck. */
  fileName?: string;
  /** The deck for cards without a `#flashcards/…` tag (default: the file name's stem, else 'Notes'). */
  defaultDeck?: string;
}

export interface ParsedNote {
  cards: Card[];
  warnings: NoteWarning[];
}

interface Draft {
  type: CardType;
  front: string;
  back: string;
  line: number; // first line of the card
  end: number; // last line of the card (its SR comment is on it or on the next line)
}

// `front:::back` (reversed) or `front::back` (basic); the first separator wins.
const INLINE_SEPARATOR = /:{2,3}/;
// `? answer` / `>> answer` at the start of a line (after a list marker).
const ANSWER_START = /^(\s*(?:(?:[-*+•]|\d{1,9}[.)])\s+)?)(\?|>>)\s+(?=\S)/;
// ` ? answer` / ` >> answer` inside a line.
const ANSWER_MID = / (\?|>>) +(?=\S)/;
// ` ?` / ` >>` ending a line: a question whose answer follows on the next lines.
const ANSWER_END = /(?:^|\s)(\?|>>)\s*$/;

export function parseNote(markdown: string, options: ParseNoteOptions = {}): ParsedNote {
  const warnings: NoteWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ line, message });
  const notText = binaryProblem(markdown);
  if (notText) return { cards: [], warnings: [{ line: 1, message: notText }] };
  // The same question typed on two systems (NFC or NFD) is one card.
  const text = markdown.normalize('NFC');
  const stem = options.fileName
    ?.replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    .normalize('NFC');
  const wanted = options.defaultDeck?.trim().normalize('NFC');
  const deckProblem = wanted ? deckNameProblem(wanted) : null;
  if (deckProblem) warn(1, `deck: ${deckProblem}; using "${stem || 'Notes'}"`);
  const rootDeck = (!deckProblem && wanted) || stem || 'Notes';
  const split = splitNoteLines(text);
  const { lines, frontmatter } = split;
  for (const w of split.warnings) warn(w.line, w.message);
  const at = (no: number): NoteLine | undefined => lines[no - 1];

  let deck = rootDeck;
  const tags = new Set<string>();
  /** The deck a list of tags names (the last `#flashcards/…`), and the other tags. */
  const readTags = (list: readonly string[], line: number, fallback: string, report = true) => {
    const decks = list.filter((t) => t === 'flashcards' || t.startsWith('flashcards/'));
    const paths = decks.map((t) => t.split('/').slice(1).filter(Boolean).join('::') || rootDeck);
    if (decks.length > 1 && report)
      warn(line, `${decks.length} deck tags (${decks.map((t) => `#${t}`).join(', ')}); a card has one deck: "${paths.at(-1)}"`);
    return { deck: paths.at(-1) ?? fallback, other: list.filter((t) => !decks.includes(t)) };
  };
  const applyTags = (list: readonly string[], line: number) => {
    const read = readTags(list, line, deck);
    deck = read.deck;
    for (const t of read.other) tags.add(t);
  };
  if (frontmatter !== undefined)
    applyTags(
      frontmatterTags(frontmatter, (m) => warn(1, m)),
      1,
    );
  // As in Obsidian, a note's tags cover the whole note: cards above its first tag line get it too.
  const firstTags = lines.find((l) => l.kind === 'tags');
  if (firstTags) {
    const read = readTags(firstTags.tags ?? [], firstTags.no, deck, false);
    deck = read.deck;
    for (const t of read.other) tags.add(t);
  }

  const cards: Card[] = [];
  const seen = new Map<string, number>();
  const consumed = new Set<number>();
  const emit = (d: Draft) => {
    const front = sanitizeMarkdown(d.front);
    const back = sanitizeMarkdown(d.back);
    // Tags written at the start of the card's own line apply to that card only.
    const own = at(d.line)?.kind === 'text' ? at(d.line)?.tags : undefined;
    const mine = own ? readTags(own, d.line, deck) : { deck, other: [] };
    const cardDeck = mine.deck;
    const cardTags = [...new Set([...tags, ...mine.other])];
    const id = noteCardId(cardDeck, d.type, front);
    const first = seen.get(id);
    for (let no = d.line; no <= d.end; no++) consumed.add(no);
    if (first !== undefined) return warn(d.line, `same card as on line ${first}; skipped`);
    seen.set(id, d.line);
    const sr = at(d.end)?.sr ?? (at(d.end + 1)?.kind === 'ignored' ? at(d.end + 1)?.sr : undefined);
    cards.push({ id, type: d.type, front, back, deck: cardDeck, tags: cardTags, ...(sr ? { srComment: sr } : {}) });
  };

  let block: NoteLine[] = []; // contiguous content lines not yet used by a card
  let previous: NoteLine[][] = []; // earlier paragraphs since the last card or heading
  const reset = () => {
    block = [];
    previous = [];
  };
  const closeBlock = () => {
    if (block.length === 0) return;
    if (hasHighlight(block)) {
      const texts = tryCloze(() => fillHighlights(block), block[0].no);
      if (texts) emit({ type: 'cloze', front: formatLines(texts), back: '', line: block[0].no, end: block.at(-1)!.no });
      return reset();
    }
    if (block.some((l) => /\{\{c\d+::/.test(l.text))) {
      const text = formatLines(block.map((l) => l.text));
      if (tryCloze(() => assertCloze(text), block[0].no)) {
        emit({ type: 'cloze', front: text, back: '', line: block[0].no, end: block.at(-1)!.no });
      }
      return reset();
    }
    previous.push(block);
    block = [];
  };
  const tryCloze = <T>(make: () => T, line: number): T | undefined => {
    try {
      return make();
    } catch (e) {
      warn(line, `not a cloze card: ${(e as Error).message}`);
      return undefined;
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind === 'frontmatter' || line.kind === 'ignored') continue;
    if (line.kind === 'code') {
      block.push(line);
      continue;
    }
    if (line.kind === 'blank') {
      closeBlock();
      continue;
    }
    if (line.kind !== 'text') {
      closeBlock();
      previous = [];
      if (line.kind === 'tags') applyTags(line.tags ?? [], line.no);
      continue;
    }
    const scan = line.scan.trim();

    // Obsidian multi-line card: front lines, `?` or `??`, back lines up to a blank line.
    if (scan === '?' || scan === '??') {
      const back = followingLines(lines, i);
      if (block.length === 0) warn(line.no, `"${scan}" has no question above it; no card`);
      else if (back.length === 0) warn(line.no, `"${scan}" has no answer below it; no card`);
      else {
        const type = scan === '??' ? 'reversed' : 'basic';
        const front = formatLines(block.map((l) => l.text));
        emit({ type, front, back: formatLines(back.map((l) => l.text)), line: block[0].no, end: back.at(-1)!.no });
      }
      i += back.length;
      reset();
      continue;
    }

    // Obsidian single-line card: `front::back`, `front:::back`.
    const sep = INLINE_SEPARATOR.exec(line.scan);
    if (sep) {
      const front = line.text.slice(0, sep.index).trim();
      const back = line.text.slice(sep.index + sep[0].length).trim();
      if (!front || !back) warn(line.no, `"${sep[0]}" needs text on both sides; no card`);
      else emit({ type: sep[0] === ':::' ? 'reversed' : 'basic', front, back, line: line.no, end: line.no });
      reset();
      continue;
    }

    const marker = findAnswer(line);
    if (!marker) {
      block.push(line);
      continue;
    }

    // The user's blanks: `____` in this paragraph (or the one just before), answered here.
    const here = marker.before.trim() ? [{ no: line.no, text: marker.before, scan: line.scan.slice(0, marker.before.length) }] : [];
    let group: Array<Pick<NoteLine, 'no' | 'text' | 'scan'>> = [...block, ...here];
    let lead = previous.at(-1);
    if (countBlanks(group) === 0 && group.length === 0 && previous.length > 0 && countBlanks(previous.at(-1)!) > 0) {
      group = previous.at(-1)!;
      lead = previous.at(-2);
    }
    const blanks = countBlanks(group);
    if (blanks === 0 && marker.where === 'start' && marker.kind === '>>') {
      block.push(line); // a `>> quote` with no blank to answer is a nested blockquote
      continue;
    }
    if (blanks > 0) {
      const answers = splitAnswers(marker.answer, blanks);
      if (!marker.answer) warn(line.no, 'a blank "____" is answered with nothing; no card');
      else if (answers.length !== blanks) {
        warn(line.no, `${blanks} blanks but ${answers.length} answers ("${marker.answer}"); no card`);
      } else {
        const filled = tryCloze(() => fillBlanks(group, answers), line.no);
        if (filled) {
          const useLead = lead && isListItem(group[0].text) && /[?:]$/.test(lead.at(-1)!.scan.trim());
          const body = formatLines(filled);
          const front = useLead ? `${formatLines(lead!.map((l) => l.text))}\n\n${body}` : body;
          emit({ type: 'cloze', front, back: '', line: (useLead ? lead! : group)[0].no, end: line.no });
        }
      }
      for (const l of group) consumed.add(l.no);
      reset();
      continue;
    }

    if (marker.where === 'end') {
      // `Question ?` with the answer on the following lines.
      const back = followingLines(lines, i);
      const front = marker.before.trim() ? marker.before : formatLines(block.map((l) => l.text));
      if (back.length === 0 || !front.trim()) warn(line.no, `question without an answer ("${line.text.trim()}"); no card`);
      else
        emit({
          type: 'basic',
          front: formatLines([front]),
          back: formatLines(back.map((l) => l.text)),
          line: line.no,
          end: back.at(-1)!.no,
        });
      i += back.length;
    } else if (marker.where === 'mid' && marker.kind === '>>') {
      emit({ type: 'basic', front: formatLines([marker.before]), back: marker.answer, line: line.no, end: line.no });
    } else if (marker.where === 'mid' && marker.before.trim().endsWith('?')) {
      emit({ type: 'basic', front: formatLines([marker.before]), back: marker.answer, line: line.no, end: line.no });
    } else if (marker.where === 'start' && block.length > 0 && block.at(-1)!.scan.trim().endsWith('?')) {
      emit({ type: 'basic', front: formatLines(block.map((l) => l.text)), back: marker.answer, line: block[0].no, end: line.no });
    } else {
      warn(line.no, `"${marker.kind}" is not after a question mark or a blank "____"; no card`);
    }
    reset();
  }
  closeBlock();

  for (const l of lines) {
    if (l.kind === 'text' && !consumed.has(l.no) && countBlanks([l]) > 0) {
      warn(l.no, 'a blank "____" without an answer (add ">> answer" or "? answer"); no card');
    }
  }
  warnings.sort((a, b) => a.line - b.line);
  return { cards, warnings };
}

interface AnswerMarker {
  kind: '?' | '>>';
  where: 'start' | 'mid' | 'end';
  before: string; // the line's text before the marker ('' at the start)
  answer: string;
}

function findAnswer(line: NoteLine): AnswerMarker | undefined {
  const start = ANSWER_START.exec(line.scan);
  if (start) {
    return { kind: start[2] as '?' | '>>', where: 'start', before: '', answer: line.text.slice(start[0].length).trim() };
  }
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

/** A reason the text is not a note but binary data (a NUL byte, or mostly undecodable bytes), or null. */
export function binaryProblem(text: string): string | null {
  const sample = text.slice(0, 65_536);
  if (sample.includes('\u0000')) return 'this is not a text file (it holds binary data, e.g. a NUL byte); no cards';
  const bad = sample.match(/[\uFFFD\u0001-\u0008\u000E-\u001F]/g)?.length ?? 0;
  if (sample.length >= 64 && bad / sample.length > 0.1) return 'this is not a text file (most of it is not readable text); no cards';
  return null;
}

function frontmatterTags(yaml: string, warn: (message: string) => void): string[] {
  try {
    const data: unknown = YAML.parse(yaml);
    const raw = data && typeof data === 'object' ? (data as Record<string, unknown>).tags : undefined;
    const list = typeof raw === 'string' ? raw.split(/[\s,]+/) : Array.isArray(raw) ? raw.map(String) : [];
    return list.map((t) => t.replace(/^#/, '')).filter(Boolean);
  } catch (e) {
    warn(`frontmatter is not valid YAML (${(e as Error).message.split('\n')[0]}); ignored`);
    return [];
  }
}
