'use client';
// Home page: what is due now and how many new cards today allows, over lesson and imported cards.
// Server and first client render show the same-size placeholder; numbers appear after hydration.

import Link from '@/components/SiteLink';
import { useMemo } from 'react';
import type { Card } from '@/lib/cards/card';
import { dueCounts, reviewItems } from '@/lib/srs';
import { studyCards, studySession } from './study-model';
import { useHydrated, useNow, useStudyStore } from './use-study-store';
import './study.css';

export default function DueSummary({ cards }: { cards: Card[] }) {
  const hydrated = useHydrated();
  const progress = useStudyStore((s) => s.progress);
  const imported = useStudyStore((s) => s.imported.cards);
  const settings = useStudyStore((s) => s.settings);
  const [now] = useNow();
  const counts = useMemo(() => {
    if (!hydrated || !now) return null;
    const items = reviewItems(studyCards(cards, imported));
    const session = studySession({ items, progress, settings, filter: {}, now });
    return { due: dueCounts(items, progress, now).total, fresh: session.fresh.length };
  }, [hydrated, now, cards, imported, progress, settings]);
  return (
    <div className="due-summary ui">
      <p className="due-summary__counts" aria-live="polite" aria-busy={!counts}>
        {counts ? (
          <>
            <strong>{counts.due} due</strong> · {counts.fresh} new available today
          </>
        ) : (
          <span className="muted">Loading your progress…</span>
        )}
      </p>
      <Link className="btn btn--primary" href="/review/">
        Start review
      </Link>
    </div>
  );
}
