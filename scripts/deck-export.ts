// Export the lesson flashcards to Anki.
//
//   npm run --silent deck:export -- --out gpt2.apkg [--lesson SLUG] [--progress PROGRESS.json]
//   npm run --silent deck:export -- --out gpt2.tsv --tsv
//
// --out FILE         where to write (required)
// --lesson SLUG      only that lesson's cards
// --progress FILE    progress to carry over: the app's backup file (Deck page → Export progress), or
//                    CardProgress[] / { progress: CardProgress[] } (lib/anki/progress.ts); .apkg only.
//                    Without it every card is new.
// --tsv              write Anki's tab-separated import format instead of an .apkg
// --site-url URL     the site's public address, for the "Lesson:" links (default $SITE_URL; none: plain text)
// --now ISO-DATE     timestamp for ids and mtimes, for reproducible output (default: now)
// --tz ZONE          the learner's time zone for due days (Anki's days start at 04:00 local time):
//                    Europe/Berlin, UTC or +01:00 (default: this machine's)
// --content DIR      lessons folder (default content)

import { readFile, writeFile } from 'node:fs/promises';
import initSqlJs from 'sql.js';
import { loadDeck } from '../lib/content/extract-cards';
import { toAnkiNote, writeApkg, writeTsv, type CardProgress } from '../lib/anki';
import { BACKUP_FORMAT, importBackup, progressByItem } from '../lib/srs';
import { UsageError, parseFlags, runCli, utcOffsetFlag } from './cli-flags';

const USAGE =
  'usage: deck:export -- --out FILE [--lesson SLUG] [--progress FILE] [--tsv] [--site-url URL] [--now ISO] [--tz ZONE] [--content DIR]';

/** The app's backup file (what the Backup button writes), or a CardProgress list. */
async function readProgress(file: string): Promise<CardProgress[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(
      `--progress: cannot read ${file} (${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--progress: ${file} is not JSON (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 100)})`);
  }
  if ((json as { format?: unknown })?.format === BACKUP_FORMAT) {
    try {
      return progressByItem(importBackup(text).data.progress);
    } catch (e) {
      throw new UsageError(`--progress: ${file}: ${(e as Error).message}`);
    }
  }
  const list = Array.isArray(json) ? json : (json as { progress?: unknown })?.progress;
  if (!Array.isArray(list) || !list.every((p) => typeof p?.cardId === 'string' && typeof p?.card === 'object')) {
    throw new UsageError(`--progress: ${file} is neither a GPT-2 Pamphlet backup nor a CardProgress list`);
  }
  return list as CardProgress[];
}

runCli(async () => {
  const { values: args } = parseFlags(
    {
      out: { type: 'string' },
      lesson: { type: 'string' },
      progress: { type: 'string' },
      tsv: { type: 'boolean', default: false },
      'site-url': { type: 'string', default: process.env.SITE_URL },
      now: { type: 'string' },
      tz: { type: 'string' },
      content: { type: 'string', default: 'content' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    process.argv.slice(2),
  );
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (!args.out) throw new UsageError(`--out is required (${USAGE})`);
  if (args.tsv && args.progress) throw new UsageError('--progress needs an .apkg: the text format carries no scheduling');
  const now = args.now ? new Date(args.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now must be a date such as 2026-12-01T10:00:00Z, got "${args.now}"`);
  const siteUrl = args['site-url'] || undefined;
  if (siteUrl && !/^https?:\/\/[^/]/.test(siteUrl))
    throw new UsageError(`--site-url must start with http:// or https://, got "${siteUrl}"`);
  const offset = utcOffsetFlag('tz', args.tz, now);

  let cards = await loadDeck(args.content!);
  if (args.lesson) {
    const lessons = [...new Set(cards.map((c) => c.source?.lesson).filter(Boolean))];
    cards = cards.filter((c) => c.source?.lesson === args.lesson);
    if (!cards.length) throw new UsageError(`--lesson: no cards for lesson '${args.lesson}' (lessons with cards: ${lessons.join(', ')})`);
  }

  if (args.tsv) {
    await writeFile(args.out, writeTsv({ cards, siteUrl }));
  } else {
    const progress = args.progress ? await readProgress(args.progress) : undefined;
    await writeFile(args.out, await writeApkg({ cards, now, progress, siteUrl, sqlJs: await initSqlJs(), utcOffsetMinutes: offset }));
  }
  const ankiCards = cards.reduce((n, c) => n + toAnkiNote(c, siteUrl).ords.length, 0);
  const decks = new Set(cards.map((c) => c.deck)).size;
  console.log(`${args.out}: ${cards.length} notes, ${ankiCards} cards in ${decks} deck(s)`);
  return 0;
});
