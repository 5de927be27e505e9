// Review statistics for the stats page: answers per day, retention, and the load ahead.

import { addDays, dayKey, dayStart, type DayOptions, type ReviewLogEntry } from './review-session';
import { Rating, State, type CardState } from './scheduler';

export interface DayCount {
  day: string; // 'YYYY-MM-DD', a review day (see dayKey)
  count: number;
}

/** Answers on each of the `days` review days up to and including today, oldest first. */
export function reviewsPerDay(log: readonly ReviewLogEntry[], now: Date, days: number, options: DayOptions): DayCount[] {
  const today = dayKey(now, options);
  const out = Array.from({ length: days }, (_, i) => ({ day: addDays(today, i - days + 1), count: 0 }));
  const index = new Map(out.map((d, i) => [d.day, i]));
  for (const e of log) {
    const i = index.get(dayKey(e.review, options));
    if (i !== undefined) out[i].count++;
  }
  return out;
}

export interface Retention {
  /** Answers to items that were in the Review state (not learning, not new). */
  reviews: number;
  /** Of those, the ones not graded Again. */
  passed: number;
  /** passed / reviews, or null without reviews. */
  rate: number | null;
}

/** True retention: the share of non-Again answers among reviews of items in the Review state. */
export function retention(log: readonly ReviewLogEntry[], since?: Date): Retention {
  const reviews = log.filter((e) => e.state === State.Review && (!since || e.review.getTime() >= since.getTime()));
  const passed = reviews.filter((e) => e.rating !== Rating.Again).length;
  return { reviews: reviews.length, passed, rate: reviews.length ? passed / reviews.length : null };
}

/** Items falling due on each of the next `days` review days; overdue items count for today. */
export function upcomingLoad(states: Readonly<Record<string, CardState>>, now: Date, days: number, options: DayOptions): DayCount[] {
  const today = dayKey(now, options);
  const out = Array.from({ length: days }, (_, i) => ({ day: addDays(today, i), count: 0 }));
  const end = dayStart(addDays(today, days), options).getTime();
  for (const s of Object.values(states)) {
    if (s.state === State.New || s.due.getTime() >= end) continue;
    const key = dayKey(s.due, options);
    const i = key <= today ? 0 : out.findIndex((d) => d.day === key);
    if (i >= 0) out[i].count++;
  }
  return out;
}
