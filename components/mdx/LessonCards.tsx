// The lesson's cards in the text: <Cloze>, <QA> and <ClozeList> are looked up in the deck that
// lib/content/extract-cards.ts built from the same file, so the page shows exactly what is reviewed.
import type { ReactNode } from 'react';
import type { Card } from '@/lib/cards/card';
import { cardFaces } from '@/lib/cards/card-html';
import InlineCard from '@/components/cards/InlineCard';

type CardProps = { id?: string; children?: ReactNode };

export function MissingCard({ id }: CardProps) {
  return <p role="alert">Card “{id}” is not in the lesson’s deck.</p>;
}

function renderCard(card: Card | undefined, id: string | undefined) {
  if (!card) return <MissingCard id={id} />;
  const faces = cardFaces(card);
  return <InlineCard id={card.id} type={card.type} front={faces.front} back={faces.back} extra={faces.extra} />;
}

/** Components bound to one lesson's cards (ids in the MDX are local; deck ids are `<slug>/<id>`). */
export function lessonCardComponents(cards: Card[]) {
  const byLocalId = new Map(cards.map((c) => [c.id.slice(c.id.indexOf('/') + 1), c]));
  return {
    Cloze: ({ id }: CardProps) => renderCard(byLocalId.get(id ?? ''), id),
    QA: ({ id }: CardProps) => renderCard(byLocalId.get(id ?? ''), id),
    ClozeList: ({ id, children }: CardProps) => (
      <>
        {children}
        {renderCard(byLocalId.get(id ?? ''), id)}
      </>
    ),
  };
}
