// The .apkg writer: lesson cards (and optionally FSRS progress) → a zip holding `collection.anki2`
// (an SQLite collection at schema 11) and `media` (`{}`: no media files). Pure: time comes in as
// `now`, sql.js comes in initialised (Node: `await initSqlJs()`; browser: with `locateFile`).
//
// Ids follow genanki: one counter starting at `now` in ms, notes first then cards, so ids look like
// Anki's creation timestamps and are unique and deterministic for a given `now` and card order.

import { strToU8, zipSync } from 'fflate';
import type { Database, SqlJsStatic } from 'sql.js';
import type { Card } from '@/lib/cards/card';
import { DEFAULT_DECK_ID, dconfJson, decksJson, deckId } from './deck';
import { AnkiExportError } from './errors';
import { fieldChecksum, sortField } from './fields';
import { CLOZE_MODEL, modelJson, type ModelJson } from './models';
import { toAnkiNote, type AnkiNote } from './note';
import { cardScheduling, collectionCreation, progressKey, revlogRows, type CardProgress } from './progress';
import { SCHEMA_11, SCHEMA_VERSION } from './schema';

export interface WriteApkgOptions {
  cards: readonly Card[];
  now: Date;
  /** FSRS state per (card id, ord). Without it every card is new. Entries for absent cards are ignored. */
  progress?: readonly CardProgress[];
  /** The site's public address, for the `Source` links (none without it). */
  siteUrl?: string;
  /** The learner's local time minus UTC in minutes: Anki's days start at 04:00 local time. Default 0. */
  utcOffsetMinutes?: number;
  sqlJs: SqlJsStatic;
}

export const COLLECTION_FILE = 'collection.anki2';
export const MEDIA_FILE = 'media';

export async function writeApkg(opts: WriteApkgOptions): Promise<Uint8Array> {
  const { cards, now, progress = [], siteUrl, sqlJs, utcOffsetMinutes = 0 } = opts;
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new AnkiExportError('invalid `now`');
  const nowS = Math.floor(nowMs / 1000);

  const notes = cards.map((c) => toAnkiNote(c, siteUrl));
  const seen = new Set<string>();
  for (const n of notes) {
    if (seen.has(n.cardId)) throw new AnkiExportError('duplicate card id', n.cardId);
    seen.add(n.cardId);
  }
  const byKey = new Map(progress.map((p) => [progressKey(p.cardId, p.ord ?? 0), p]));
  const used = notes
    .flatMap((n) => n.ords.map((ord) => byKey.get(progressKey(n.cardId, ord))))
    .filter((p): p is CardProgress => p !== undefined);
  const crt = collectionCreation(now, used, utcOffsetMinutes);

  const db = new sqlJs.Database();
  try {
    db.exec(SCHEMA_11);
    insertCollection(db, notes, { nowMs, nowS, crt });
    let nextId = nowMs;
    const noteIds = notes.map(() => nextId++);
    const revlogIds = new Set<number>();
    const insertNote = db.prepare('insert into notes values (?,?,?,?,?,?,?,?,?,?,?)');
    const insertCard = db.prepare('insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)');
    const insertRevlog = db.prepare('insert into revlog values (?,?,?,?,?,?,?,?,?)');
    notes.forEach((note, i) => {
      const tags = note.tags.length ? ` ${note.tags.join(' ')} ` : '';
      const [first] = note.fields;
      insertNote.run([
        noteIds[i],
        note.guid,
        note.model.id,
        nowS,
        -1,
        tags,
        note.fields.join('\x1f'),
        sortField(first),
        fieldChecksum(first),
        0,
        '',
      ]);
    });
    notes.forEach((note, i) => {
      const position = i + 1;
      for (const ord of note.ords) {
        const cid = nextId++;
        const p = byKey.get(progressKey(note.cardId, ord));
        const s = cardScheduling(p?.card, position, crt);
        insertCard.run([
          cid,
          noteIds[i],
          deckId(note.deck),
          ord,
          nowS,
          -1,
          s.type,
          s.queue,
          s.due,
          s.ivl,
          s.factor,
          s.reps,
          s.lapses,
          s.left,
          0,
          0,
          0,
          s.data,
        ]);
        if (p?.logs?.length) {
          for (const r of revlogRows(cid, p.card, p.logs, revlogIds)) {
            insertRevlog.run([r.id, r.cid, r.usn, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type]);
          }
        }
      }
    });
    for (const stmt of [insertNote, insertCard, insertRevlog]) stmt.free();
    const collection = db.export();
    // fflate stamps zip entries with the current time unless told; `now` keeps the bytes reproducible.
    return zipSync({ [COLLECTION_FILE]: collection, [MEDIA_FILE]: strToU8('{}') }, { mtime: now });
  } finally {
    db.close();
  }
}

function insertCollection(db: Database, notes: readonly AnkiNote[], t: { nowMs: number; nowS: number; crt: number }) {
  const models: Record<string, ModelJson> = {};
  for (const n of notes) models[n.model.id] ??= modelJson(n.model, { mod: t.nowS, did: deckId(n.deck) });
  const decks = decksJson(new Set(notes.map((n) => n.deck)), t.nowS);
  const tags = Object.fromEntries([...new Set(notes.flatMap((n) => n.tags))].sort().map((tag) => [tag, 0]));
  const conf = {
    activeDecks: [DEFAULT_DECK_ID],
    curDeck: DEFAULT_DECK_ID,
    curModel: Object.keys(models)[0] ?? String(CLOZE_MODEL.id),
    nextPos: notes.length + 1,
    // v2 scheduler: without this the importer "upgrades" the package from v1 and remaps revlog buttons.
    schedVer: 2,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    dayLearnFirst: false,
  };
  db.run('insert into col values (?,?,?,?,?,?,?,?,?,?,?,?,?)', [
    1,
    t.crt,
    t.nowMs,
    t.nowMs,
    SCHEMA_VERSION,
    0,
    0,
    0,
    JSON.stringify(conf),
    JSON.stringify(models),
    JSON.stringify(decks),
    JSON.stringify(dconfJson()),
    JSON.stringify(tags),
  ]);
}
