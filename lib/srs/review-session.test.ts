import { describe, expect, it } from 'vitest';
import type { CardProgress } from '../anki/progress';
import { mergeProgress } from './persisted-data';
import type { Card } from '../cards';
import {
  Rating,
  State,
  addDays,
  createScheduler,
  dayKey,
  dayStart,
  dueCounts,
  emptyProgress,
  gradeItem,
  parseReviewKey,
  pickSession,
  progressByItem,
  reviewItems,
  undoGrade,
  type Progress,
  type ReviewItem,
} from './index';

const scheduler = createScheduler({ enableFuzz: false });
const CET = { dayStartHour: 4, utcOffsetMinutes: 60 };
const at = (iso: string) => new Date(iso);

const lessonCard = (lesson: string, id: string, type: Card['type'] = 'basic', front = 'q'): Card => ({
  id: `${lesson}/${id}`,
  type,
  front,
  back: 'a',
  deck: `GPT-2 Pamphlet::${lesson}`,
  tags: [lesson],
  source: { lesson, lessonTitle: lesson, anchor: '' },
});
const noteCard: Card = {
  id: 'note/0123456789abcdef',
  type: 'reversed',
  front: 'wte',
  back: 'token embedding',
  deck: 'notes::gpt2',
  tags: [],
};

const CARDS = [
  lessonCard('tokenization', 'vocab', 'cloze', 'GPT-2 has {{c1::50,257}} tokens: {{c2::50,000}} merges, {{c3::256}} bytes'),
  lessonCard('tokenization', 'bpe'),
  lessonCard('attention', 'why-scale'),
  lessonCard('attention', 'softmax'),
  noteCard,
];
const ITEMS = reviewItems(CARDS);

describe('reviewItems', () => {
  it('one item per Anki card: cloze numbers, both sides of a reversed card', () => {
    expect(ITEMS.map((i) => [i.key, i.ord, i.cloze ?? null, i.reverse ?? false])).toEqual([
      ['tokenization/vocab#0', 0, 1, false],
      ['tokenization/vocab#1', 1, 2, false],
      ['tokenization/vocab#2', 2, 3, false],
      ['tokenization/bpe#0', 0, null, false],
      ['attention/why-scale#0', 0, null, false],
      ['attention/softmax#0', 0, null, false],
      ['note/0123456789abcdef#0', 0, null, false],
      ['note/0123456789abcdef#1', 1, null, true],
    ]);
    expect(parseReviewKey('tokenization/vocab#2')).toEqual({ cardId: 'tokenization/vocab', ord: 2 });
    expect(reviewItems([lessonCard('x', 'broken', 'cloze', '{{c1::never closed')])).toEqual([]);
  });
});

describe('review days', () => {
  const golden: Array<[string, string]> = [
    ['2026-11-28T02:59:59Z', '2026-11-27'], // 03:59 CET: still the previous review day
    ['2026-11-28T03:00:00Z', '2026-11-28'], // 04:00 CET
    ['2026-11-28T22:30:00Z', '2026-11-28'], // 23:30 CET
    ['2026-11-29T02:30:00Z', '2026-11-28'], // 03:30 CET the next morning
  ];
  it.each(golden)('%s is review day %s at a 4 a.m. boundary in CET', (iso, key) => expect(dayKey(at(iso), CET)).toBe(key));

  it('dayStart and addDays', () => {
    expect(dayStart('2026-11-28', CET).toISOString()).toBe('2026-11-28T03:00:00.000Z');
    expect(dayStart('2026-11-28', { dayStartHour: 0, utcOffsetMinutes: -300 }).toISOString()).toBe('2026-11-28T05:00:00.000Z');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

/** Grades items in order at the given times. */
function history(steps: Array<[string, Rating.Again | Rating.Hard | Rating.Good | Rating.Easy, string]>): Progress {
  let p = emptyProgress();
  for (const [key, rating, iso] of steps) {
    const item = ITEMS.find((i) => i.key === key)!;
    p = gradeItem(p, item, rating, at(iso), scheduler).progress;
  }
  return p;
}
const keys = (items: ReviewItem[]) => items.map((i) => i.key);

describe('pickSession', () => {
  const progress = history([
    ['tokenization/bpe#0', Rating.Easy, '2026-11-20T10:00:00Z'], // due 2026-11-28T10:00Z
    ['attention/why-scale#0', Rating.Easy, '2026-11-19T10:00:00Z'], // due 2026-11-27T10:00Z
    ['attention/softmax#0', Rating.Easy, '2026-11-25T10:00:00Z'], // due 2026-12-03
    ['tokenization/vocab#0', Rating.Good, '2026-11-28T08:00:00Z'], // introduced today, learning, due 08:10
  ]);
  const base = { ...CET, newLimit: 3 };

  it('due items first (most overdue first), then new items within what is left of the daily limit', () => {
    const s = pickSession(ITEMS, progress, { ...base, now: at('2026-11-28T12:00:00Z') });
    expect(keys(s.due)).toEqual(['attention/why-scale#0', 'tokenization/vocab#0', 'tokenization/bpe#0']);
    expect(s.newToday).toBe(1);
    // vocab#1 and #2 are buried (vocab#0 was answered today), and note#1 waits behind its sibling note#0
    expect(keys(s.fresh)).toEqual(['note/0123456789abcdef#0']);
    expect(keys(s.queue)).toEqual([...keys(s.due), ...keys(s.fresh)]);
  });

  it('the new-card count starts again on the next review day, at 4 a.m. local time', () => {
    const before = pickSession(ITEMS, progress, { ...base, now: at('2026-11-29T02:59:00Z') });
    const after = pickSession(ITEMS, progress, { ...base, now: at('2026-11-29T03:00:00Z') });
    expect([before.newToday, after.newToday]).toEqual([1, 0]);
    expect(keys(after.fresh)).toEqual(['tokenization/vocab#1', 'note/0123456789abcdef#0']); // one new item per card per day
  });

  it('filters by lesson and by deck (with sub-decks)', () => {
    const now = at('2026-11-28T12:00:00Z');
    expect(keys(pickSession(ITEMS, progress, { ...base, now, filter: { lesson: 'attention' } }).queue)).toEqual(['attention/why-scale#0']);
    expect(keys(pickSession(ITEMS, progress, { ...base, now, filter: { deck: 'notes' } }).queue)).toEqual(['note/0123456789abcdef#0']);
    expect(keys(pickSession(ITEMS, progress, { ...base, now, filter: { deck: 'notes' }, siblings: 'spread' }).queue)).toEqual([
      'note/0123456789abcdef#0',
      'note/0123456789abcdef#1',
    ]);
    expect(pickSession(ITEMS, progress, { ...base, now, filter: { deck: 'note' } }).queue).toEqual([]);
  });

  it("siblings: 'bury' keeps one new item per card; 'spread' keeps all, each card's first items before any second", () => {
    const now = at('2026-11-28T12:00:00Z');
    const fresh = (siblings: 'bury' | 'spread') =>
      keys(pickSession(ITEMS, emptyProgress(), { ...base, newLimit: 99, now, siblings }).fresh);
    expect(fresh('bury')).toEqual([
      'tokenization/vocab#0',
      'tokenization/bpe#0',
      'attention/why-scale#0',
      'attention/softmax#0',
      'note/0123456789abcdef#0',
    ]);
    expect(fresh('spread')).toEqual([
      'tokenization/vocab#0',
      'tokenization/bpe#0',
      'attention/why-scale#0',
      'attention/softmax#0',
      'note/0123456789abcdef#0',
      'tokenization/vocab#1',
      'note/0123456789abcdef#1',
      'tokenization/vocab#2',
    ]);
  });

  it('a limit already used up gives no new items', () => {
    expect(pickSession(ITEMS, progress, { ...base, newLimit: 1, now: at('2026-11-28T12:00:00Z') }).fresh).toEqual([]);
  });
});

describe('grade and undo', () => {
  const item = ITEMS.find((i) => i.key === 'attention/why-scale#0')!;
  const t1 = at('2026-11-28T09:00:00Z');

  it('grading records the new state and a log entry with the item', () => {
    const { progress, entry, undo } = gradeItem(emptyProgress(), item, Rating.Good, t1, scheduler);
    expect(progress.states[item.key]).toMatchObject({ state: State.Learning, last_review: t1 });
    expect(entry).toMatchObject({
      id: 'attention/why-scale#0@2026-11-28T09:00:00.000Z',
      key: item.key,
      cardId: 'attention/why-scale',
      ord: 0,
      rating: Rating.Good,
      state: State.New,
    });
    expect(progress.log).toEqual([entry]);
    expect(undo).toEqual({ key: item.key, previous: null, logId: entry.id });
  });

  it('undo restores the previous state and removes the entry', () => {
    const first = gradeItem(emptyProgress(), item, Rating.Good, t1, scheduler);
    const second = gradeItem(first.progress, item, Rating.Again, at('2026-11-28T09:10:00Z'), scheduler);
    const undone = undoGrade(second.progress, second.undo);
    expect(undone.states).toEqual(first.progress.states);
    expect(undone.log).toEqual(first.progress.log);
    const none = undoGrade(first.progress, first.undo);
    expect(none).toEqual({ states: {}, log: [] });
  });

  it('two answers in the same millisecond get distinct ids', () => {
    const a = gradeItem(emptyProgress(), item, Rating.Good, t1, scheduler);
    const b = gradeItem(a.progress, item, Rating.Good, t1, scheduler);
    expect(b.entry.id).toBe(`${a.entry.id}#2`);
  });

  it('an answer given again after an undo, in the same millisecond, replaces the undone one in a merge', () => {
    const a = gradeItem(emptyProgress(), item, Rating.Good, t1, scheduler);
    const undone = undoGrade(a.progress, a.undo);
    const again = gradeItem(undone, item, Rating.Easy, t1, scheduler);
    const merged = mergeProgress(a.progress, a.progress, again.progress); // storage still holds the undone answer
    expect(merged.log).toEqual([again.entry]);
    expect(merged.log[0].rating).toBe(Rating.Easy);
  });
});

describe('dueCounts', () => {
  it('counts seen items due now, per lesson and per deck', () => {
    const progress = history([
      ['tokenization/bpe#0', Rating.Easy, '2026-11-20T10:00:00Z'],
      ['attention/why-scale#0', Rating.Easy, '2026-11-19T10:00:00Z'],
      ['attention/softmax#0', Rating.Easy, '2026-11-25T10:00:00Z'],
      ['note/0123456789abcdef#1', Rating.Again, '2026-11-28T11:00:00Z'],
    ]);
    expect(dueCounts(ITEMS, progress, at('2026-11-28T12:00:00Z'))).toEqual({
      total: 3,
      byLesson: { tokenization: 1, attention: 1 },
      byDeck: { 'GPT-2 Pamphlet::tokenization': 1, 'GPT-2 Pamphlet::attention': 1, 'notes::gpt2': 1 },
    });
    expect(dueCounts(ITEMS, emptyProgress(), at('2026-11-28T12:00:00Z')).total).toBe(0);
  });
});

describe('progressByItem', () => {
  it('groups states and answers per item, in the shape the Anki exporter reads', () => {
    const progress = history([
      ['tokenization/vocab#2', Rating.Good, '2026-11-28T09:00:00Z'],
      ['tokenization/vocab#2', Rating.Good, '2026-11-28T09:10:00Z'],
      ['note/0123456789abcdef#1', Rating.Easy, '2026-11-28T09:11:00Z'],
    ]);
    const items: CardProgress[] = progressByItem(progress); // type-checked against lib/anki/progress.ts
    expect(items.map((i) => [i.cardId, i.ord, i.logs?.length])).toEqual([
      ['tokenization/vocab', 2, 2],
      ['note/0123456789abcdef', 1, 1],
    ]);
  });
});
