// What gets scheduled: one review item per Anki card of a note. A basic card is one item, a
// reversed card two (front→back, back→front), a cloze card one per cloze number. `ord` is Anki's
// card ordinal (cloze number - 1, or 0/1 for the two sides), which is what the Anki exporter uses.

import type { Card } from '../cards/card';
import { clozeNumbers } from '../cards/cloze';

export interface ReviewItem {
  /** `<card id>#<ord>`: the key of this item's FSRS state and review log entries. */
  key: string;
  cardId: string;
  ord: number;
  card: Card;
  /** Cloze cards: the cloze number this item asks (ord + 1). */
  cloze?: number;
  /** Reversed cards: true for the back→front item. */
  reverse?: boolean;
}

export function reviewKey(cardId: string, ord: number): string {
  return `${cardId}#${ord}`;
}

export function parseReviewKey(key: string): { cardId: string; ord: number } {
  const hash = key.lastIndexOf('#');
  return { cardId: key.slice(0, hash), ord: Number(key.slice(hash + 1)) };
}

/** The items of each card, in card order. A cloze card with broken syntax has none. */
export function reviewItems(cards: readonly Card[]): ReviewItem[] {
  return cards.flatMap((card): ReviewItem[] => {
    const item = (ord: number, extra: Partial<ReviewItem> = {}): ReviewItem => ({
      key: reviewKey(card.id, ord),
      cardId: card.id,
      ord,
      card,
      ...extra,
    });
    if (card.type === 'basic') return [item(0)];
    if (card.type === 'reversed') return [item(0), item(1, { reverse: true })];
    let numbers: number[];
    try {
      numbers = clozeNumbers(card.front);
    } catch {
      return [];
    }
    return numbers.map((n) => item(n - 1, { cloze: n }));
  });
}
