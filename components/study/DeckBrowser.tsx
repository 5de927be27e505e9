'use client';
// Every card, lesson decks first and then the reader's own, grouped by deck, with a search filter.

import Link from '@/components/SiteLink';
import { memo, useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { sourceLabel, type Card, type CardType } from '@/lib/cards/card';
import { reviewItems } from '@/lib/srs';
import { deckAnchor, groupByDeck, noteSchedule, searchCards } from './deck-model';
import { studyCards } from './study-model';
import { useCardFaces } from './use-card-faces';
import { useHydrated, useNow, useStudyStore } from './use-study-store';
import './study.css';

/** Anki's words: a note is what you write, a card what you review (a cloze note gives one per blank). */
function countLabel(cards: readonly Card[]): string {
  const items = reviewItems(cards).length;
  return `${cards.length} ${cards.length === 1 ? 'note' : 'notes'} · ${items} ${items === 1 ? 'card' : 'cards'}`;
}

const TYPE_LABEL: Record<CardType, string> = { basic: 'basic', reversed: 'reversed', cloze: 'cloze' };

/**
 * A lesson card's front comes rendered from the server (`fronts`); the learner's own cards load the
 * renderer, and so does every answer once the page's "Show answers" is on.
 */
const CardRow = memo(function CardRow({
  card,
  rendered,
  schedule,
  answers,
}: {
  card: Card;
  rendered?: string;
  schedule: string | null;
  answers: boolean;
}) {
  const faces = useCardFaces(card, 'all', { enabled: rendered === undefined || answers });
  const front = rendered ?? faces?.front ?? '';
  return (
    <li className="deck-card">
      <div className="deck-card__meta">
        <span className="badge">{TYPE_LABEL[card.type]}</span>
        {card.source ? (
          <Link href={`/lessons/${card.source.lesson}/#${card.source.anchor}`} className="deck-card__source">
            {sourceLabel(card.source)}
          </Link>
        ) : null}
        {schedule ? <span className="muted deck-card__due">{schedule}</span> : null}
      </div>
      <div className="deck-card__front" dangerouslySetInnerHTML={{ __html: front }} />
      {answers ? (
        <div className="deck-card__back">
          {faces ? (
            <>
              <div dangerouslySetInnerHTML={{ __html: faces.back }} />
              {faces.extra ? <div className="muted" dangerouslySetInnerHTML={{ __html: faces.extra }} /> : null}
            </>
          ) : (
            <p className="muted">…</p>
          )}
        </div>
      ) : null}
    </li>
  );
});

export default function DeckBrowser({ lessonCards, fronts }: { lessonCards: Card[]; fronts: Record<string, string> }) {
  const hydrated = useHydrated();
  const imported = useStudyStore((s) => s.imported.cards);
  const progress = useStudyStore((s) => s.progress);
  const [answers, setAnswers] = useState(false);
  const [now] = useNow(60_000);
  // Due dates and answers on demand: every row changes at once (stored progress arrives, the clock
  // ticks), which on a slow phone would hold up the page as it starts (Lighthouse: TBT 186 → 413 ms
  // with the dates always on); a deferred render, which React splits into short tasks, does the rest.
  const scheduled = useDeferredValue(hydrated && now && answers ? { progress, now } : null);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const searchId = useId();
  const all = useMemo(() => studyCards(lessonCards, hydrated ? imported : []), [lessonCards, imported, hydrated]);
  const shown = useMemo(() => searchCards(all, deferred), [all, deferred]);
  const groups = useMemo(() => groupByDeck(shown), [shown]);
  // Counting a group's cards parses every cloze note: once per search, not on every render.
  const counts = useMemo(() => new Map(groups.map((g) => [g.deck, countLabel(g.cards)])), [groups]);
  // Links such as /deck/#deck-notes point at a group of imported cards, which renders only after the
  // stored cards have loaded: scroll to it then.
  useEffect(() => {
    if (!hydrated || !location.hash.startsWith('#deck-')) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [hydrated]);
  return (
    <div className="deck-browser">
      <div className="study-field ui">
        <label htmlFor={searchId}>Search cards</label>
        <input
          id={searchId}
          type="search"
          className="study-input"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="e.g. softmax, wte, 768"
        />
        <label className="deck-answers">
          <input type="checkbox" checked={answers} onChange={(e) => setAnswers(e.target.checked)} /> Show answers and due dates
        </label>
        <p className="muted study-hint" role="status">
          {shown.length === all.length ? `${all.length} notes` : `${shown.length} of ${all.length} notes`}
          {hydrated ? '' : ' (your own cards load in a moment)'}
        </p>
      </div>
      {groups.length === 0 && (
        <p className="ui deck-empty">
          No card matches “{deferred.trim()}”. The search looks at fronts, answers, deck names and tags.{' '}
          <button type="button" className="btn" onClick={() => setQuery('')}>
            Clear the search
          </button>
        </p>
      )}
      {groups.map((g) => (
        <section key={g.deck} id={deckAnchor(g.deck)} className="deck-group" aria-label={g.deck}>
          <h3 className="deck-group__title">
            {g.deck} <span className="muted deck-group__count">{counts.get(g.deck)}</span>
          </h3>
          <p className="ui deck-group__actions">
            <Link href={`/review/?deck=${encodeURIComponent(g.deck)}`}>Review this deck</Link>
          </p>
          <ul className="deck-list">
            {g.cards.map((c) => (
              <CardRow
                key={c.id}
                card={c}
                rendered={fronts[c.id]}
                schedule={scheduled ? noteSchedule(c, scheduled.progress, scheduled.now) : null}
                answers={answers}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
