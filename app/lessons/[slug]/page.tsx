import type { Metadata } from 'next';
import Link from '@/components/SiteLink';
import { notFound } from 'next/navigation';
import 'katex/dist/katex.min.css'; // the lessons' math, rendered at build time
import { listLessons, readLessonSource } from '@/lib/content/lessons';
import { lessonHeadings, parseLessonTree, tableOfContents } from '@/lib/content/lesson';
import { loadDeck } from '@/lib/content/extract-cards';
import { lessonCardComponents } from '@/components/mdx/LessonCards';
import TableOfContents from '@/components/TableOfContents';
import LessonStudyLinks from '@/components/study/LessonStudyLinks';

export const dynamicParams = false;

export function generateStaticParams() {
  return listLessons().map((l) => ({ slug: l.slug }));
}

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const lesson = listLessons().find((l) => l.slug === slug);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: Params) {
  const { slug } = await params;
  const lessons = listLessons();
  const index = lessons.findIndex((l) => l.slug === slug);
  if (index < 0) notFound();
  const lesson = lessons[index];
  const { default: Content } = await import(`@/content/${slug}.mdx`);
  const toc = tableOfContents(lessonHeadings(parseLessonTree(readLessonSource(slug))));
  const cards = (await loadDeck('content')).filter((c) => c.source?.lesson === slug);
  const prev = lessons[index - 1];
  const next = lessons[index + 1];
  return (
    <div className="lesson-layout">
      <TableOfContents entries={toc} layout="narrow" />
      <article className="prose" aria-labelledby="lesson-title">
        <p className="ui muted" style={{ margin: '0 0 0.25rem' }}>
          Lesson {index + 1} of {lessons.length}
        </p>
        <h1 id="lesson-title">{lesson.title}</h1>
        <p className="lede">{lesson.summary}</p>
        <Content components={lessonCardComponents(cards)} />
        <LessonStudyLinks slug={slug} title={lesson.title} cards={cards} />
        <nav className="ui lesson-pager" aria-label="Lessons">
          {prev ? (
            <Link href={`/lessons/${prev.slug}/`} rel="prev">
              ← {prev.title}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={`/lessons/${next.slug}/`} rel="next">
              {next.title} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      </article>
      <TableOfContents entries={toc} layout="wide" />
    </div>
  );
}
