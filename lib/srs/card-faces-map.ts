// Every face a review or the deck page can show of the given cards, rendered now: each review item's
// (one per blank of a cloze card) and every card's all-at-once faces. Built into /card-faces.json
// for the lesson cards, so those pages show them without loading the renderer (remark, rehype,
// sanitize and KaTeX: the largest script of the study pages). Same renderer, same output.
import type { Card } from '../cards/card';
import { cardFaces } from '../cards/card-html';
import { facesKey } from '../cards/faces-key';
import { reviewItems } from './review-items';

export type Faces = ReturnType<typeof cardFaces>;

export function cardFacesMap(cards: readonly Card[]): Record<string, Faces> {
  const map: Record<string, Faces> = {};
  for (const card of cards) map[facesKey(card, 'all')] = cardFaces(card, 'all');
  for (const item of reviewItems(cards)) {
    const n = item.cloze ?? 'all';
    map[facesKey(item.card, n)] ??= cardFaces(item.card, n);
  }
  return map;
}
