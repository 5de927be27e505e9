// Optional FSRS progress → Anki scheduling columns and review log. The input types mirror ts-fsrs's
// `Card` and `ReviewLog` (a ts-fsrs Card or ReviewLog can be passed as is), so the app's SRS store
// only needs to say which card and ordinal each state belongs to.
//
// Anki's meaning of the columns (rslib card/mod.rs, scheduler/answering/*.rs):
//   type  0 new, 1 learning, 2 review, 3 relearning
//   queue 0 new (due = position), 1 learning (due = epoch seconds),
//         2 review and 3 day-learning (due = days since col.crt)
//   data  JSON; FSRS memory state as {"s": stability, "d": difficulty} (storage/card/data.rs)
//   revlog.type  0 learning, 1 review, 2 relearning, 4 manual; ivl > 0 days, < 0 seconds

import { Rating, State, generatorParameters } from 'ts-fsrs';
import { AnkiExportError } from './errors';

export type DateLike = Date | number | string;

/** ts-fsrs `State`: 0 New, 1 Learning, 2 Review, 3 Relearning. */
export type FsrsState = number;
/** ts-fsrs `Rating`: 0 Manual, 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type FsrsRating = number;

/** Scheduling state of one card: the fields of ts-fsrs `Card`. */
export interface FsrsCardState {
  due: DateLike;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps?: number;
  reps: number;
  lapses: number;
  state: FsrsState;
  last_review?: DateLike | null;
}

/** One answer: the fields of ts-fsrs `ReviewLog` (`state`, `scheduled_days`: before the answer). */
export interface FsrsReviewLog {
  rating: FsrsRating;
  state: FsrsState;
  due: DateLike;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  last_elapsed_days?: number;
  scheduled_days: number;
  learning_steps?: number;
  review: DateLike;
  /** Time taken to answer, ms (not in ts-fsrs; 0 when unknown). */
  duration_ms?: number;
  /** When this answer scheduled the card next (not in ts-fsrs, whose `due` is the previous scheduling time). */
  next_due?: DateLike;
}

export interface CardProgress {
  /** `Card.id` of the lesson card. */
  cardId: string;
  /** Anki card ordinal: cloze number - 1, or 0/1 for the two sides of a reversed card. Default 0. */
  ord?: number;
  card: FsrsCardState;
  logs?: readonly FsrsReviewLog[];
}

export interface CardScheduling {
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
  data: string;
}

export interface RevlogRow {
  id: number;
  cid: number;
  usn: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}

const DAY_S = 86_400;
/** Anki's default day cutoff is 04:00 local time (the `rollover` setting). */
const ROLLOVER_S = 4 * 3600;
/** ts-fsrs's (re)learning steps, which the app schedules with: how many steps a learning card has. */
const FSRS = generatorParameters();
/** SM-2's starting ease, in permille; Anki keeps an ease on review cards under FSRS too. */
const INITIAL_FACTOR = 2500;
/** Anki caps recorded answer time at the deck's maxTaken (60 s by default). */
const MAX_TAKEN_MS = 60_000;

export function progressKey(cardId: string, ord = 0): string {
  return `${cardId}\u0000${ord}`;
}

export function toEpochMs(d: DateLike): number {
  const ms = d instanceof Date ? d.getTime() : typeof d === 'number' ? d : Date.parse(d);
  if (!Number.isFinite(ms)) throw new AnkiExportError(`invalid date '${String(d)}'`);
  return ms;
}

const toEpochS = (d: DateLike) => Math.floor(toEpochMs(d) / 1000);

/**
 * Start of the Anki day containing `epochS`: days begin at 04:00 in the learner's time zone
 * (`utcOffsetMinutes`: local time minus UTC, e.g. 60 for CET, -300 for New York in winter).
 */
export function ankiDayStart(epochS: number, utcOffsetMinutes = 0): number {
  const offset = utcOffsetMinutes * 60;
  return Math.floor((epochS + offset - ROLLOVER_S) / DAY_S) * DAY_S + ROLLOVER_S - offset;
}

/**
 * `col.crt`: the start of the earliest Anki day any date in the package falls on (normally today),
 * so that every day number is >= 0. On import Anki shifts day numbers by the difference between
 * this collection's day count and the target's, which keeps the days-from-now of each due date.
 */
export function collectionCreation(now: Date, progress: readonly CardProgress[] = [], utcOffsetMinutes = 0): number {
  let earliest = toEpochS(now);
  for (const p of progress) {
    earliest = Math.min(earliest, toEpochS(p.card.due));
    if (p.card.last_review != null) earliest = Math.min(earliest, toEpochS(p.card.last_review));
    for (const log of p.logs ?? []) earliest = Math.min(earliest, toEpochS(log.review));
  }
  return ankiDayStart(earliest, utcOffsetMinutes);
}

const dayNumber = (d: DateLike, crt: number) => Math.floor((toEpochS(d) - crt) / DAY_S);
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A card as imported without progress: new, in note order. */
export function newCardScheduling(position: number): CardScheduling {
  return { type: 0, queue: 0, due: position, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, data: '' };
}

/** Anki's columns for a card with FSRS state. `position` is its note's new-card position. */
export function cardScheduling(state: FsrsCardState | undefined, position: number, crt: number): CardScheduling {
  if (!state || state.state === State.New) return newCardScheduling(position);
  if (![State.Learning, State.Review, State.Relearning].includes(state.state))
    throw new AnkiExportError(`unknown FSRS state ${state.state}`);
  const memory =
    Number.isFinite(state.stability) && Number.isFinite(state.difficulty) && state.stability > 0
      ? { s: round3(state.stability), d: round3(state.difficulty) }
      : {};
  const common = {
    reps: state.reps,
    lapses: state.lapses,
    data: JSON.stringify({ pos: position, ...memory }), // pos: where "Forget" puts it back
  };
  const days = Math.round(state.scheduled_days);
  if (state.state === State.Review) {
    return { type: 2, queue: 2, due: dayNumber(state.due, crt), ivl: Math.max(1, days), factor: INITIAL_FACTOR, left: 0, ...common };
  }
  // (Re)learning: a step of a day or more lives in the day-learning queue, counted in days.
  const [queue, due] = days >= 1 ? [3, dayNumber(state.due, crt)] : [1, toEpochS(state.due)];
  const relearning = state.state === State.Relearning;
  // `left` = steps left today × 1000 + steps left to graduate, as Anki writes it (the v1 scheduler
  // reads left / 1000 as today's count: a plain 1 would never be shown). The steps are minutes
  // long, so all of them fit in today.
  const steps = (relearning ? FSRS.relearning_steps : FSRS.learning_steps).length;
  const remaining = Math.max(1, steps - (state.learning_steps ?? 0));
  return {
    type: relearning ? 3 : 1,
    queue,
    due,
    ivl: relearning ? Math.max(1, days) : 0,
    factor: relearning ? INITIAL_FACTOR : 0,
    left: remaining * 1000 + remaining,
    ...common,
  };
}

/**
 * Review log rows for one card, oldest first. A log holds the state *before* its answer, so the
 * interval an answer gave is read from the next log (or, for the last one, from the card itself).
 * `usedIds` keeps revlog ids (answer times in ms) unique across the package.
 */
export function revlogRows(cid: number, state: FsrsCardState, logs: readonly FsrsReviewLog[], usedIds: Set<number>): RevlogRow[] {
  const sorted = [...logs].sort((a, b) => toEpochMs(a.review) - toEpochMs(b.review));
  let lastIvl = 0;
  return sorted.map((log, i) => {
    if (![Rating.Manual, Rating.Again, Rating.Hard, Rating.Good, Rating.Easy].includes(log.rating))
      throw new AnkiExportError(`unknown FSRS rating ${log.rating}`);
    const reviewMs = toEpochMs(log.review);
    const next = sorted[i + 1];
    // What this answer scheduled: the next log holds the state it gave; the step's end is `next_due`
    // when the app recorded it (older logs: the next answer's time, or the card's due for the last).
    const untilMs = log.next_due !== undefined ? toEpochMs(log.next_due) : next ? toEpochMs(next.review) : toEpochMs(state.due);
    const after = next
      ? { state: next.state, days: next.scheduled_days, untilMs }
      : { state: state.state, days: state.scheduled_days, untilMs };
    const ivl =
      after.state === State.Review
        ? Math.max(1, Math.round(after.days))
        : after.state === State.New
          ? 0
          : after.days >= 1
            ? Math.round(after.days)
            : // A (re)learning step: its length, in negative seconds.
              -Math.max(1, Math.round((after.untilMs - reviewMs) / 1000));
    const type = log.rating === Rating.Manual ? 4 : log.state === State.Review ? 1 : log.state === State.Relearning ? 2 : 0; // Anki's revlog types
    let id = reviewMs;
    while (usedIds.has(id)) id++;
    usedIds.add(id);
    const row: RevlogRow = {
      id,
      cid,
      usn: -1,
      ease: log.rating,
      ivl,
      lastIvl,
      factor: type === 1 || type === 2 ? INITIAL_FACTOR : 0,
      time: Math.min(MAX_TAKEN_MS, Math.max(0, Math.round(log.duration_ms ?? 0))),
      type,
    };
    lastIvl = ivl;
    return row;
  });
}
