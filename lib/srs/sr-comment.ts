// A schedule carried over from Obsidian's spaced-repetition plugin. It writes
// `<!--SR:!2026-01-02,3,250-->` after a card: per review item (cloze number, or side of a reversed
// card, in order) `!<due date>,<interval in days>,<ease in percent>` of its SM-2 schedule.
// Each becomes the item's FSRS starting state, so a learner moving over keeps their intervals:
//   stability  = the interval (SM-2 schedules where recall is expected near 90 %, which is what
//                FSRS's stability means),
//   difficulty = 5 at the default ease 250 %, one step per 24 points of ease, within FSRS's 1 … 10,
//   due        = the due date (00:00 UTC), last review = due − interval, state Review.

import type { Card } from '../cards/card';
import { reviewItems } from './review-items';
import { State, type CardState } from './scheduler';

const DAY_MS = 86_400_000;
const ENTRY = /!(\d{4}-\d{2}-\d{2}),(\d{1,6}),(\d{1,4})/g;

export interface SrSchedule {
  due: Date;
  interval: number;
  ease: number;
}

/** Due dates taken: a schedule outside these years is a typo, not a review plan. */
const YEARS = [2000, 2200];
/** Longest interval taken, in days (ts-fsrs's own maximum). */
const MAX_INTERVAL = 36_500;

/** The schedules in an SR comment, in item order; entries that do not parse or make no sense are skipped. */
export function parseSrComment(comment: string): SrSchedule[] {
  return [...comment.matchAll(ENTRY)].flatMap(([, date, interval, ease]) => {
    const due = new Date(`${date}T00:00:00Z`);
    const real = !Number.isNaN(due.getTime()) && due.toISOString().startsWith(date); // not 2026-02-30
    const year = due.getUTCFullYear();
    if (!real || year < YEARS[0] || year > YEARS[1] || Number(interval) > MAX_INTERVAL) return [];
    return [{ due, interval: Number(interval), ease: Number(ease) }];
  });
}

export function stateFromSm2({ due, interval, ease }: SrSchedule): CardState {
  const days = Math.max(1, interval);
  return {
    due,
    stability: days,
    difficulty: Math.min(10, Math.max(1, 5 + (250 - ease) / 24)),
    elapsed_days: 0,
    scheduled_days: days,
    learning_steps: 0,
    reps: 1,
    lapses: 0,
    state: State.Review,
    last_review: new Date(due.getTime() - days * DAY_MS),
  };
}

/** Starting states for the review items of imported cards that carry an SR comment. */
export function statesFromSrComments(cards: readonly Card[]): Record<string, CardState> {
  const out: Record<string, CardState> = {};
  for (const card of cards) {
    if (!card.srComment) continue;
    const schedules = parseSrComment(card.srComment);
    reviewItems([card]).forEach((item, k) => {
      if (schedules[k]) out[item.key] = stateFromSm2(schedules[k]);
    });
  }
  return out;
}
