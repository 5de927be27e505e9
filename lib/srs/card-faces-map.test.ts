import { describe, expect, it } from 'vitest';
import { loadDeck } from '@/lib/content/extract-cards';
import { reviewItems } from '@/lib/srs/review-items';
import { cardFaces } from '@/lib/cards/card-html';
import { cardFacesMap } from './card-faces-map';
import { facesKey } from '@/lib/cards/faces-key';

describe('the lesson cards’ faces rendered at build time', async () => {
  const cards = await loadDeck('content');
  const map = cardFacesMap(cards);

  it('holds exactly what the renderer gives for every review item and every card at once', () => {
    const items = reviewItems(cards);
    expect(items.length).toBeGreaterThan(cards.length); // cloze cards have several blanks
    for (const item of items) expect(map[facesKey(item.card, item.cloze ?? 'all')]).toEqual(cardFaces(item.card, item.cloze ?? 'all'));
    for (const card of cards) expect(map[facesKey(card, 'all')]).toEqual(cardFaces(card, 'all'));
  });

  it('a card whose text differs by one character finds nothing', () => {
    const card = cards.find((c) => c.type === 'basic')!;
    expect(map[facesKey(card, 'all')]).toBeDefined();
    expect(map[facesKey({ ...card, back: card.back + '.' }, 'all')]).toBeUndefined();
    expect(map[facesKey({ ...card, type: 'reversed' }, 'all')]).toBeUndefined();
  });
});
