import { describe, expect, it } from 'vitest';
import type { Card } from '@/lib/cards/card';
import {
  DEFAULT_SETTINGS,
  Rating,
  createScheduler,
  emptyProgress,
  formatInterval,
  gradeItem,
  reviewItems,
  type Grade,
  type Progress,
} from '@/lib/srs';
import {
  countItems,
  describeWhen,
  heldBackNew,
  keyAction,
  lessonItemKeys,
  newLimitFor,
  nextReviewAt,
  parseFilter,
  parsePastLimit,
  progressText,
  reviewHref,
  sessionSummary,
  studyCards,
  studySession,
  type KeyEventLike,
} from './study-model';

const scheduler = createScheduler({ enableFuzz: false });
const source = (lesson: string) => ({ lesson, lessonTitle: lesson, anchor: 'a' });
const LESSON: Card[] = [
  {
    id: 'attention/qk',
    type: 'cloze',
    front: 'Scores: {{c1::Q}} times {{c2::K}}',
    back: '',
    deck: 'GPT-2 Pamphlet::Attention',
    tags: [],
    source: source('attention'),
  },
  {
    id: 'attention/why',
    type: 'basic',
    front: 'Why scale?',
    back: 'Variance',
    deck: 'GPT-2 Pamphlet::Attention',
    tags: [],
    source: source('attention'),
  },
  {
    id: 'tokenization/vocab',
    type: 'reversed',
    front: 'vocab',
    back: '50257',
    deck: 'GPT-2 Pamphlet::Tokenization',
    tags: [],
    source: source('tokenization'),
  },
];
const MINE: Card[] = [{ id: 'note/1', type: 'basic', front: 'wte', back: 'token embedding', deck: 'mine::gpt2', tags: [] }];
const items = reviewItems(studyCards(LESSON, MINE));
const NOW = new Date('2026-03-02T10:00:00.000Z');
const settings = { ...DEFAULT_SETTINGS, dayStartHour: 4 };
const utc = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

function graded(keys: string[], rating: Grade = Rating.Good, at = NOW): Progress {
  let p = emptyProgress();
  for (const key of keys)
    p = gradeItem(
      p,
      items.find((i) => i.key === key)!,
      rating,
      at,
      scheduler,
    ).progress;
  return p;
}

describe('studyCards / parseFilter', () => {
  it('puts lesson cards first and never lets an imported id shadow a lesson card', () => {
    const clash = { ...MINE[0], id: 'attention/why', front: 'other' };
    expect(studyCards(LESSON, [...MINE, clash]).map((c) => c.id)).toEqual([
      'attention/qk',
      'attention/why',
      'tokenization/vocab',
      'note/1',
    ]);
  });
  it('reads ?lesson= and ?deck=', () => {
    expect(parseFilter(new URLSearchParams('lesson=attention'))).toEqual({ lesson: 'attention' });
    expect(parseFilter(new URLSearchParams('deck=mine%3A%3Agpt2'))).toEqual({ deck: 'mine::gpt2' });
    expect(parseFilter(new URLSearchParams('lesson=%20&deck='))).toEqual({});
    expect(parseFilter(new URLSearchParams('lesson=a&deck=b'))).toEqual({ lesson: 'a' });
  });
});

describe('studySession', () => {
  it('keeps the daily limit, except for a lesson quiz which takes every new card of its lesson', () => {
    const limited = { ...settings, dailyNewLimit: 2 };
    expect(newLimitFor({}, limited)).toBe(2);
    expect(newLimitFor({ lesson: 'attention' }, limited)).toBe(Infinity);
    const quiz = studySession({ items, progress: emptyProgress(), settings: limited, filter: { lesson: 'attention' }, now: NOW });
    expect(quiz.queue.map((i) => i.key)).toEqual(['attention/qk#0', 'attention/why#0', 'attention/qk#1']); // siblings apart
    const all = studySession({ items, progress: emptyProgress(), settings: limited, filter: {}, now: NOW });
    expect(progressText(all)).toBe('2 left · 0 due · 2 new');
  });
  it('a lesson quiz still offers every new card of its lesson after new cards of other lessons were studied today', () => {
    const limited = { ...settings, dailyNewLimit: 2 };
    const progress = graded(['tokenization/vocab#0', 'note/1#0']); // two new cards today, elsewhere: the daily limit is used up
    expect(progressText(studySession({ items, progress, settings: limited, filter: {}, now: NOW }))).toBe('0 left · 0 due · 0 new');
    const quiz = studySession({ items, progress, settings: limited, filter: { lesson: 'attention' }, now: NOW });
    expect(quiz.queue.map((i) => i.key)).toEqual(['attention/qk#0', 'attention/why#0', 'attention/qk#1']);
  });
  it('studies past the daily limit when asked ("Study these now"), and says how many the limit holds back', () => {
    const limited = { ...settings, dailyNewLimit: 2 };
    const progress = graded(['tokenization/vocab#0', 'note/1#0']); // the limit is used up
    const input = { items, progress, settings: limited, filter: {}, now: NOW };
    const capped = studySession(input);
    expect(capped.queue).toHaveLength(0);
    expect(heldBackNew(input, capped)).toBe(4); // qk#0, qk#1, why#0 and vocab#1 (a sibling of today's vocab#0)
    const more = studySession({ ...input, pastLimit: true });
    expect(more.queue.map((i) => i.key).sort()).toEqual(['attention/qk#0', 'attention/qk#1', 'attention/why#0', 'tokenization/vocab#1']);
    expect(heldBackNew({ ...input, pastLimit: true }, more)).toBe(0);
    expect(newLimitFor({ deck: 'mine::gpt2' }, limited, true)).toBe(Infinity);
    // a deck's own count: only its new cards
    const deckInput = { ...input, filter: { deck: 'GPT-2 Pamphlet::Attention' } };
    expect(heldBackNew(deckInput, studySession(deckInput))).toBe(3);
  });
  it('reads and writes the review address', () => {
    expect(parsePastLimit(new URLSearchParams('deck=a&more=1'))).toBe(true);
    expect(parsePastLimit(new URLSearchParams('deck=a&more=yes'))).toBe(false);
    expect(reviewHref({})).toBe('/review/');
    expect(reviewHref({ deck: 'mine::gpt2 & co' }, true)).toBe('/review/?deck=mine%3A%3Agpt2+%26+co&more=1');
    expect(parseFilter(new URLSearchParams(reviewHref({ deck: 'mine::gpt2 & co' }, true).split('?')[1]))).toEqual({
      deck: 'mine::gpt2 & co',
    });
    expect(reviewHref({ lesson: 'attention' })).toBe('/review/?lesson=attention');
  });
  it('counts an answered new card against today and puts it back when due', () => {
    const progress = graded(['attention/why#0']);
    const later = studySession({ items, progress, settings, filter: {}, now: utc(1) });
    // new: qk#0, vocab#0, note/1#0; their siblings qk#1 and vocab#1 wait for another day
    expect(progressText(later)).toBe('4 left · 1 due · 3 new');
    expect(later.queue[0].key).toBe('attention/why#0');
  });
});

describe('nextReviewAt', () => {
  it('is the earliest future due date of the filter', () => {
    const attention = items.filter((i) => i.card.source?.lesson === 'attention');
    const progress = graded(attention.map((i) => i.key));
    const at = nextReviewAt({ items, progress, settings, filter: { lesson: 'attention' }, now: NOW });
    expect(at?.getTime()).toBe(Math.min(...attention.map((i) => progress.states[i.key].due.getTime())));
    expect(at!.getTime()).toBeGreaterThan(NOW.getTime());
  });
  it('is the next day start when only new cards wait behind the limit', () => {
    const progress = graded(['note/1#0'], Rating.Easy);
    const at = nextReviewAt({ items, progress, settings: { ...settings, dailyNewLimit: 1 }, filter: {}, now: NOW });
    // 04:00 local the next review day; the machine's zone decides the UTC instant, so check the local hour.
    expect(at!.getHours()).toBe(4);
    expect(at!.getTime()).toBeGreaterThan(NOW.getTime());
    expect(at!.getTime() - NOW.getTime()).toBeLessThanOrEqual(86_400_000);
    expect(at!.getTime()).toBeLessThan(progress.states['note/1#0'].due.getTime());
  });
  it('waits for no new card when the daily limit is 0', () => {
    expect(
      nextReviewAt({ items, progress: emptyProgress(), settings: { ...settings, dailyNewLimit: 0 }, filter: {}, now: NOW }),
    ).toBeNull();
  });
  it('is null with nothing left to learn', () => {
    expect(nextReviewAt({ items: [], progress: emptyProgress(), settings, filter: {}, now: NOW })).toBeNull();
  });
});

describe('countItems / lessonItemKeys', () => {
  it('counts due, total and reviewed items of a lesson', () => {
    const keys = lessonItemKeys(LESSON, 'attention');
    expect(keys).toEqual(['attention/qk#0', 'attention/qk#1', 'attention/why#0']);
    const progress = graded(['attention/qk#0', 'attention/why#0']);
    expect(countItems(keys, progress, NOW)).toEqual({ due: 0, total: 3, reviewed: 2 });
    expect(countItems(keys, progress, utc(1))).toEqual({ due: 2, total: 3, reviewed: 2 });
  });
});

describe('keyAction', () => {
  const ev = (key: string, extra: Partial<KeyEventLike> = {}): KeyEventLike => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    inTextField: false,
    onControl: false,
    ...extra,
  });
  const hidden = { revealed: false, hasCard: true };
  const shown = { revealed: true, hasCard: true };
  it.each([
    [ev(' '), hidden, { kind: 'reveal' }],
    [ev(' ', { onControl: true }), hidden, null], // the focused button gets the Space itself
    [ev(' '), shown, null],
    [ev('3'), hidden, null],
    [ev('1'), shown, { kind: 'grade', grade: 1 }],
    [ev('4'), shown, { kind: 'grade', grade: 4 }],
    [ev('5'), shown, null],
    [ev('u'), hidden, { kind: 'undo' }],
    [ev('U'), { revealed: false, hasCard: false }, { kind: 'undo' }],
    [ev('z', { ctrlKey: true }), shown, { kind: 'undo' }],
    [ev('Z', { metaKey: true }), shown, { kind: 'undo' }],
    [ev('3', { ctrlKey: true }), shown, null],
    [ev('3', { inTextField: true }), shown, null],
    [ev('z', { ctrlKey: true, inTextField: true }), shown, null],
    [ev(' '), { revealed: false, hasCard: false }, null],
  ])('%o with %o → %o', (e, state, action) => {
    expect(keyAction(e, state)).toEqual(action);
  });
});

describe('describeWhen', () => {
  it('gives the wait and the clock time', () => {
    const text = describeWhen(new Date(NOW.getTime() + 9 * 60_000), NOW, formatInterval, 'en-GB');
    expect(text).toMatch(/^in 9m \(at \d{2}:\d{2}\)$/);
    expect(describeWhen(new Date(NOW.getTime() + 3 * 86_400_000), NOW, formatInterval, 'en-GB')).toMatch(/^in 3d \(/);
  });
});

describe('sessionSummary', () => {
  it('counts the answers since the session began, per grade', () => {
    let p = graded(['attention/why#0'], Rating.Good, utc(-1)); // an hour before the session began
    p = gradeItem(
      p,
      items.find((i) => i.key === 'attention/qk#0')!,
      Rating.Again,
      NOW,
      scheduler,
    ).progress;
    p = gradeItem(
      p,
      items.find((i) => i.key === 'tokenization/vocab#0')!,
      Rating.Easy,
      NOW,
      scheduler,
    ).progress;
    p = gradeItem(
      p,
      items.find((i) => i.key === 'attention/qk#0')!,
      Rating.Good,
      NOW,
      scheduler,
    ).progress;
    expect(sessionSummary(p, NOW)).toEqual({ answers: 3, byGrade: { 1: 1, 2: 0, 3: 1, 4: 1 } });
    expect(sessionSummary(p, utc(-2)).answers).toBe(4);
    expect(sessionSummary(emptyProgress(), NOW)).toEqual({ answers: 0, byGrade: { 1: 0, 2: 0, 3: 0, 4: 0 } });
  });
});
