// /lesson-corpus.txt: the lessons' prose in one file, written at build time, for the in-browser
// trainer's default corpus (the same text `npm run train` learns from by default, in the same order).
import { listLessons, readLessonSource } from '@/lib/content/lessons';
import { lessonText } from '@/lib/content/lesson-text';
import { EOT_TEXT } from '@/lib/tokenizer';

export const dynamic = 'force-static';

export function GET() {
  const files = listLessons()
    .map((l) => l.file)
    .sort();
  const docs = files.map((f) => lessonText(readLessonSource(f.replace(/^content\//, '').replace(/\.mdx$/, ''))));
  return new Response(docs.join(EOT_TEXT), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
