'use client';
// /review/: reads `?lesson=` / `?deck=` and frames the session (a lesson quiz, a deck, or everything).

import Link from '@/components/SiteLink';
import { useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import type { Card } from '@/lib/cards/card';
import ReviewSession from './ReviewSession';
import StorageBanner from './StorageBanner';
import { parseFilter, parsePastLimit, reviewHref } from './study-model';
import './study.css';

export default function ReviewApp({ lessonCards }: { lessonCards: Card[] }) {
  const params = useSearchParams();
  const query = params.toString();
  const filter = useMemo(() => parseFilter(new URLSearchParams(query)), [query]);
  const pastLimit = parsePastLimit(new URLSearchParams(query));
  const lessonTitle = filter.lesson ? lessonCards.find((c) => c.source?.lesson === filter.lesson)?.source?.lessonTitle : undefined;
  return (
    <>
      <StorageBanner />
      {filter.lesson || filter.deck || pastLimit ? (
        <div className="review-scope ui">
          <h2>{filter.lesson ? `Lesson quiz: ${lessonTitle ?? filter.lesson}` : filter.deck ? `Deck: ${filter.deck}` : 'All decks'}</h2>
          <p className="muted">
            {filter.lesson ? (
              <>
                Every card of this lesson, due or new. <Link href={`/lessons/${filter.lesson}/`}>Back to the lesson</Link> ·{' '}
              </>
            ) : pastLimit ? (
              <>
                Every new card, past today&apos;s limit. <Link href={reviewHref(filter)}>Keep to the limit</Link> ·{' '}
              </>
            ) : null}
            <Link href="/review/">Review all decks</Link>
          </p>
        </div>
      ) : null}
      <ReviewSession key={query} lessonCards={lessonCards} filter={filter} pastLimit={pastLimit} />
    </>
  );
}
