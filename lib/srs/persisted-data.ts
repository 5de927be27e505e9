// The data the app keeps between visits: review progress, the reader's imported cards, settings.
// One JSON shape for IndexedDB and for backup files: Dates are ISO strings, revived by key.

import type { Card } from '../cards/card';
import { emptyProgress, type Progress, type ReviewLogEntry } from './review-session';
import type { CardState } from './scheduler';

/** Bump when the shape changes, and add a migration from the old version to MIGRATIONS. */
export const DATA_VERSION = 2;

export interface Settings {
  /** New review items per review day. */
  dailyNewLimit: number;
  /** Type the answer before revealing it. */
  typedAnswer: boolean;
  /** Local hour at which a review day starts. */
  dayStartHour: number;
}

export interface ImportedDeck {
  name: string;
  fileName?: string;
  importedAt: Date;
}

export interface ImportedData {
  cards: Card[];
  decks: ImportedDeck[];
}

export interface PersistedData {
  progress: Progress;
  imported: ImportedData;
  settings: Settings;
}

export const DEFAULT_SETTINGS: Settings = { dailyNewLimit: 20, typedAnswer: false, dayStartHour: 4 };
/** The most new cards per day a learner can ask for. */
export const MAX_NEW_PER_DAY = 9999;

export function emptyData(): PersistedData {
  return { progress: emptyProgress(), imported: { cards: [], decks: [] }, settings: { ...DEFAULT_SETTINGS } };
}

/** Stored data that is not what this version of the app reads. */
export class StorageFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageFormatError';
  }
}

/** Stored data of another version that cannot be brought to this one. */
export class StorageMigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageMigrationError';
  }
}

export type Migration = (data: unknown) => unknown;
/** MIGRATIONS[n] turns version-n data into version n+1 data. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // 1 → 2: tabs merge item by item against what each last saw (mergeData), so the whole-slice
  // revisions and the list of undone answers are gone.
  1: (data) => {
    if (!isObject(data)) return data;
    const { progress, imported, settings } = data;
    const drop = (v: unknown, key: string) => (isObject(v) ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== key)) : v);
    return { progress: drop(progress, 'undone'), imported: drop(imported, 'rev'), settings: drop(settings, 'rev') };
  },
};

export function migrateData(data: unknown, from: number, to = DATA_VERSION, migrations = MIGRATIONS): PersistedData {
  if (from > to)
    throw new StorageMigrationError(`the saved data is from a newer version of the app (data version ${from}, this app reads ${to})`);
  let out = data;
  for (let v = from; v < to; v++) {
    const step = migrations[v];
    if (!step) throw new StorageMigrationError(`no migration from data version ${v} to ${v + 1}`);
    out = step(out);
  }
  return validateData(out);
}

const DATE_KEYS = new Set(['due', 'last_review', 'review', 'importedAt', 'exportedAt', 'next_due', 'savedAt']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** `JSON.parse` reviver: ISO strings under the known date keys become Dates. */
export function reviveDates(key: string, value: unknown): unknown {
  return DATE_KEYS.has(key) && typeof value === 'string' && ISO_DATE.test(value) ? new Date(value) : value;
}

// ---- validation: every field checked, with the path of the first bad one in the message ----

type Check = (value: unknown, path: string) => void;
const fail = (path: string, what: string): never => {
  throw new StorageFormatError(`${path}: expected ${what}`);
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num: Check = (v, p) => void (typeof v === 'number' && Number.isFinite(v) ? 0 : fail(p, 'a number'));
const str: Check = (v, p) => void (typeof v === 'string' ? 0 : fail(p, 'a string'));
const bool: Check = (v, p) => void (typeof v === 'boolean' ? 0 : fail(p, 'true or false'));
const date: Check = (v, p) => void (v instanceof Date && !Number.isNaN(v.getTime()) ? 0 : fail(p, 'an ISO date'));
const optional =
  (check: Check): Check =>
  (v, p) =>
    void (v === undefined ? 0 : check(v, p));
const oneOf =
  (...values: string[]): Check =>
  (v, p) =>
    void (values.includes(v as string) ? 0 : fail(p, values.join(' | ')));
const array =
  (check: Check): Check =>
  (v, p) =>
    Array.isArray(v) ? v.forEach((x, i) => check(x, `${p}[${i}]`)) : fail(p, 'an array');
const record =
  (check: Check): Check =>
  (v, p) =>
    isObject(v) ? Object.entries(v).forEach(([k, x]) => check(x, `${p}.${k}`)) : fail(p, 'an object');
const shape =
  (fields: Record<string, Check>): Check =>
  (v, p) => {
    if (!isObject(v)) return fail(p, 'an object');
    for (const [k, check] of Object.entries(fields)) check(v[k], `${p}.${k}`);
  };

const int =
  (min: number, max: number): Check =>
  (v, p) =>
    void (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? 0 : fail(p, `a whole number from ${min} to ${max}`));
const range =
  (min: number, max: number): Check =>
  (v, p) =>
    void (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? 0 : fail(p, `a number from ${min} to ${max}`));
const nonEmpty: Check = (v, p) => void (typeof v === 'string' && v.trim() !== '' ? 0 : fail(p, 'a non-empty string'));
const DAYS = 36_500 * 10; // ts-fsrs caps intervals at 36,500 days; room for old data
const deckName: Check = (v, p) => {
  str(v, p);
  if ((v as string).split('::').some((part) => part.trim() === ''))
    fail(p, `a deck name whose parts around "::" are not empty (got "${v}")`);
};
const uniqueBy =
  (key: string): Check =>
  (v, p) => {
    const seen = new Set<unknown>();
    for (const [i, x] of (v as Record<string, unknown>[]).entries()) {
      if (seen.has(x[key])) fail(`${p}[${i}].${key}`, `a unique ${key} ("${String(x[key])}" appears twice)`);
      seen.add(x[key]);
    }
  };
const all =
  (...checks: Check[]): Check =>
  (v, p) =>
    checks.forEach((c) => c(v, p));
const REVIEW_KEY = /^.+#\d+$/; // `<card id>#<ord>`
const reviewKeys: Check = (v, p) => {
  for (const key of Object.keys(v as object)) if (!REVIEW_KEY.test(key)) fail(`${p}.${key}`, 'a review key "<card id>#<number>"');
};
const logKeys: Check = (v, p) => {
  for (const [i, e] of (v as ReviewLogEntry[]).entries()) {
    if (e.key !== `${e.cardId}#${e.ord}`) fail(`${p}[${i}].key`, `"${e.cardId}#${e.ord}" (its cardId and ord), got "${e.key}"`);
  }
};

// Every field within what ts-fsrs accepts: state is New 0 … Relearning 3, ratings Again 1 … Easy 4.
const fsrsFields = {
  due: date,
  stability: range(0, 1e6),
  difficulty: range(0, 10),
  elapsed_days: range(0, DAYS),
  scheduled_days: range(0, DAYS),
  learning_steps: int(0, 1000),
  state: int(0, 3),
};
const cardState = shape({ ...fsrsFields, reps: int(0, 1e9), lapses: int(0, 1e9), last_review: optional(date) });
const logEntry = shape({
  ...fsrsFields,
  rating: int(0, 4),
  last_elapsed_days: range(0, DAYS),
  review: date,
  id: nonEmpty,
  key: nonEmpty,
  cardId: nonEmpty,
  ord: int(0, 1e6),
  next_due: optional(date),
  duration_ms: optional(range(0, 1e9)),
});
const card = shape({
  id: nonEmpty,
  type: oneOf('basic', 'reversed', 'cloze'),
  front: str,
  back: str,
  deck: deckName,
  tags: array(str),
  source: optional(shape({ lesson: str, lessonTitle: str, anchor: str, section: optional(str), file: optional(str), line: optional(num) })),
  srComment: optional(str),
});
const data = shape({
  progress: shape({ states: all(record(cardState), reviewKeys), log: all(array(logEntry), uniqueBy('id'), logKeys) }),
  imported: shape({
    cards: all(array(card), uniqueBy('id')),
    decks: all(array(shape({ name: deckName, fileName: optional(str), importedAt: date })), uniqueBy('name')),
  }),
  settings: shape({ dailyNewLimit: int(0, MAX_NEW_PER_DAY), typedAnswer: bool, dayStartHour: int(0, 23) }),
});

/** Checks revived data (Dates already Dates). Throws `StorageFormatError` naming the bad field. */
export function validateData(value: unknown): PersistedData {
  data(value, 'data');
  return value as PersistedData;
}

// ---- merging what another tab stored with what this tab is about to write ----
//
// Three-way, item by item: `base` is what this tab last read from or wrote to storage, `stored` is
// what storage holds now (other tabs may have written), `incoming` is what this tab wants to write.
// An item this tab changed since `base` (added, edited, removed) takes this tab's version; any other
// item keeps the stored one. When both changed the same item, `resolve` picks (nothing is lost: a
// removal loses to an edit). Review states, log entries, imported cards, decks and settings are the items.

type Keyed<T> = Record<string, T>;

function merge3<T>(base: Keyed<T>, stored: Keyed<T>, incoming: Keyed<T>, resolve: (stored: T, incoming: T) => T): Keyed<T> {
  const out: Keyed<T> = {};
  for (const key of new Set([...Object.keys(stored), ...Object.keys(incoming)])) {
    const [b, s, i] = [base[key], stored[key], incoming[key]];
    let v: T | undefined;
    if (same(i, b)) v = s;
    else if (same(s, b)) v = i;
    else v = s === undefined ? i : i === undefined ? s : resolve(s, i);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

const byKey = <T>(items: readonly T[], key: (t: T) => string): Keyed<T> => Object.fromEntries(items.map((t) => [key(t), t]));
const reviewTime = (s: CardState) => s.last_review?.getTime() ?? Number.NEGATIVE_INFINITY;
const later =
  <T>(time: (t: T) => number) =>
  (s: T, i: T) =>
    time(s) > time(i) ? s : i;

export function mergeProgress(base: Progress, stored: Progress, incoming: Progress): Progress {
  const states = merge3(base.states, stored.states, incoming.states, later(reviewTime));
  const id = (e: ReviewLogEntry) => e.id;
  const log = Object.values(merge3(byKey(base.log, id), byKey(stored.log, id), byKey(incoming.log, id), (_s, i) => i));
  log.sort((a, b) => a.review.getTime() - b.review.getTime() || a.id.localeCompare(b.id));
  return { states, log };
}

export function mergeImported(base: ImportedData, stored: ImportedData, incoming: ImportedData): ImportedData {
  const cardId = (c: Card) => c.id;
  const cards = merge3(byKey(base.cards, cardId), byKey(stored.cards, cardId), byKey(incoming.cards, cardId), (_s, i) => i);
  const name = (d: ImportedDeck) => d.name;
  const decks = merge3(
    byKey(base.decks, name),
    byKey(stored.decks, name),
    byKey(incoming.decks, name),
    later((d) => d.importedAt.getTime()),
  );
  // Stored order first, then what only this tab has.
  const order = (list: string[]) => [...new Set(list)];
  return {
    cards: order([...stored.cards.map(cardId), ...incoming.cards.map(cardId)]).flatMap((k) => (cards[k] ? [cards[k]] : [])),
    decks: order([...stored.decks.map(name), ...incoming.decks.map(name)]).flatMap((k) => (decks[k] ? [decks[k]] : [])),
  };
}

export function mergeData(base: PersistedData, stored: PersistedData, incoming: PersistedData): PersistedData {
  const settings = merge3(
    base.settings as unknown as Keyed<unknown>,
    stored.settings as unknown as Keyed<unknown>,
    incoming.settings as unknown as Keyed<unknown>,
    (_s, i) => i,
  ) as unknown as Settings;
  const merged = {
    progress: mergeProgress(base.progress, stored.progress, incoming.progress),
    imported: mergeImported(base.imported, stored.imported, incoming.imported),
    settings,
  };
  // Keep this tab's objects where nothing changed, so that nothing re-renders or re-saves for nothing.
  return {
    progress: same(merged.progress, incoming.progress) ? incoming.progress : merged.progress,
    imported: same(merged.imported, incoming.imported) ? incoming.imported : merged.imported,
    settings: same(merged.settings, incoming.settings) ? incoming.settings : merged.settings,
  };
}

/** Equal as JSON with sorted keys (Dates as ISO strings); `undefined` equals only `undefined`. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return canonicalJson(a) === canonicalJson(b);
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
