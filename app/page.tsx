import Link from '@/components/SiteLink';
import { listLessons } from '@/lib/content/lessons';
import { loadDeck } from '@/lib/content/extract-cards';
import DueSummary from '@/components/study/DueSummary';
import LessonProgress from '@/components/study/LessonProgress';
import { lessonItemKeys } from '@/components/study/study-model';

export default async function Home() {
  const lessons = listLessons();
  const cards = await loadDeck('content');
  return (
    <div className="page prose">
      <h1>How GPT-2 works</h1>
      <p className="lede">
        A short pamphlet in {lessons.length} lessons. Read a lesson, try the model live in your browser, and keep what you learned with
        flashcards that schedule their own reviews.
      </p>
      <h2 id="lessons">Lessons</h2>
      <ol className="lesson-list">
        {lessons.map((l) => (
          <li key={l.slug}>
            <Link href={`/lessons/${l.slug}/`}>{l.title}</Link>
            <p>{l.summary}</p>
            <LessonProgress itemKeys={lessonItemKeys(cards, l.slug)} />
          </li>
        ))}
      </ol>
      <h2 id="study">Study</h2>
      <DueSummary cards={cards} />
      <p>
        Every lesson ends with cards. <Link href="/review/">Review</Link> the ones that are due, browse or export the whole{' '}
        <Link href="/deck/">deck</Link>, <Link href="/import/">import</Link> your own notes, or play with the{' '}
        <Link href="/generator/">generator</Link>.
      </p>
    </div>
  );
}
