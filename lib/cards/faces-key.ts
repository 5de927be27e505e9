// The key of a card's faces in /card-faces.json (the lesson cards' faces, rendered at build time):
// which blank, and a hash of everything the renderer reads. A card finds faces there only when its
// text is exactly the text they were rendered from, whoever's card it is.
import type { Card } from './card';
import { fnv1a64 } from './card-id';

export type FacesKeyCard = Pick<Card, 'type' | 'front' | 'back'>;

export function facesKey(card: FacesKeyCard, n: number | 'all'): string {
  return `${n}:${fnv1a64([card.type, card.front, card.back].join('\u001f'))}`;
}
