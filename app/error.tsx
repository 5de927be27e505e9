'use client';
// Next's error boundary for every page: a recovery screen instead of a blank page. The screen needs
// the study store and its scheduler, so it is loaded when a page fails rather than with every page.
import dynamic from 'next/dynamic';

const RecoveryScreen = dynamic(() => import('@/components/study/RecoveryScreen'), {
  loading: () => (
    <div className="page prose" role="alert">
      <p>Something went wrong on this page. Loading the ways to recover…</p>
    </div>
  ),
});

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RecoveryScreen error={error} retry={reset} />;
}
