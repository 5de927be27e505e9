import { describe, expect, it } from 'vitest';
import type { Card } from '../cards/card';
import { reviewItems } from './review-items';
import { State } from './scheduler';
import { parseSrComment, stateFromSm2, statesFromSrComments } from './sr-comment';

const at = (iso: string) => new Date(iso);

describe('Obsidian SR comments become FSRS starting states', () => {
  it('parses one entry per item, skipping what does not parse', () => {
    expect(parseSrComment('<!--SR:!2026-01-02,3,250!2026-02-30,1,2!2026-03-01,12,130-->')).toEqual([
      { due: at('2026-01-02T00:00:00Z'), interval: 3, ease: 250 },
      { due: at('2026-03-01T00:00:00Z'), interval: 12, ease: 130 },
    ]);
    expect(parseSrComment('<!--SR:nothing-->')).toEqual([]);
    // years and intervals no schedule has: skipped, so the stored data always passes the validator
    expect(parseSrComment('<!--SR:!0000-01-05,30,250!1000-01-02,30,250!2026-01-02,400000,250-->')).toEqual([]);
  });

  it('interval → stability, ease → difficulty (250 % → 5, clamped to 1 … 10), due and last review', () => {
    const s = stateFromSm2({ due: at('2026-01-02T00:00:00Z'), interval: 3, ease: 250 });
    expect(s).toMatchObject({ stability: 3, difficulty: 5, state: State.Review, scheduled_days: 3, reps: 1, lapses: 0 });
    expect(s.last_review).toEqual(at('2025-12-30T00:00:00Z'));
    expect(stateFromSm2({ due: at('2026-01-02T00:00:00Z'), interval: 30, ease: 130 }).difficulty).toBe(10);
    expect(stateFromSm2({ due: at('2026-01-02T00:00:00Z'), interval: 30, ease: 400 }).difficulty).toBe(1);
  });

  it("maps entries to the card's review items in order (cloze numbers, sides)", () => {
    const cloze: Card = {
      id: 'note/c',
      type: 'cloze',
      front: '{{c1::a}} {{c2::b}}',
      back: '',
      deck: 'd',
      tags: [],
      srComment: '<!--SR:!2026-01-02,3,250!2026-01-09,10,270-->',
    };
    const basic: Card = { id: 'note/b', type: 'basic', front: 'q', back: 'a', deck: 'd', tags: [] };
    const states = statesFromSrComments([cloze, basic]);
    const [c1, c2] = reviewItems([cloze]);
    expect(Object.keys(states)).toEqual([c1.key, c2.key]);
    expect(states[c2.key]).toMatchObject({ stability: 10, due: at('2026-01-09T00:00:00Z') });
  });
});
