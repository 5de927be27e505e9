// Export the lesson flashcards to Anki.
//
//   npm run --silent deck:export -- --out gpt2.apkg [--lesson SLUG] [--progress PROGRESS.json]
//   npm run --silent deck:export -- --out gpt2.tsv --tsv
//
// --out FILE         where to write (required)
// --lesson SLUG      only that lesson's cards
// --progress FILE    FSRS progress to carry over (JSON: CardProgress[] or { progress: CardProgress[] },
//                    see lib/anki/progress.ts); .apkg only. Without it every card is new.
// --tsv              write Anki's tab-separated import format instead of an .apkg
// --base-url URL     site the "Lesson:" links point to (default http://localhost:3000)
// --now ISO-DATE     timestamp for ids and mtimes, for reproducible output (default: now)
// --content DIR      lessons folder (default content)

import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import initSqlJs from 'sql.js';
import { loadDeck } from '../lib/content/extract-cards';
import { AnkiExportError, DEFAULT_BASE_URL, toAnkiNote, writeApkg, writeTsv, type CardProgress } from '../lib/anki';

const USAGE = 'usage: deck:export -- --out FILE [--lesson SLUG] [--progress FILE] [--tsv] [--base-url URL] [--now ISO] [--content DIR]';

async function readProgress(file: string): Promise<CardProgress[]> {
  const json: unknown = JSON.parse(await readFile(file, 'utf8'));
  const list = Array.isArray(json) ? json : (json as { progress?: unknown })?.progress;
  if (!Array.isArray(list) || !list.every((p) => typeof p?.cardId === 'string' && typeof p?.card === 'object')) {
    throw new Error(`${file}: expected CardProgress[] or { progress: CardProgress[] } (see lib/anki/progress.ts)`);
  }
  return list as CardProgress[];
}

async function main(): Promise<number> {
  const { values: args } = parseArgs({
    options: {
      out: { type: 'string' },
      lesson: { type: 'string' },
      progress: { type: 'string' },
      tsv: { type: 'boolean', default: false },
      'base-url': { type: 'string', default: DEFAULT_BASE_URL },
      now: { type: 'string' },
      content: { type: 'string', default: 'content' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (args.help || !args.out) {
    console[args.help ? 'log' : 'error'](USAGE);
    return args.help ? 0 : 2;
  }
  if (args.tsv && args.progress) throw new Error('--progress needs an .apkg: the text format carries no scheduling');
  const now = args.now ? new Date(args.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now: not a date: ${args.now}`);

  let cards = await loadDeck(args.content);
  if (args.lesson) {
    const lessons = [...new Set(cards.map((c) => c.source?.lesson).filter(Boolean))];
    cards = cards.filter((c) => c.source?.lesson === args.lesson);
    if (!cards.length) throw new Error(`no cards for lesson '${args.lesson}' (lessons with cards: ${lessons.join(', ')})`);
  }

  const baseUrl = args['base-url'];
  if (args.tsv) {
    await writeFile(args.out, writeTsv({ cards, baseUrl }));
  } else {
    const progress = args.progress ? await readProgress(args.progress) : undefined;
    await writeFile(args.out, await writeApkg({ cards, now, progress, baseUrl, sqlJs: await initSqlJs() }));
  }
  const ankiCards = cards.reduce((n, c) => n + toAnkiNote(c, baseUrl).ords.length, 0);
  const decks = new Set(cards.map((c) => c.deck)).size;
  console.log(`${args.out}: ${cards.length} notes, ${ankiCards} cards in ${decks} deck(s)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof AnkiExportError || e instanceof Error ? `deck:export: ${e.message}` : e);
    process.exit(1);
  },
);
