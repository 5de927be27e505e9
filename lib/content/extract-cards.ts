// Lesson cards: `content/<slug>.mdx` → typed `Card[]` with ids `<slug>/<id>`, one deck per lesson
// (`GPT-2 Pamphlet::<title>`) and a link back to the section each card sits in.
// Node-only for `loadDeck` (reads the content folder); `extractLessonCards` is pure.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import { PAMPHLET_DECK, type Card } from '../cards/card';
import { CardSyntaxError } from '../cards/errors';
import { lessonFrontmatter, parseLessonTree } from './lesson';
import { collectLessonCards } from './lesson-cards';

/** One lesson's cards and the frontmatter they depend on (the full lesson check is lib/content/lessons.ts). */
export interface ExtractedLesson {
  slug: string;
  title: string;
  order?: number;
  file: string;
  cards: Card[];
}

/** Parses one lesson. `file` is the path shown in errors and stored in `source.file`. */
export function extractLesson(file: string, source: string): ExtractedLesson {
  const slug = path.posix.basename(file.replaceAll('\\', '/')).replace(/\.mdx$/, '');
  let tree: Root;
  try {
    tree = parseLessonTree(source);
  } catch (e) {
    const line = (e as { line?: number }).line ?? 1;
    throw new CardSyntaxError(`cannot parse MDX: ${(e as Error).message}`, { file, line });
  }
  const drafts = collectLessonCards(tree, { file, source });
  const { title, order } = readFrontmatter(tree, { file, required: drafts.length > 0 });
  const cards = drafts.map((d): Card => ({
    id: `${slug}/${d.id}`,
    type: d.type,
    front: d.front,
    back: d.back,
    deck: `${PAMPHLET_DECK}::${title || slug}`,
    tags: [...new Set([slug, ...d.tags])],
    source: {
      lesson: slug,
      lessonTitle: title || slug,
      anchor: d.anchor,
      ...(d.section ? { section: d.section } : {}),
      file,
      line: d.line,
    },
  }));
  return { slug, title: title || slug, ...(order !== undefined ? { order } : {}), file, cards };
}

/** The cards of one lesson, in document order. Throws `CardSyntaxError`. */
export function extractLessonCards(file: string, source: string): Card[] {
  return extractLesson(file, source).cards;
}

/** Every `<contentDir>/*.mdx` lesson, ordered by frontmatter `order`, then slug. */
export async function loadLessons(contentDir = 'content'): Promise<ExtractedLesson[]> {
  const names = (await readdir(contentDir)).filter((n) => n.endsWith('.mdx')).sort();
  const lessons = await Promise.all(
    names.map(async (name) => {
      const file = path.posix.join(contentDir.replaceAll('\\', '/'), name);
      return extractLesson(file, await readFile(path.join(contentDir, name), 'utf8'));
    }),
  );
  const rank = (l: ExtractedLesson) => l.order ?? Number.POSITIVE_INFINITY;
  return lessons.sort((a, b) => rank(a) - rank(b) || a.slug.localeCompare(b.slug));
}

/** All lesson cards, lesson by lesson. */
export async function loadDeck(contentDir = 'content'): Promise<Card[]> {
  return (await loadLessons(contentDir)).flatMap((l) => l.cards);
}

function readFrontmatter(tree: Root, ctx: { file: string; required: boolean }): { title: string; order?: number } {
  let data: Record<string, unknown> | null;
  let line: number;
  try {
    ({ data, line } = lessonFrontmatter(tree));
  } catch (e) {
    throw new CardSyntaxError(`invalid YAML frontmatter: ${(e as Error).message}`, { file: ctx.file, line: 1 });
  }
  const title = typeof data?.title === 'string' ? data.title.trim() : '';
  if (!title && ctx.required) {
    throw new CardSyntaxError('a lesson with cards needs a `title` in its frontmatter (it names the deck)', { file: ctx.file, line });
  }
  return { title, ...(typeof data?.order === 'number' ? { order: data.order } : {}) };
}
