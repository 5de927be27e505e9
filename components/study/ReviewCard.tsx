'use client';
// One review item: its question, the typed-answer form (cloze cards, when the setting is on), the
// "Show answer" button, then the answer and a link back to the lesson section. All card text is
// HTML from cardFaces (escaped Markdown + KaTeX), never rendered any other way.

import Link from '@/components/SiteLink';
import { useId, type FormEvent, type ReactNode, type Ref } from 'react';
import { clozeAnswers, type AnswerCheck } from '@/lib/cards';
import { NO_FACES, useCardFaces } from './use-card-faces';
import type { ReviewItem } from '@/lib/srs';

const KIND = { basic: 'Question', reversed: 'Question', cloze: 'Fill in the blank' } as const;

interface Props {
  item: ReviewItem;
  revealed: boolean;
  /** Typed-answer mode applies to this item (a cloze card, with the setting on). */
  typing: boolean;
  typed: string;
  check: AnswerCheck | null;
  onTyped: (value: string) => void;
  onCheck: () => void;
  onReveal: () => void;
  /** Receives the first control of the card (Show answer, or the answer field) for focus after a grade. */
  startRef: Ref<HTMLButtonElement & HTMLInputElement>;
  /** The grade buttons, shown once the answer is. */
  children: ReactNode;
}

export default function ReviewCard({ item, revealed, typing, typed, check, onTyped, onCheck, onReveal, startRef, children }: Props) {
  const faces = useCardFaces(item.card, item.cloze ?? 'all') ?? NO_FACES;
  const answerId = useId();
  const inputId = useId();
  const { card } = item;
  const question = item.reverse ? faces.back : faces.front;
  const answer = item.reverse ? faces.front : faces.back;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onCheck();
  };
  return (
    <section className="review-card" aria-label="Current card" data-item-key={item.key}>
      <p className="study-card__kind">
        {KIND[card.type]}
        {item.reverse ? ' (reversed)' : ''}
        {item.cloze ? ` · blank ${item.cloze}` : ''}
      </p>
      {/* A cloze answer is the same sentence with the blank filled in: it replaces the question. */}
      <div className="review-card__face" dangerouslySetInnerHTML={{ __html: revealed && card.type === 'cloze' ? answer : question }} />
      {typing && (
        <form className="review-card__typed" onSubmit={submit}>
          <label htmlFor={inputId}>Your answer</label>
          <div className="study-actions">
            <input
              id={inputId}
              ref={startRef}
              className="study-input"
              value={typed}
              onChange={(e) => onTyped(e.target.value)}
              readOnly={revealed}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
            />
            {!revealed && (
              <button type="submit" className="btn btn--primary">
                Check
              </button>
            )}
          </div>
          {check && (
            <p
              className={check.correct ? 'review-card__verdict review-card__verdict--ok' : 'review-card__verdict review-card__verdict--bad'}
              role="status"
            >
              {check.correct ? 'Correct.' : `Not quite. Expected: ${clozeAnswers(card.front, item.cloze ?? 1).join(', ')}`}
            </p>
          )}
        </form>
      )}
      {!revealed && !typing && (
        <button
          ref={startRef}
          type="button"
          className="btn btn--primary review-card__reveal"
          aria-controls={answerId}
          aria-keyshortcuts="Space"
          onClick={onReveal}
        >
          Show answer
        </button>
      )}
      <div id={answerId} className="review-card__answer" hidden={!revealed}>
        {revealed && card.type !== 'cloze' && <div className="review-card__face" dangerouslySetInnerHTML={{ __html: answer }} />}
        {revealed && faces.extra && <div className="review-card__extra muted" dangerouslySetInnerHTML={{ __html: faces.extra }} />}
        {revealed && children}
      </div>
      <p className="review-card__source muted">
        {card.source ? (
          <Link href={`/lessons/${card.source.lesson}/#${card.source.anchor}`}>
            {card.source.section
              ? `Read “${card.source.section}” in ${card.source.lessonTitle}`
              : `Read the section in “${card.source.lessonTitle}”`}
          </Link>
        ) : (
          <>Your deck: {card.deck}</>
        )}
      </p>
    </section>
  );
}
