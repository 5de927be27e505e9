import type { Metadata } from 'next';
import Link from '@/components/SiteLink';
import { Suspense } from 'react';
import { loadDeck } from '@/lib/content/extract-cards';
import ReviewApp from '@/components/study/ReviewApp';
import Placeholder from '@/components/study/Placeholder';

export const metadata: Metadata = { title: 'Review' };

export default async function ReviewPage() {
  const cards = await loadDeck('content');
  return (
    <div className="page prose">
      <h1>Review</h1>
      <p className="lede">
        The cards that are due, then new ones. Read the front, recall the answer, reveal it, and say how well you knew it; the FSRS
        scheduler picks the next review date.
      </p>
      {/* useSearchParams (?lesson=, ?deck=) needs a Suspense boundary in a static export. */}
      <Suspense fallback={<Placeholder className="review-placeholder" />}>
        <ReviewApp lessonCards={cards} />
      </Suspense>
      <p className="ui muted">
        <Link href="/stats/">Statistics</Link> · <Link href="/deck/">Browse and export the deck</Link> ·{' '}
        <Link href="/import/">Import your own notes</Link>
      </p>
    </div>
  );
}
