// The one module that talks to ts-fsrs. FSRS-6 with its default parameters; time is always an
// argument, never read from the clock here.

import { Rating, State, createEmptyCard, fsrs, generatorParameters, type Card as FsrsCard, type Grade, type ReviewLog } from 'ts-fsrs';

export { Rating, State };
export type { Grade, ReviewLog };

/** The FSRS memory and due date of one review item (ts-fsrs's `Card`). */
export type CardState = FsrsCard;

export const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];
export const GRADE_NAMES: Readonly<Record<Grade, 'Again' | 'Hard' | 'Good' | 'Easy'>> = {
  [Rating.Again]: 'Again',
  [Rating.Hard]: 'Hard',
  [Rating.Good]: 'Good',
  [Rating.Easy]: 'Easy',
};

export interface SchedulerOptions {
  /** Spread intervals a little so cards learned together do not stay together (default true). */
  enableFuzz?: boolean;
  /** Target probability of recall at the due date (default 0.9). */
  requestRetention?: number;
  /** Longest interval in days (default 36500). */
  maximumIntervalDays?: number;
}

export interface GradePreview {
  state: CardState;
  /** The answer as it would be logged: grading with this preview applies exactly this. */
  log: ReviewLog;
  /** due - now, in ms. */
  intervalMs: number;
  /** Button label, e.g. "10m", "1d", "3.5mo". */
  label: string;
}

export interface GradeResult {
  state: CardState;
  /** The answer as ts-fsrs logs it: `state`, `stability`… are the values before the answer. */
  log: ReviewLog;
}

export interface Scheduler {
  newState(now: Date): CardState;
  preview(state: CardState, now: Date): Record<Grade, GradePreview>;
  grade(state: CardState, rating: Grade, now: Date): GradeResult;
  /** Probability of recall at `now`, 0…1. */
  retrievability(state: CardState, now: Date): number;
}

export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const engine = fsrs(
    generatorParameters({
      enable_fuzz: options.enableFuzz ?? true,
      ...(options.requestRetention !== undefined ? { request_retention: options.requestRetention } : {}),
      ...(options.maximumIntervalDays !== undefined ? { maximum_interval: options.maximumIntervalDays } : {}),
    }),
  );
  return {
    newState: (now) => cleanState(createEmptyCard(now)),
    preview(state, now) {
      const record = engine.repeat(state, now);
      const out = {} as Record<Grade, GradePreview>;
      for (const g of GRADES) {
        const next = cleanState(record[g].card);
        const intervalMs = next.due.getTime() - now.getTime();
        out[g] = { state: next, log: record[g].log, intervalMs, label: formatInterval(intervalMs) };
      }
      return out;
    },
    grade(state, rating, now) {
      if (!GRADES.includes(rating)) throw new RangeError(`not a grade: ${String(rating)} (use Again=1, Hard=2, Good=3, Easy=4)`);
      const { card, log } = engine.next(state, now, rating);
      return { state: cleanState(card), log };
    },
    retrievability: (state, now) => engine.get_retrievability(state, now, false),
  };
}

/** ts-fsrs may leave `last_review: undefined`; stored states have no undefined fields. */
function cleanState(state: CardState): CardState {
  const { last_review, ...rest } = state;
  return last_review ? { ...rest, last_review } : rest;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNITS: Array<{ ms: number; suffix: string; below: number; decimals: number }> = [
  { ms: MINUTE, suffix: 'm', below: 60, decimals: 0 },
  { ms: HOUR, suffix: 'h', below: 24, decimals: 0 },
  { ms: DAY, suffix: 'd', below: 30, decimals: 0 },
  { ms: 30 * DAY, suffix: 'mo', below: 12, decimals: 1 },
  { ms: 365 * DAY, suffix: 'y', below: Number.POSITIVE_INFINITY, decimals: 1 },
];

/** Anki-style interval label: "<1m", "10m", "5h", "3d", "1.5mo", "2y". */
export function formatInterval(ms: number): string {
  if (!(ms >= MINUTE / 2)) return '<1m';
  for (const u of UNITS) {
    const value = Number((ms / u.ms).toFixed(u.decimals));
    if (value < u.below) return `${value}${u.suffix}`;
  }
  return '∞';
}
