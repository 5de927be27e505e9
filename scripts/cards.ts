/**
 * Prints the flashcards in a notes file (or a lesson) as a JSON array:
 *   npm run --silent cards -- notes.md
 *   npm run --silent cards -- content/attention.mdx
 *
 * Each card is { type, front, back, text?, deck, tags }. For a cloze card `text` is the Anki cloze
 * syntax, `front` the text with every deletion hidden and `back` the text with them shown (then
 * the extra text, if any). Notes never fail: their warnings go to stderr as FILE:LINE: message.
 * Exit 0 on success, 1 on a card syntax error in a lesson, 2 on bad usage or a missing file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CardSyntaxError, renderClozeAnswer, renderClozeQuestion, type Card } from '../lib/cards';
import { extractLessonCards } from '../lib/content/extract-cards';
import { parseNote } from '../lib/notes';

import { runCli } from './cli-flags';

const USAGE = 'usage: npm run --silent cards -- FILE.md   (a notes file, or a lesson FILE.mdx)';

export interface CardJson {
  type: Card['type'];
  front: string;
  back: string;
  text?: string;
  deck: string;
  tags: string[];
}

export function cardJson(card: Card): CardJson {
  const { type, deck, tags } = card;
  if (type !== 'cloze') return { type, front: card.front, back: card.back, deck, tags };
  const answer = renderClozeAnswer(card.front, 'all');
  const back = card.back ? `${answer}\n\n${card.back}` : answer;
  return { type, front: renderClozeQuestion(card.front, 'all'), back, text: card.front, deck, tags };
}

async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const file = args[0];
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    process.stderr.write(`cards: cannot read ${file}: ${reason}\n`);
    return 2;
  }
  let cards: Card[];
  if (file.endsWith('.mdx')) {
    try {
      cards = extractLessonCards(file, source);
    } catch (e) {
      if (!(e instanceof CardSyntaxError)) throw e;
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
  } else {
    const parsed = parseNote(source, { fileName: path.basename(file) });
    for (const w of parsed.warnings) process.stderr.write(`${file}:${w.line}: ${w.message}\n`);
    cards = parsed.cards;
  }
  process.stdout.write(JSON.stringify(cards.map(cardJson), null, 2) + '\n');
  return 0;
}

runCli(() => main(process.argv.slice(2)));
