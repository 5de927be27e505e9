// The reader's own Markdown notes → cards. Never throws: anything it cannot use becomes a
// warning with a line number. The syntax is documented for readers in ./SYNTAX.md.

import YAML from 'yaml';
import { deckNameProblem, type Card } from '../cards/card';
import { noteCardId } from '../cards/card-id';
import { assertCloze } from '../cards/cloze';
import { countBlanks, fillHighlights, formatLines, hasHighlight } from './blanks';
import { splitNoteLines, type NoteLine } from './note-lines';
import { RECOGNISERS, type Draft, type NoteContext } from './recognisers';
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
    const paths = decks.map((t) => {
      const name = t
        .split('/')
        .slice(1)
        .map((part) => part.trim())
        .filter(Boolean)
        .join('::');
      const problem = name ? deckNameProblem(name) : null;
      if (problem && report) warn(line, `#${t}: ${problem}; using "${rootDeck}"`);
      return problem || !name ? rootDeck : name;
    });
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
  const ctx: NoteContext = {
    lines,
    get block() {
      return block;
    },
    get previous() {
      return previous;
    },
    emit,
    warn,
    tryCloze,
    consume: (group) => group.forEach((l) => consumed.add(l.no)),
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
    let taken: number | 'skip' | null = null;
    for (const recognise of RECOGNISERS) if ((taken = recognise(line, i, ctx)) !== null) break;
    if (taken === null || taken === 'skip') {
      block.push(line); // text of the paragraph
      continue;
    }
    i += taken;
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
