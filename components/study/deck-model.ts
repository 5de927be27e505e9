// Pure deck-page logic: cards grouped by deck, the search filter, and what each export choice holds.

import type { Card } from '@/lib/cards/card';
import { formatInterval, isNew, reviewItems, type Progress } from '@/lib/srs';

export interface DeckGroup {
  deck: string;
  cards: Card[];
}

/** Cards grouped by deck, decks in order of first appearance, cards in their order. */
export function groupByDeck(cards: readonly Card[]): DeckGroup[] {
  const groups = new Map<string, Card[]>();
  for (const c of cards) groups.set(c.deck, [...(groups.get(c.deck) ?? []), c]);
  return [...groups].map(([deck, list]) => ({ deck, cards: list }));
}

/** The text a search looks at: both sides with cloze markup reduced to the answers, deck, tags. */
export function searchText(card: Card): string {
  const unCloze = (s: string) => s.replace(/\{\{c\d+::([\s\S]*?)(?:::[\s\S]*?)?\}\}/g, '$1');
  return [unCloze(card.front), card.back, card.deck, card.source?.lessonTitle ?? '', ...card.tags].join('\n').toLowerCase();
}

/** Cards holding every whitespace-separated term of the query (case-insensitive); all for ''. */
export function searchCards(cards: readonly Card[], query: string): Card[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...cards];
  return cards.filter((c) => {
    const text = searchText(c);
    return terms.every((t) => text.includes(t));
  });
}

/**
 * When a note's cards come up next: "new", "due now", "due in 3d", with how many of its cards
 * (a cloze note has one per blank) are still new: "due in 3d · 1 of 2 new".
 */
export function noteSchedule(card: Card, progress: Progress, now: Date): string {
  const items = reviewItems([card]);
  let fresh = 0;
  let next: number | null = null;
  for (const item of items) {
    if (isNew(progress, item.key)) fresh++;
    else next = Math.min(next ?? Infinity, progress.states[item.key].due.getTime());
  }
  if (next === null) return 'new';
  const when = next <= now.getTime() ? 'due now' : `due in ${formatInterval(next - now.getTime())}`;
  return fresh === 0 ? when : `${when} · ${fresh} of ${items.length} new`;
}

/** What to export: the lesson cards, one lesson, the reader's own cards, or both. */
export type ExportScope = 'pamphlet' | 'mine' | 'everything' | `lesson:${string}`;

export interface LessonRef {
  slug: string;
  title: string;
}

export function cardsForScope(scope: ExportScope, lessonCards: readonly Card[], ownCards: readonly Card[]): Card[] {
  if (scope === 'pamphlet') return [...lessonCards];
  if (scope === 'mine') return [...ownCards];
  if (scope === 'everything') return [...lessonCards, ...ownCards.filter((c) => !lessonCards.some((l) => l.id === c.id))];
  const slug = scope.slice('lesson:'.length);
  return lessonCards.filter((c) => c.source?.lesson === slug);
}

/** File name without extension: the whole pamphlet is `gpt2-pamphlet`. */
export function exportFileStem(scope: ExportScope): string {
  if (scope === 'pamphlet') return 'gpt2-pamphlet';
  if (scope === 'mine') return 'gpt2-pamphlet-my-cards';
  if (scope === 'everything') return 'gpt2-pamphlet-everything';
  return `gpt2-pamphlet-${scope.slice('lesson:'.length)}`;
}

export function exportScopeLabel(scope: ExportScope, lessons: readonly LessonRef[]): string {
  if (scope === 'pamphlet') return 'Whole pamphlet';
  if (scope === 'mine') return 'Only my own cards';
  if (scope === 'everything') return 'Pamphlet and my own cards';
  const slug = scope.slice('lesson:'.length);
  return `Lesson: ${lessons.find((l) => l.slug === slug)?.title ?? slug}`;
}

/** The id of a deck's group on the deck page: 'mine::gpt2' → 'deck-mine-gpt2'. */
export function deckAnchor(deck: string): string {
  return (
    'deck-' +
    (deck
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'cards')
  );
}
