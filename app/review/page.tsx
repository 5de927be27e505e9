import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Review' };

export default function ReviewPage() {
  return (
    <div className="page prose">
      <h1>Review</h1>
      <p className="lede">Spaced-repetition review of the pamphlet’s cards and your own.</p>
      <p>
        This page will show the cards that are due today, one at a time: read the front, reveal the answer, and grade
        yourself Again, Hard, Good or Easy (keys 1–4). The FSRS scheduler then picks the next review date.
      </p>
    </div>
  );
}
