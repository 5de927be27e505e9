'use client';
// One line under a lesson on the home page: "3 due · 24 cards · 10 reviewed" (review items, as Anki
// counts cards: each cloze blank is one). A blank line of the same height until hydration.

import { useMemo } from 'react';
import { countItems } from './study-model';
import { useHydrated, useNow, useStudyStore } from './use-study-store';
import './study.css';

export default function LessonProgress({ itemKeys }: { itemKeys: string[] }) {
  const hydrated = useHydrated();
  const progress = useStudyStore((s) => s.progress);
  const [now] = useNow();
  const counts = useMemo(() => (hydrated && now ? countItems(itemKeys, progress, now) : null), [hydrated, now, itemKeys, progress]);
  return (
    <p className="ui lesson-progress">{counts ? `${counts.due} due · ${counts.total} cards · ${counts.reviewed} reviewed` : '\u00a0'}</p>
  );
}
