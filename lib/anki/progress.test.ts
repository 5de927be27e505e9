// FSRS progress → Anki scheduling, driven by real ts-fsrs reviews at fixed times.
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { Rating, State, createEmptyCard, fsrs, generatorParameters, type Card as FsrsCard, type Grade, type ReviewLog } from 'ts-fsrs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CARDS } from '@/test/fixtures/anki-cards';
import { noteGuid } from './guid';
import { writeApkg } from './package';
import {
  ankiDayStart,
  cardScheduling,
  collectionCreation,
  revlogRows,
  type CardProgress,
  type FsrsCardState,
  type FsrsReviewLog,
} from './progress';
import { readApkg, type ApkgContents, type Row } from './read-apkg';

const f = fsrs(generatorParameters({ enable_fuzz: false }));
const MIN = 60_000;
const DAY = 86_400_000;
const T0 = Date.parse('2025-02-01T09:00:00Z');
const NOW = new Date('2025-03-01T12:00:00Z');

/** Answers `grades` at the given times, returning the final state and logs. */
function study(answers: [number, Grade][]): { card: FsrsCard; logs: ReviewLog[] } {
  let card = createEmptyCard(new Date(answers[0][0]));
  const logs: ReviewLog[] = [];
  for (const [at, grade] of answers) {
    const r = f.next(card, new Date(at), grade);
    card = r.card;
    logs.push(r.log);
  }
  return { card, logs };
}

// Compile-time check: ts-fsrs's own objects fit the input types.
const asInput = (r: { card: FsrsCard; logs: ReviewLog[] }): { card: FsrsCardState; logs: FsrsReviewLog[] } => r;

const review = asInput(
  study([
    [T0, Rating.Good],
    [T0 + 10 * MIN, Rating.Good],
    [T0 + 3 * DAY, Rating.Good],
  ]),
);
const learning = asInput(study([[NOW.getTime() - 2 * MIN, Rating.Again]]));
const relearning = asInput(
  study([
    [T0, Rating.Easy],
    [T0 + 20 * DAY, Rating.Again],
  ]),
);
const overdue = asInput(study([[T0, Rating.Easy]]));

const PROGRESS: CardProgress[] = [
  { cardId: 'tokenization/vocab-size', ord: 0, ...review },
  { cardId: 'tokenization/vocab-size', ord: 2, ...learning },
  { cardId: 'attention/scaling', ...relearning },
  { cardId: 'architecture/ln-1', ord: 1, ...overdue },
  { cardId: 'not/in-this-export', ...review },
];

let sqlJs: SqlJsStatic;
let pkg: ApkgContents;

beforeAll(async () => {
  sqlJs = await initSqlJs();
  pkg = readApkg(await writeApkg({ cards: FIXTURE_CARDS, now: NOW, progress: PROGRESS, sqlJs }), sqlJs);
});

const cardOf = (cardId: string, ord = 0): Row => {
  const nid = pkg.notes.find((n) => n.guid === noteGuid(cardId))!.id;
  return pkg.cards.find((c) => c.nid === nid && c.ord === ord)!;
};
const crt = () => Number(pkg.col.crt);
const dayOf = (d: Date) => Math.floor((d.getTime() / 1000 - crt()) / 86_400);

describe('collection creation time', () => {
  it('is the start of the earliest Anki day in the package, so day numbers are never negative', () => {
    expect(crt()).toBe(ankiDayStart(T0 / 1000));
    expect(crt()).toBe(Date.parse('2025-02-01T04:00:00Z') / 1000);
    for (const c of pkg.cards) if (c.queue === 2 || c.queue === 3) expect(Number(c.due)).toBeGreaterThanOrEqual(0);
  });

  it('is today without progress', () => {
    expect(collectionCreation(NOW)).toBe(Date.parse('2025-03-01T04:00:00Z') / 1000);
    expect(collectionCreation(new Date('2025-03-01T03:59:00Z'))).toBe(Date.parse('2025-02-28T04:00:00Z') / 1000);
  });
});

describe('card columns', () => {
  it('review: type 2, queue 2, due in days since crt, ivl, ease, FSRS memory in data', () => {
    const c = cardOf('tokenization/vocab-size', 0);
    expect(review.card.state).toBe(State.Review);
    expect(c).toMatchObject({
      type: 2,
      queue: 2,
      due: dayOf(review.card.due as Date),
      ivl: review.card.scheduled_days,
      factor: 2500,
      reps: 3,
      lapses: 0,
      left: 0,
    });
    expect(JSON.parse(String(c.data))).toEqual({
      pos: 1,
      s: Math.round(review.card.stability * 1000) / 1000,
      d: Math.round(review.card.difficulty * 1000) / 1000,
    });
  });

  it('learning: type 1, queue 1, due as epoch seconds', () => {
    const c = cardOf('tokenization/vocab-size', 2);
    expect(learning.card.state).toBe(State.Learning);
    // Again on a new card: at the first of ts-fsrs's two steps (1m, 10m), so two left today and two to
    // graduate, written today × 1000 + to graduate as Anki does.
    expect(c).toMatchObject({ type: 1, queue: 1, due: Math.floor((learning.card.due as Date).getTime() / 1000), ivl: 0, left: 2002 });
    expect(Object.keys(JSON.parse(String(c.data)))).toEqual(['pos', 's', 'd']);
  });

  it('relearning: type 3, queue 1, one lapse', () => {
    const c = cardOf('attention/scaling');
    expect(relearning.card.state).toBe(State.Relearning);
    expect(c).toMatchObject({ type: 3, queue: 1, lapses: 1, factor: 2500 });
    expect(Number(c.ivl)).toBeGreaterThanOrEqual(1);
  });

  it('overdue review cards keep a due day before today', () => {
    const c = cardOf('architecture/ln-1', 1);
    const today = dayOf(NOW);
    expect(c).toMatchObject({ type: 2, queue: 2 });
    expect(Number(c.due)).toBeLessThan(today);
    // After import Anki shifts due by (our day count - its day count): the card stays overdue by as many days.
    expect(today - Number(c.due)).toBe(today - dayOf(overdue.card.due as Date));
  });

  it('cards without progress stay new', () => {
    expect(cardOf('tokenization/vocab-size', 1)).toMatchObject({ type: 0, queue: 0, due: 1, data: '' });
    expect(cardOf('architecture/ln-1', 0)).toMatchObject({ type: 0, queue: 0, due: 3 });
  });
});

describe('revlog', () => {
  it('has one row per answer, keyed by answer time, pointing at the right card', () => {
    expect(pkg.revlog).toHaveLength(3 + 1 + 2 + 1);
    const cid = cardOf('tokenization/vocab-size', 0).id;
    const rows = pkg.revlog.filter((r) => r.cid === cid);
    expect(rows.map((r) => r.id)).toEqual([T0, T0 + 10 * MIN, T0 + 3 * DAY]);
    expect(rows.map((r) => r.ease)).toEqual([3, 3, 3]);
    // type from the state before each answer: new, learning → 0; review → 1.
    expect(rows.map((r) => r.type)).toEqual([0, 0, 1]);
    // Good on a new card → a 10-minute step (negative seconds); then days.
    expect(rows[0].ivl).toBe(-600);
    expect(rows[1].ivl).toBe(review.logs[2].scheduled_days);
    expect(rows[2].ivl).toBe(review.card.scheduled_days);
    expect(rows.map((r) => r.lastIvl)).toEqual([0, rows[0].ivl, rows[1].ivl]);
    expect(rows.map((r) => r.factor)).toEqual([0, 0, 2500]);
    expect(rows.every((r) => r.usn === -1 && r.time === 0)).toBe(true);
  });

  it('records a lapse as a review answered Again, followed by relearning', () => {
    const cid = cardOf('attention/scaling').id;
    const rows = pkg.revlog.filter((r) => r.cid === cid);
    expect(rows.map((r) => [r.ease, r.type])).toEqual([
      [4, 0],
      [1, 1],
    ]);
    expect(Number(rows[1].ivl)).toBeLessThan(0);
  });

  it('keeps ids unique and caps answer time like Anki', () => {
    const log: FsrsReviewLog = { ...review.logs[0], duration_ms: 120_000 };
    const used = new Set<number>();
    const a = revlogRows(1, review.card, [log, { ...log, duration_ms: -5 }], used);
    expect(a.map((r) => r.id)).toEqual([T0, T0 + 1]);
    expect(a.map((r) => r.time)).toEqual([60_000, 0]);
  });
});

describe('what the app records, carried into Anki', () => {
  it('the measured answer time goes into revlog.time, and a learning step is its own length', () => {
    // Good on a new card at T0 (a 10-minute step), answered again only 2 hours later.
    const first = f.next(createEmptyCard(new Date(T0)), new Date(T0), Rating.Good);
    const second = f.next(first.card, new Date(T0 + 120 * MIN), Rating.Good);
    const logs: FsrsReviewLog[] = [
      { ...first.log, duration_ms: 7_300, next_due: first.card.due },
      { ...second.log, duration_ms: 4_000, next_due: second.card.due },
    ];
    const rows = revlogRows(1, second.card, logs, new Set());
    expect(rows.map((r) => r.time)).toEqual([7_300, 4_000]);
    expect(rows[0].ivl).toBe(-600); // the 10-minute step, not the 2 hours until the next answer
  });

  it("days start at 04:00 in the learner's time zone", () => {
    const at = Date.parse('2026-06-01T01:30:00Z') / 1000; // 03:30 in Berlin (UTC+2): still the previous Anki day
    expect(new Date(ankiDayStart(at, 120) * 1000).toISOString()).toBe('2026-05-31T02:00:00.000Z');
    expect(new Date(ankiDayStart(at, 0) * 1000).toISOString()).toBe('2026-05-31T04:00:00.000Z');
    expect(new Date(ankiDayStart(at, -300) * 1000).toISOString()).toBe('2026-05-31T09:00:00.000Z'); // New York, EST
    // Tokyo (UTC+9). Now: 05:00 on 2 June local (20:00 UTC on 1 June). A review due at 03:00 on 3 June
    // local is still Anki's 2 June there, so due today; counted in UTC days it would land a day later.
    const now = new Date('2026-06-01T20:00:00Z');
    const due = '2026-06-02T18:00:00Z';
    const daysAhead = (offset: number) => {
      const crt = collectionCreation(now, [], offset);
      return cardScheduling({ ...review.card, due }, 1, crt).due - Math.floor((now.getTime() / 1000 - crt) / 86_400);
    };
    expect(daysAhead(540)).toBe(0);
    expect(daysAhead(0)).toBe(1);
  });
});

describe('cardScheduling', () => {
  it('maps a New state to a new card at its position', () => {
    expect(cardScheduling(createEmptyCard(NOW), 7, 0)).toMatchObject({ type: 0, queue: 0, due: 7 });
  });

  it('puts a learning step of a day or more in the day-learning queue', () => {
    const state: FsrsCardState = { ...learning.card, scheduled_days: 1, due: new Date(NOW.getTime() + DAY) };
    const crtS = ankiDayStart(NOW.getTime() / 1000);
    expect(cardScheduling(state, 1, crtS)).toMatchObject({ type: 1, queue: 3, due: 1 });
  });

  it('accepts dates as ISO strings and epoch ms', () => {
    const iso = { ...review.card, due: (review.card.due as Date).toISOString() };
    const ms = { ...review.card, due: (review.card.due as Date).getTime() };
    expect(cardScheduling(iso, 1, 0)).toEqual(cardScheduling(review.card, 1, 0));
    expect(cardScheduling(ms, 1, 0)).toEqual(cardScheduling(review.card, 1, 0));
  });
});
