// Pure study-UI logic on top of lib/srs: which items a page works on, the session's numbers, the
// next review time, per-lesson progress and the review keys. No React, no clock: `now` is passed in.

import type { Card } from '@/lib/cards/card';
import {
  State,
  addDays,
  dayKey,
  dayStart,
  isNew,
  matchesFilter,
  pickSession,
  reviewItems,
  type DayOptions,
  type Grade,
  type Progress,
  type ReviewItem,
  type Session,
  type SessionFilter,
  type Settings,
} from '@/lib/srs';

/** The review day of the reader's clock: the settings' day start in the browser's time zone. */
export function dayOptions(settings: Pick<Settings, 'dayStartHour'>, now: Date): DayOptions {
  return { dayStartHour: settings.dayStartHour, utcOffsetMinutes: -now.getTimezoneOffset() };
}

/** Lesson cards first, then the reader's imported cards (an imported id never shadows a lesson card). */
export function studyCards(lessonCards: readonly Card[], importedCards: readonly Card[]): Card[] {
  const ids = new Set(lessonCards.map((c) => c.id));
  return [...lessonCards, ...importedCards.filter((c) => !ids.has(c.id))];
}

/** `?lesson=<slug>` or `?deck=<name>` → a session filter (lesson wins when both are given). */
export function parseFilter(params: Pick<URLSearchParams, 'get'>): SessionFilter {
  const lesson = params.get('lesson')?.trim();
  if (lesson) return { lesson };
  const deck = params.get('deck')?.trim();
  return deck ? { deck } : {};
}

/** `?more=1`: the learner asked to study past today's new-card limit ("Study these now"). */
export function parsePastLimit(params: Pick<URLSearchParams, 'get'>): boolean {
  return params.get('more') === '1';
}

/** The review page's address for a filter, past the daily limit or not. */
export function reviewHref({ lesson, deck }: SessionFilter, pastLimit = false): string {
  const q = new URLSearchParams();
  if (lesson) q.set('lesson', lesson);
  else if (deck) q.set('deck', deck);
  if (pastLimit) q.set('more', '1');
  const s = q.toString();
  return s ? `/review/?${s}` : '/review/';
}

/**
 * New items the session may introduce. An end-of-lesson quiz takes every card of the lesson, whatever
 * the daily limit and however many new cards were studied elsewhere today (the reader just read
 * them): no limit. So does a session the learner opened past the limit ("Study these now").
 * Everything else keeps the daily limit.
 */
export function newLimitFor(filter: SessionFilter, settings: Pick<Settings, 'dailyNewLimit'>, pastLimit = false): number {
  return filter.lesson === undefined && !pastLimit ? Math.max(0, Math.floor(settings.dailyNewLimit)) : Infinity;
}

export interface SessionInput {
  items: readonly ReviewItem[];
  progress: Progress;
  settings: Pick<Settings, 'dailyNewLimit' | 'dayStartHour'>;
  filter: SessionFilter;
  now: Date;
  /** Study past today's new-card limit. */
  pastLimit?: boolean;
}

export function studySession({ items, progress, settings, filter, now, pastLimit }: SessionInput): Session {
  // A quiz, or studying past the limit, shows every card, siblings apart; a daily review buries them.
  const siblings = filter.lesson === undefined && !pastLimit ? 'bury' : 'spread';
  const newLimit = newLimitFor(filter, settings, pastLimit);
  return pickSession(items, progress, { now, newLimit, filter, siblings, ...dayOptions(settings, now) });
}

/** New items of the filter that today's limit holds back from `session` (0 past the limit). */
export function heldBackNew(input: SessionInput, session: Pick<Session, 'fresh'>): number {
  if (newLimitFor(input.filter, input.settings, input.pastLimit) === Infinity) return 0;
  let unseen = 0;
  for (const item of input.items) if (matchesFilter(item, input.filter) && isNew(input.progress, item.key)) unseen++;
  return Math.max(0, unseen - session.fresh.length);
}

/** "12 left · 3 due · 9 new" */
export function progressText(session: Pick<Session, 'queue' | 'due' | 'fresh'>): string {
  return `${session.queue.length} left · ${session.due.length} due · ${session.fresh.length} new`;
}

/**
 * When the next item of the filter becomes reviewable: the earliest due date of a seen item after
 * `now`, or, when new items wait behind today's limit, the start of the next review day. Null when
 * there is nothing left to learn.
 */
export function nextReviewAt({ items, progress, settings, filter, now, pastLimit }: SessionInput): Date | null {
  let next: number | null = null;
  let waitingNew = false;
  for (const item of items) {
    if (!matchesFilter(item, filter)) continue;
    if (isNew(progress, item.key)) {
      waitingNew = true;
      continue;
    }
    const due = progress.states[item.key].due.getTime();
    if (due > now.getTime() && (next === null || due < next)) next = due;
  }
  if (waitingNew && newLimitFor(filter, settings, pastLimit) > 0) {
    const options = dayOptions(settings, now);
    const tomorrow = dayStart(addDays(dayKey(now, options), 1), options).getTime();
    if (next === null || tomorrow < next) next = tomorrow;
  }
  return next === null ? null : new Date(next);
}

export interface ItemCounts {
  /** Seen items due at `now`. */
  due: number;
  /** All review items. */
  total: number;
  /** Items answered at least once (not new). */
  reviewed: number;
}

/** Counts over review item keys (a lesson's, passed from the server) and the stored progress. */
export function countItems(keys: readonly string[], progress: Progress, now: Date): ItemCounts {
  let due = 0;
  let reviewed = 0;
  for (const key of keys) {
    const s = progress.states[key];
    if (!s || s.state === State.New) continue;
    reviewed++;
    if (s.due.getTime() <= now.getTime()) due++;
  }
  return { due, total: keys.length, reviewed };
}

/** Review item keys of one lesson's cards (`<id>#<ord>`), in card order. */
export function lessonItemKeys(cards: readonly Card[], lesson: string): string[] {
  return reviewItems(cards.filter((c) => c.source?.lesson === lesson)).map((i) => i.key);
}

export type KeyAction = { kind: 'reveal' } | { kind: 'grade'; grade: Grade } | { kind: 'undo' } | null;

export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focused element is a text field (typing, and its own undo, must win). */
  inTextField: boolean;
  /** The focused element is a button or link (Space activates it natively). */
  onControl: boolean;
}

/** The review shortcuts: Space reveals, 1–4 grade once revealed, U or Ctrl/⌘+Z undoes. */
export function keyAction(e: KeyEventLike, state: { revealed: boolean; hasCard: boolean }): KeyAction {
  if (e.inTextField || e.altKey) return null;
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') return { kind: 'undo' };
  if (e.ctrlKey || e.metaKey) return null;
  if (e.key === 'u' || e.key === 'U') return { kind: 'undo' };
  if (!state.hasCard) return null;
  if (e.key === ' ' && !state.revealed && !e.onControl) return { kind: 'reveal' };
  if (state.revealed && /^[1-4]$/.test(e.key)) return { kind: 'grade', grade: Number(e.key) as Grade };
  return null;
}

/** "9m" style wait plus the clock time, e.g. "in 9m (at 14:32)"; days away: the date. */
export function describeWhen(at: Date, now: Date, formatInterval: (ms: number) => string, locale?: string): string {
  const ms = at.getTime() - now.getTime();
  const sameDay = at.toDateString() === now.toDateString();
  const clock = sameDay
    ? at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
    : at.toLocaleString(locale, { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return `in ${formatInterval(ms)} (${sameDay ? 'at ' : ''}${clock})`;
}

export interface SessionSummary {
  answers: number;
  /** Answers per grade, Again (1) to Easy (4). */
  byGrade: Record<Grade, number>;
}

/** What the learner did since `since` (this visit to the review page), from the review log. */
export function sessionSummary(progress: Pick<Progress, 'log'>, since: Date): SessionSummary {
  const byGrade: Record<Grade, number> = { 1: 0, 2: 0, 3: 0, 4: 0 } as Record<Grade, number>;
  let answers = 0;
  for (const e of progress.log) {
    if (new Date(e.review).getTime() < since.getTime()) continue;
    byGrade[e.rating as Grade] = (byGrade[e.rating as Grade] ?? 0) + 1;
    answers++;
  }
  return { answers, byGrade };
}
