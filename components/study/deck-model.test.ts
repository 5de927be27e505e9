import { describe, expect, it } from 'vitest';
import type { Card } from '@/lib/cards/card';
import { Rating, createScheduler, emptyProgress, gradeItem, reviewItems } from '@/lib/srs';
import {
  cardsForScope,
  deckAnchor,
  exportFileStem,
  exportScopeLabel,
  groupByDeck,
  noteSchedule,
  searchCards,
  searchText,
} from './deck-model';

const card = (id: string, deck: string, front: string, extra: Partial<Card> = {}): Card => ({
  id,
  type: 'basic',
  front,
  back: '',
  deck,
  tags: [],
  ...extra,
});
const LESSON = [
  card('tokenization/vocab', 'GPT-2 Pamphlet::Tokenization', 'GPT-2 has {{c1::50,257::number}} tokens', {
    type: 'cloze',
    source: { lesson: 'tokenization', lessonTitle: 'Tokenization', anchor: 'vocab' },
  }),
  card('attention/why', 'GPT-2 Pamphlet::Attention', 'Why divide by √d_k?', {
    back: 'Softmax saturates',
    source: { lesson: 'attention', lessonTitle: 'Attention', anchor: 'scale' },
  }),
  card('tokenization/bpe', 'GPT-2 Pamphlet::Tokenization', 'What is BPE?', {
    source: { lesson: 'tokenization', lessonTitle: 'Tokenization', anchor: 'bpe' },
  }),
];
const MINE = [card('note/1', 'mine', 'wte', { back: 'token embedding', tags: ['gpt2'] })];

describe('groupByDeck', () => {
  it('keeps decks in order of first appearance and cards in order', () => {
    expect(groupByDeck([...LESSON, ...MINE]).map((g) => [g.deck, g.cards.map((c) => c.id)])).toEqual([
      ['GPT-2 Pamphlet::Tokenization', ['tokenization/vocab', 'tokenization/bpe']],
      ['GPT-2 Pamphlet::Attention', ['attention/why']],
      ['mine', ['note/1']],
    ]);
  });
});

describe('searchCards', () => {
  it('matches every term, case-insensitive, in either side, the deck, lesson title or tags', () => {
    const all = [...LESSON, ...MINE];
    expect(searchCards(all, '').length).toBe(4);
    expect(searchCards(all, '  softmax ').map((c) => c.id)).toEqual(['attention/why']);
    expect(searchCards(all, 'tokenization bpe').map((c) => c.id)).toEqual(['tokenization/bpe']);
    expect(searchCards(all, 'GPT2').map((c) => c.id)).toEqual(['note/1']);
    expect(searchCards(all, 'nothing-like-this')).toEqual([]);
  });
  it('searches cloze answers, not their markup or hints', () => {
    expect(searchText(LESSON[0])).toContain('gpt-2 has 50,257 tokens');
    expect(searchCards(LESSON, 'c1::')).toEqual([]);
    expect(searchCards(LESSON, 'number')).toEqual([]);
  });
});

describe('export scopes', () => {
  it('picks the cards of each choice', () => {
    expect(cardsForScope('pamphlet', LESSON, MINE)).toEqual(LESSON);
    expect(cardsForScope('mine', LESSON, MINE)).toEqual(MINE);
    expect(cardsForScope('everything', LESSON, MINE).map((c) => c.id)).toEqual([
      'tokenization/vocab',
      'attention/why',
      'tokenization/bpe',
      'note/1',
    ]);
    expect(cardsForScope('lesson:tokenization', LESSON, MINE).map((c) => c.id)).toEqual(['tokenization/vocab', 'tokenization/bpe']);
  });
  it('names the files and options', () => {
    expect(exportFileStem('pamphlet')).toBe('gpt2-pamphlet');
    expect(exportFileStem('lesson:attention')).toBe('gpt2-pamphlet-attention');
    expect(exportFileStem('mine')).toBe('gpt2-pamphlet-my-cards');
    expect(exportScopeLabel('lesson:attention', [{ slug: 'attention', title: 'Attention' }])).toBe('Lesson: Attention');
  });
});

describe('deckAnchor', () => {
  it('makes a URL-safe group id from a deck name, the same for the importer link and the deck page', () => {
    expect(deckAnchor('mine::gpt2')).toBe('deck-mine-gpt2');
    expect(deckAnchor('GPT-2 Pamphlet::Attention')).toBe('deck-gpt-2-pamphlet-attention');
    expect(deckAnchor('Notes')).toBe('deck-notes');
    expect(deckAnchor('::')).toBe('deck-cards');
  });
});

describe('noteSchedule', () => {
  const T0 = new Date('2026-03-02T10:00:00.000Z');
  const scheduler = createScheduler({ enableFuzz: false });
  const twoBlanks = card('attention/qk', 'GPT-2 Pamphlet::Attention', '{{c1::Q}} times {{c2::K}}', { type: 'cloze' });
  it('says new, due now or due in, and how many of a cloze note’s cards are still new', () => {
    const [c1, c2] = reviewItems([twoBlanks]);
    expect(noteSchedule(twoBlanks, emptyProgress(), T0)).toBe('new');
    const graded = gradeItem(emptyProgress(), c1, Rating.Good, T0, scheduler);
    const due = graded.progress.states[c1.key].due;
    const wait = due.getTime() - T0.getTime();
    expect(wait).toBeGreaterThan(0);
    expect(noteSchedule(twoBlanks, graded.progress, T0)).toMatch(/^due in \S+ · 1 of 2 new$/);
    expect(noteSchedule(twoBlanks, graded.progress, due)).toBe('due now · 1 of 2 new');
    const both = gradeItem(graded.progress, c2, Rating.Easy, T0, scheduler).progress;
    // the earlier of the two due dates: c1's (Good comes back sooner than Easy)
    expect(both.states[c2.key].due.getTime()).toBeGreaterThan(due.getTime());
    expect(noteSchedule(twoBlanks, both, T0)).toBe(noteSchedule(twoBlanks, graded.progress, T0).replace(' · 1 of 2 new', ''));
  });
});
