'use client';
import { useId, useState } from 'react';
import type { CardType } from '@/lib/cards/card';

const KIND: Record<CardType, string> = { cloze: 'Fill in the blanks', basic: 'Question', reversed: 'Question' };

/** A try-it-now card in the lesson: read, think, reveal. The same card is in the review deck. */
export default function InlineCard({
  id,
  type,
  front,
  back,
  extra,
}: {
  id: string;
  type: CardType;
  front: string;
  back: string;
  extra: string;
}) {
  const [open, setOpen] = useState(false);
  const backId = useId();
  return (
    <div className="study-card" data-card-id={id}>
      <p className="study-card__kind">{KIND[type]}</p>
      <div className="study-card__front" dangerouslySetInnerHTML={{ __html: open && type === 'cloze' ? back : front }} />
      <button type="button" className="btn" aria-expanded={open} aria-controls={backId} onClick={() => setOpen(!open)}>
        {open ? 'Hide answer' : 'Show answer'}
      </button>
      <div id={backId} className="study-card__back" hidden={!open}>
        {type === 'cloze' ? null : <div dangerouslySetInnerHTML={{ __html: back }} />}
        {extra ? <div className="muted" dangerouslySetInnerHTML={{ __html: extra }} /> : null}
        {type === 'cloze' && !extra ? (
          <p className="muted" style={{ margin: 0 }}>
            Blanks filled in above.
          </p>
        ) : null}
      </div>
    </div>
  );
}
