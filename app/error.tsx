'use client';
// Next's error boundary for every page: a recovery screen instead of a blank page.
import RecoveryScreen from '@/components/study/RecoveryScreen';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RecoveryScreen error={error} retry={reset} />;
}
