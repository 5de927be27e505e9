import { describe, expect, it } from 'vitest';
import { Rating, State, createScheduler, emptyProgress, gradeItem, retention, reviewsPerDay, upcomingLoad, type Progress } from './index';

const scheduler = createScheduler({ enableFuzz: false });
const UTC4 = { dayStartHour: 4, utcOffsetMinutes: 0 };
const at = (iso: string) => new Date(iso);

function grade(p: Progress, key: string, rating: Rating.Again | Rating.Hard | Rating.Good | Rating.Easy, iso: string): Progress {
  return gradeItem(p, { key, cardId: key.split('#')[0], ord: 0 }, rating, at(iso), scheduler).progress;
}

// a: Easy (→ Review, due 12-06), then Good at 12-06 (a review), then Again at the next due (a lapse).
// b: Good, Good (learning → review on 11-30), then Good at 11-30 (a review).
let p = emptyProgress();
p = grade(p, 'a#0', Rating.Easy, '2026-11-28T09:00:00Z');
p = grade(p, 'b#0', Rating.Good, '2026-11-28T09:00:00Z');
p = grade(p, 'b#0', Rating.Good, '2026-11-28T09:10:00Z');
p = grade(p, 'b#0', Rating.Good, '2026-11-30T09:10:00Z');
p = grade(p, 'a#0', Rating.Good, '2026-12-06T09:00:00Z');
const aDue = p.states['a#0'].due.toISOString();
p = grade(p, 'a#0', Rating.Again, aDue);

describe('review stats', () => {
  it('the history is as described', () => {
    expect(p.log.map((e) => [e.key, State[e.state], Rating[e.rating]])).toEqual([
      ['a#0', 'New', 'Easy'],
      ['b#0', 'New', 'Good'],
      ['b#0', 'Learning', 'Good'],
      ['b#0', 'Review', 'Good'],
      ['a#0', 'Review', 'Good'],
      ['a#0', 'Review', 'Again'],
    ]);
  });

  it('reviews per day, oldest first, including days without reviews; 03:00 counts for the day before', () => {
    const log = [...p.log, { ...p.log[0], id: 'late', review: at('2026-11-29T03:00:00Z') }];
    expect(reviewsPerDay(log, at('2026-11-30T12:00:00Z'), 4, UTC4)).toEqual([
      { day: '2026-11-27', count: 0 },
      { day: '2026-11-28', count: 4 },
      { day: '2026-11-29', count: 0 },
      { day: '2026-11-30', count: 1 },
    ]);
  });

  it('retention counts answers to items in the Review state only', () => {
    expect(retention(p.log)).toEqual({ reviews: 3, passed: 2, rate: 2 / 3 });
    expect(retention(p.log, at('2026-12-01T00:00:00Z'))).toEqual({ reviews: 2, passed: 1, rate: 0.5 });
    expect(retention([])).toEqual({ reviews: 0, passed: 0, rate: null });
  });

  it('upcoming load per day; overdue items count for today', () => {
    const states = {
      overdue: { ...p.states['b#0'], due: at('2026-11-20T12:00:00Z') },
      today: { ...p.states['b#0'], due: at('2026-12-01T03:59:00Z') }, // before 4 a.m. on 12-01: still 11-30
      tomorrow: { ...p.states['b#0'], due: at('2026-12-01T04:00:00Z') },
      later: { ...p.states['b#0'], due: at('2026-12-07T12:00:00Z') },
      new: { ...p.states['b#0'], state: State.New, due: at('2026-11-30T12:00:00Z') },
    };
    expect(upcomingLoad(states, at('2026-11-30T12:00:00Z'), 7, UTC4)).toEqual([
      { day: '2026-11-30', count: 2 },
      { day: '2026-12-01', count: 1 },
      { day: '2026-12-02', count: 0 },
      { day: '2026-12-03', count: 0 },
      { day: '2026-12-04', count: 0 },
      { day: '2026-12-05', count: 0 },
      { day: '2026-12-06', count: 0 },
    ]);
    expect(upcomingLoad(states, at('2026-11-30T12:00:00Z'), 30, UTC4).reduce((n, d) => n + d.count, 0)).toBe(4);
  });
});
