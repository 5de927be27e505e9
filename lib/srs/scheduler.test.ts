import { get_fuzz_range } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { GRADES, GRADE_NAMES, Rating, State, createScheduler, formatInterval } from './index';

const NOW = new Date('2026-11-28T09:00:00.000Z');
const at = (iso: string) => new Date(iso);
const scheduler = createScheduler({ enableFuzz: false });

describe('scheduler (FSRS-6 defaults, no fuzz)', () => {
  it('a new state is due now and has no last review', () => {
    expect(scheduler.newState(NOW)).toEqual({
      due: NOW,
      stability: 0,
      difficulty: 0,
      elapsed_days: 0,
      scheduled_days: 0,
      reps: 0,
      lapses: 0,
      learning_steps: 0,
      state: State.New,
    });
  });

  it('previews the four grades of a new card', () => {
    const p = scheduler.preview(scheduler.newState(NOW), NOW);
    const rows = GRADES.map((g) => [
      GRADE_NAMES[g],
      p[g].label,
      State[p[g].state.state],
      p[g].state.stability,
      p[g].state.due.toISOString(),
    ]);
    expect(rows).toEqual([
      ['Again', '1m', 'Learning', 0.212, '2026-11-28T09:01:00.000Z'],
      ['Hard', '6m', 'Learning', 1.2931, '2026-11-28T09:06:00.000Z'],
      ['Good', '10m', 'Learning', 2.3065, '2026-11-28T09:10:00.000Z'],
      ['Easy', '8d', 'Review', 8.2956, '2026-12-06T09:00:00.000Z'],
    ]);
    expect(p[Rating.Good].intervalMs).toBe(10 * 60_000);
  });

  it('grades: new → learning → review, with a log of the state before each answer', () => {
    const first = scheduler.grade(scheduler.newState(NOW), Rating.Good, NOW);
    expect(first.state).toMatchObject({ state: State.Learning, reps: 1, last_review: NOW, due: at('2026-11-28T09:10:00.000Z') });
    expect(first.log).toMatchObject({ rating: Rating.Good, state: State.New, review: NOW, stability: 0 });

    const t2 = first.state.due;
    const labels = Object.fromEntries(GRADES.map((g) => [GRADE_NAMES[g], scheduler.preview(first.state, t2)[g].label]));
    expect(labels).toEqual({ Again: '1m', Hard: '6m', Good: '2d', Easy: '4d' });

    const second = scheduler.grade(first.state, Rating.Good, t2);
    expect(second.state).toMatchObject({ state: State.Review, reps: 2, due: at('2026-11-30T09:10:00.000Z') });
    const t3 = second.state.due;
    const next = scheduler.preview(second.state, t3);
    expect(GRADES.map((g) => next[g].label)).toEqual(['10m', '8d', '11d', '19d']);
    expect(next[Rating.Again].state.state).toBe(State.Relearning);
    expect(scheduler.retrievability(second.state, t3)).toBeCloseTo(0.9095, 4);
  });

  it('is pure: same input, same output; the input state is not changed', () => {
    const s = scheduler.newState(NOW);
    const copy = structuredClone(s);
    expect(scheduler.grade(s, Rating.Hard, NOW)).toEqual(scheduler.grade(s, Rating.Hard, NOW));
    expect(s).toEqual(copy);
  });

  it('rejects a rating that is not a grade', () => {
    expect(() => scheduler.grade(scheduler.newState(NOW), Rating.Manual as never, NOW)).toThrow(RangeError);
  });

  it("fuzz (the default) spreads review intervals within FSRS's fuzz range, not learning steps, deterministically", () => {
    const fuzzy = createScheduler();
    expect(fuzzy.grade(fuzzy.newState(NOW), Rating.Good, NOW).state.due).toEqual(at('2026-11-28T09:10:00.000Z'));
    const review = scheduler.grade(scheduler.newState(NOW), Rating.Easy, NOW).state; // 8 days, Review
    const t = review.due;
    const days = (due: Date) => Math.round((due.getTime() - t.getTime()) / 86_400_000);
    const plain = days(scheduler.grade(review, Rating.Good, t).state.due);
    const fuzzed = days(fuzzy.grade(review, Rating.Good, t).state.due);
    const { min_ivl, max_ivl } = get_fuzz_range(plain, 8, 36500);
    expect(fuzzed).toBeGreaterThanOrEqual(min_ivl);
    expect(fuzzed).toBeLessThanOrEqual(max_ivl);
    expect(fuzzy.grade(review, Rating.Good, t)).toEqual(fuzzy.grade(review, Rating.Good, t));
  });
});

describe('formatInterval', () => {
  const m = 60_000;
  const h = 60 * m;
  const d = 24 * h;
  const golden: Array<[number, string]> = [
    [0, '<1m'],
    [29_999, '<1m'],
    [30_000, '1m'],
    [m, '1m'],
    [10 * m, '10m'],
    [59 * m, '59m'],
    [59.6 * m, '1h'],
    [90 * m, '2h'],
    [23 * h, '23h'],
    [23.6 * h, '1d'],
    [d, '1d'],
    [3 * d, '3d'],
    [29 * d, '29d'],
    [30 * d, '1mo'],
    [45 * d, '1.5mo'],
    [330 * d, '11mo'],
    [359 * d, '1y'],
    [365 * d, '1y'],
    [2.5 * 365 * d, '2.5y'],
    [-5 * m, '<1m'],
    [Number.NaN, '<1m'],
  ];
  it.each(golden)('%d ms → %s', (ms, label) => expect(formatInterval(ms)).toBe(label));
});
