'use client';
// End of a lesson: quiz yourself on its cards, or take them to Anki.

import Link from '@/components/SiteLink';
import { useEffect, useState } from 'react';
import type { Card } from '@/lib/cards/card';
import { reviewItems } from '@/lib/srs/review-items';
import { downloadApkg } from './anki-export';
import './study.css';

export default function LessonStudyLinks({ slug, title, cards }: { slug: string; title: string; cards: Card[] }) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const [mounted, setMounted] = useState(false); // the button works once React has taken over the page
  useEffect(() => setMounted(true), []);
  if (cards.length === 0) return null;
  const exportLesson = async () => {
    setState({ busy: true });
    try {
      await downloadApkg({ cards, fileStem: `gpt2-pamphlet-${slug}`, now: new Date() });
      setState({ busy: false });
    } catch (e) {
      setState({ busy: false, error: `The Anki file could not be made: ${(e as Error).message}` });
    }
  };
  return (
    <section className="lesson-quiz ui" aria-labelledby="lesson-quiz-title">
      <h2 id="lesson-quiz-title">Quiz yourself</h2>
      <p>
        This lesson has {reviewItems(cards).length} cards. Answer them now and they join your reviews, scheduled to come back just before
        you would forget them.
      </p>
      <div className="study-actions">
        <Link className="btn btn--primary" href={`/review/?lesson=${encodeURIComponent(slug)}`}>
          Start the “{title}” quiz
        </Link>
        <button type="button" className="btn" onClick={exportLesson} disabled={!mounted || state.busy} aria-busy={state.busy}>
          {state.busy ? 'Making the Anki file…' : 'Export this lesson to Anki'}
        </button>
      </div>
      {state.error && (
        <p role="alert" className="study-error">
          {state.error}
        </p>
      )}
    </section>
  );
}
