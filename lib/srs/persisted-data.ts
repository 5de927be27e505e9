// The data the app keeps between visits: review progress, the reader's imported cards, settings.
// One JSON shape for IndexedDB and for backup files: Dates are ISO strings, revived by key.

import type { Card } from '../cards/card';
import { emptyProgress, type Progress, type ReviewLogEntry } from './review-session';
import type { CardState } from './scheduler';

/** Bump when the shape changes, and add a migration from the old version to MIGRATIONS. */
export const DATA_VERSION = 1;

export interface Settings {
  /** New review items per review day. */
  dailyNewLimit: number;
  /** Type the answer before revealing it. */
  typedAnswer: boolean;
  /** Local hour at which a review day starts. */
  dayStartHour: number;
  /** Incremented on every change; the higher revision wins when two tabs write. */
  rev: number;
}

export interface ImportedDeck {
  name: string;
  fileName?: string;
  importedAt: Date;
}

export interface ImportedData {
  cards: Card[];
  decks: ImportedDeck[];
  /** Incremented on every change; the higher revision wins when two tabs write. */
  rev: number;
}

export interface PersistedData {
  progress: Progress;
  imported: ImportedData;
  settings: Settings;
}

export const DEFAULT_SETTINGS: Settings = { dailyNewLimit: 20, typedAnswer: false, dayStartHour: 4, rev: 0 };

export function emptyData(): PersistedData {
  return { progress: emptyProgress(), imported: { cards: [], decks: [], rev: 0 }, settings: { ...DEFAULT_SETTINGS } };
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
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export function migrateData(data: unknown, from: number, to = DATA_VERSION, migrations = MIGRATIONS): PersistedData {
  if (from > to) throw new StorageMigrationError(`the saved data is from a newer version of the app (data version ${from}, this app reads ${to})`);
  let out = data;
  for (let v = from; v < to; v++) {
    const step = migrations[v];
    if (!step) throw new StorageMigrationError(`no migration from data version ${v} to ${v + 1}`);
    out = step(out);
  }
  return validateData(out);
}

const DATE_KEYS = new Set(['due', 'last_review', 'review', 'importedAt', 'exportedAt']);
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
const optional = (check: Check): Check => (v, p) => void (v === undefined ? 0 : check(v, p));
const oneOf = (...values: string[]): Check => (v, p) => void (values.includes(v as string) ? 0 : fail(p, values.join(' | ')));
const array = (check: Check): Check => (v, p) => (Array.isArray(v) ? v.forEach((x, i) => check(x, `${p}[${i}]`)) : fail(p, 'an array'));
const record = (check: Check): Check => (v, p) => (isObject(v) ? Object.entries(v).forEach(([k, x]) => check(x, `${p}.${k}`)) : fail(p, 'an object'));
const shape = (fields: Record<string, Check>): Check => (v, p) => {
  if (!isObject(v)) return fail(p, 'an object');
  for (const [k, check] of Object.entries(fields)) check(v[k], `${p}.${k}`);
};

const fsrsFields = { due: date, stability: num, difficulty: num, elapsed_days: num, scheduled_days: num, learning_steps: num, state: num };
const cardState = shape({ ...fsrsFields, reps: num, lapses: num, last_review: optional(date) });
const logEntry = shape({
  ...fsrsFields,
  rating: num,
  last_elapsed_days: num,
  review: date,
  id: str,
  key: str,
  cardId: str,
  ord: num,
});
const card = shape({
  id: str,
  type: oneOf('basic', 'reversed', 'cloze'),
  front: str,
  back: str,
  deck: str,
  tags: array(str),
  source: optional(shape({ lesson: str, lessonTitle: str, anchor: str, section: optional(str), file: optional(str), line: optional(num) })),
  srComment: optional(str),
});
const data = shape({
  progress: shape({ states: record(cardState), log: array(logEntry), undone: array(str) }),
  imported: shape({ cards: array(card), decks: array(shape({ name: str, fileName: optional(str), importedAt: date })), rev: num }),
  settings: shape({ dailyNewLimit: num, typedAnswer: bool, dayStartHour: num, rev: num }),
});

/** Checks revived data (Dates already Dates). Throws `StorageFormatError` naming the bad field. */
export function validateData(value: unknown): PersistedData {
  data(value, 'data');
  return value as PersistedData;
}

// ---- merging what another tab stored with what this tab is about to write ----

/** Per item the state with the later `last_review` wins; logs are the union by id minus undone ones. */
export function mergeProgress(stored: Progress, incoming: Progress): Progress {
  const undone = [...new Set([...stored.undone, ...incoming.undone])];
  const dead = new Set(undone);
  const fromUndone = (key: string, s: CardState) => s.last_review !== undefined && dead.has(`${key}@${s.last_review.toISOString()}`);
  const states: Record<string, CardState> = {};
  for (const key of new Set([...Object.keys(stored.states), ...Object.keys(incoming.states)])) {
    const candidates = [incoming.states[key], stored.states[key]].filter((s): s is CardState => !!s && !fromUndone(key, s));
    const best = candidates.reduce<CardState | undefined>((a, b) => (!a || reviewTime(b) > reviewTime(a) ? b : a), undefined);
    if (best) states[key] = best;
  }
  const byId = new Map<string, ReviewLogEntry>();
  for (const e of [...stored.log, ...incoming.log]) if (!dead.has(e.id)) byId.set(e.id, e);
  const log = [...byId.values()].sort((a, b) => a.review.getTime() - b.review.getTime() || a.id.localeCompare(b.id));
  return { states, log, undone };
}

const reviewTime = (s: CardState) => s.last_review?.getTime() ?? Number.NEGATIVE_INFINITY;

export function mergeData(stored: PersistedData, incoming: PersistedData): PersistedData {
  return {
    progress: mergeProgress(stored.progress, incoming.progress),
    imported: stored.imported.rev > incoming.imported.rev ? stored.imported : incoming.imported,
    settings: stored.settings.rev > incoming.settings.rev ? stored.settings : incoming.settings,
  };
}
