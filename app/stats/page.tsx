import type { Metadata } from 'next';
import Link from '@/components/SiteLink';
import StudyStats from '@/components/study/StudyStats';

export const metadata: Metadata = { title: 'Statistics' };

export default function StatsPage() {
  return (
    <div className="page prose">
      <h1>Statistics</h1>
      <p className="lede">How your reviews are going, from the answers stored in this browser.</p>
      <StudyStats />
      <p className="ui">
        <Link href="/review/">Back to review</Link>
      </p>
    </div>
  );
}
