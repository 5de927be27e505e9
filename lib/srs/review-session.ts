// Pure review-session logic over the stored progress: which items to review now, grading with
// undo, and due counts. `now`, the day boundary and the time zone are always parameters.

import { State, type CardState, type Grade, type GradeResult, type ReviewLog, type Scheduler } from './scheduler';
import { parseReviewKey, type ReviewItem } from './review-items';

/** One answer, as ts-fsrs logs it, plus which item it was for. */
export interface ReviewLogEntry extends ReviewLog {
  /** `<key>@<ISO time of the review>`: unique, and the same in every tab. */
  id: string;
  key: string;
  cardId: string;
  ord: number;
  /** When this answer scheduled the item next (ts-fsrs's own `due` is the previous scheduling time). */
  next_due?: Date;
  /** How long the learner took to answer, ms (from showing the card to the grade). */
  duration_ms?: number;
}

export interface Progress {
  /** FSRS state per review item key; items never graded have none. */
  states: Record<string, CardState>;
  /** Every answer, oldest first. */
  log: ReviewLogEntry[];
}

export function emptyProgress(): Progress {
  return { states: {}, log: [] };
}

export interface DayOptions {
  /** Local hour at which a new review day starts (Anki: 4). */
  dayStartHour: number;
  /** Local time minus UTC in minutes, e.g. 60 for CET (`-new Date().getTimezoneOffset()`). */
  utcOffsetMinutes: number;
}

const DAY_MS = 86_400_000;

/** The review day `date` falls in, as 'YYYY-MM-DD' (a review at 02:00 belongs to the day before). */
export function dayKey(date: Date, { dayStartHour, utcOffsetMinutes }: DayOptions): string {
  const shifted = new Date(date.getTime() + utcOffsetMinutes * 60_000 - dayStartHour * 3_600_000);
  return shifted.toISOString().slice(0, 10);
}

/** The instant the review day `key` starts. */
export function dayStart(key: string, { dayStartHour, utcOffsetMinutes }: DayOptions): Date {
  return new Date(Date.parse(`${key}T00:00:00Z`) - utcOffsetMinutes * 60_000 + dayStartHour * 3_600_000);
}

/** The key of the day `n` days after `key`. */
export function addDays(key: string, n: number): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export interface SessionFilter {
  /** A lesson slug (`card.source.lesson`). */
  lesson?: string;
  /** A deck and its sub-decks (`GPT-2 Pamphlet` matches `GPT-2 Pamphlet::Attention`). */
  deck?: string;
}

export function matchesFilter(item: ReviewItem, filter: SessionFilter = {}): boolean {
  if (filter.lesson !== undefined && item.card.source?.lesson !== filter.lesson) return false;
  if (filter.deck !== undefined && item.card.deck !== filter.deck && !item.card.deck.startsWith(`${filter.deck}::`)) return false;
  return true;
}

export function isNew(progress: Progress, key: string): boolean {
  const s = progress.states[key];
  return s === undefined || s.state === State.New;
}

export interface SessionOptions extends DayOptions {
  now: Date;
  /** New items per review day, all decks together (Infinity: no limit). */
  newLimit: number;
  filter?: SessionFilter;
  /**
   * New items of the same card (the blanks of one cloze, the two sides of a reversed card) give
   * each other away when they follow each other. 'bury' (default, as Anki does): at most one new
   * item per card per review day, none once another item of that card was answered that day.
   * 'spread': all of them, every card's first item before any card's second.
   */
  siblings?: 'bury' | 'spread';
}

export interface Session {
  /** Seen items with due ≤ now, most overdue first. */
  due: ReviewItem[];
  /** New items, in card order, within what is left of today's new limit. */
  fresh: ReviewItem[];
  /** due, then fresh. */
  queue: ReviewItem[];
  /** New items already introduced this review day. */
  newToday: number;
}

export function pickSession(items: readonly ReviewItem[], progress: Progress, options: SessionOptions): Session {
  const { now, newLimit, filter } = options;
  const today = dayKey(now, options);
  const answeredToday = progress.log.filter((e) => dayKey(e.review, options) === today);
  const newToday = new Set(answeredToday.filter((e) => e.state === State.New).map((e) => e.key)).size;
  const candidates = items.filter((i) => matchesFilter(i, filter));
  const due = candidates
    .filter((i) => !isNew(progress, i.key) && progress.states[i.key].due.getTime() <= now.getTime())
    .sort((a, b) => progress.states[a.key].due.getTime() - progress.states[b.key].due.getTime() || a.key.localeCompare(b.key));
  const newItems = candidates.filter((i) => isNew(progress, i.key));
  const ordered = options.siblings === 'spread' ? spreadSiblings(newItems) : burySiblings(newItems, answeredToday);
  const fresh = ordered.slice(0, Math.max(0, newLimit - newToday));
  return { due, fresh, queue: [...due, ...fresh], newToday };
}

/** The first new item of each card none of whose items was answered this review day. */
function burySiblings(newItems: readonly ReviewItem[], answeredToday: readonly ReviewLogEntry[]): ReviewItem[] {
  const taken = new Set(answeredToday.map((e) => e.cardId));
  const fresh: ReviewItem[] = [];
  for (const item of newItems) {
    if (taken.has(item.card.id)) continue;
    taken.add(item.card.id);
    fresh.push(item);
  }
  return fresh;
}

/** Round robin over cards: each card's first item in card order, then each card's second, … */
function spreadSiblings(newItems: readonly ReviewItem[]): ReviewItem[] {
  const byCard = new Map<string, ReviewItem[]>();
  for (const item of newItems) {
    const siblings = byCard.get(item.card.id);
    if (siblings) siblings.push(item);
    else byCard.set(item.card.id, [item]);
  }
  const spread: ReviewItem[] = [];
  for (let round = 0; spread.length < newItems.length; round++) {
    for (const siblings of byCard.values()) if (round < siblings.length) spread.push(siblings[round]);
  }
  return spread;
}

/** What `undoGrade` needs to take one answer back. */
export interface UndoRecord {
  key: string;
  /** The state before the answer; null when the item had never been graded. */
  previous: CardState | null;
  logId: string;
}

export interface GradeOutcome {
  progress: Progress;
  entry: ReviewLogEntry;
  undo: UndoRecord;
}

export function gradeItem(
  progress: Progress,
  item: Pick<ReviewItem, 'key' | 'cardId' | 'ord'>,
  rating: Grade,
  now: Date,
  scheduler: Scheduler,
  durationMs?: number,
): GradeOutcome {
  const previous = progress.states[item.key] ?? null;
  return applyGrade(progress, item, scheduler.grade(previous ?? scheduler.newState(now), rating, now), now, durationMs);
}

/** Records an answer whose result is already known (e.g. the one the grade buttons previewed). */
export function applyGrade(
  progress: Progress,
  item: Pick<ReviewItem, 'key' | 'cardId' | 'ord'>,
  { state, log }: GradeResult,
  now: Date,
  durationMs?: number,
): GradeOutcome {
  const previous = progress.states[item.key] ?? null;
  let id = `${item.key}@${now.toISOString()}`;
  const taken = (candidate: string) => progress.log.some((e) => e.id === candidate);
  for (let n = 2; taken(id); n++) id = `${item.key}@${now.toISOString()}#${n}`;
  const duration =
    durationMs !== undefined && Number.isFinite(durationMs) && durationMs >= 0 ? { duration_ms: Math.round(durationMs) } : {};
  const entry: ReviewLogEntry = { ...log, id, key: item.key, cardId: item.cardId, ord: item.ord, next_due: state.due, ...duration };
  return {
    progress: { ...progress, states: { ...progress.states, [item.key]: state }, log: [...progress.log, entry] },
    entry,
    undo: { key: item.key, previous, logId: id },
  };
}

/** Restores the state before the answer and removes its log entry. */
export function undoGrade(progress: Progress, undo: UndoRecord): Progress {
  const states = { ...progress.states };
  const entry = progress.log.find((e) => e.id === undo.logId);
  const current = states[undo.key];
  // Only the state this answer wrote goes back: if another tab answered the item since, its state stays.
  const mine = !entry || current?.last_review?.getTime() === entry.review.getTime();
  if (mine && undo.previous) states[undo.key] = undo.previous;
  else if (mine) delete states[undo.key];
  return {
    states,
    log: progress.log.filter((e) => e.id !== undo.logId),
  };
}

export interface DueCounts {
  total: number;
  /** Lesson slug → due items (lesson cards only). */
  byLesson: Record<string, number>;
  /** Deck → due items (every card). */
  byDeck: Record<string, number>;
}

/** Seen items due at `now` (new items are not counted). */
export function dueCounts(items: readonly ReviewItem[], progress: Progress, now: Date): DueCounts {
  const counts: DueCounts = { total: 0, byLesson: {}, byDeck: {} };
  for (const item of items) {
    if (isNew(progress, item.key) || progress.states[item.key].due.getTime() > now.getTime()) continue;
    counts.total++;
    const lesson = item.card.source?.lesson;
    if (lesson !== undefined) counts.byLesson[lesson] = (counts.byLesson[lesson] ?? 0) + 1;
    counts.byDeck[item.card.deck] = (counts.byDeck[item.card.deck] ?? 0) + 1;
  }
  return counts;
}

/** Per item: its state and answers, shaped like the Anki exporter's `CardProgress` (lib/anki/progress.ts). */
export interface ItemProgress {
  key: string;
  cardId: string;
  ord: number;
  card: CardState;
  logs: ReviewLogEntry[];
}

export function progressByItem(progress: Progress): ItemProgress[] {
  const logs = new Map<string, ReviewLogEntry[]>();
  for (const e of progress.log) logs.set(e.key, [...(logs.get(e.key) ?? []), e]);
  return Object.entries(progress.states).map(([key, card]) => {
    const { cardId, ord } = parseReviewKey(key);
    return { key, cardId, ord, card, logs: logs.get(key) ?? [] };
  });
}
