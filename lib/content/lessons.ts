// The lessons in content/: their frontmatter (through the one lesson parse, ./lesson.ts), read at
// build time (server only).
import fs from 'node:fs';
import path from 'node:path';
import { lessonFrontmatter, parseLessonTree } from './lesson';

export interface LessonMeta {
  slug: string; // file name without .mdx
  title: string;
  summary: string;
  order: number;
  file: string; // path relative to the repo root
}

export class LessonFrontmatterError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'LessonFrontmatterError';
  }
}

export const CONTENT_DIR = path.join(process.cwd(), 'content');

export function parseLessonMeta(file: string, source: string): LessonMeta {
  const { data } = lessonFrontmatter(parseLessonTree(source));
  if (!data) throw new LessonFrontmatterError(file, 'missing YAML frontmatter (--- title/summary/order ---)');
  const fm = data as Record<string, unknown>;
  if (typeof fm.title !== 'string' || !fm.title.trim()) throw new LessonFrontmatterError(file, '`title` must be a non-empty string');
  if (typeof fm.summary !== 'string' || !fm.summary.trim()) throw new LessonFrontmatterError(file, '`summary` must be a non-empty string');
  if (typeof fm.order !== 'number' || !Number.isInteger(fm.order)) throw new LessonFrontmatterError(file, '`order` must be an integer');
  const slug = path.basename(file, '.mdx');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) throw new LessonFrontmatterError(file, 'file name must be kebab-case');
  return { slug, title: fm.title.trim(), summary: fm.summary.trim(), order: fm.order, file };
}

/** All lessons, sorted by `order`. Throws on invalid frontmatter or duplicate orders. */
export function listLessons(contentDir: string = CONTENT_DIR): LessonMeta[] {
  const files = fs.readdirSync(contentDir).filter((f) => f.endsWith('.mdx'));
  const lessons = files.map((f) => {
    const rel = path.relative(process.cwd(), path.join(contentDir, f));
    return parseLessonMeta(rel, fs.readFileSync(path.join(contentDir, f), 'utf8'));
  });
  lessons.sort((a, b) => a.order - b.order);
  for (let i = 1; i < lessons.length; i++) {
    if (lessons[i].order === lessons[i - 1].order) {
      throw new LessonFrontmatterError(lessons[i].file, `order ${lessons[i].order} is also used by ${lessons[i - 1].file}`);
    }
  }
  return lessons;
}

export function readLessonSource(slug: string, contentDir: string = CONTENT_DIR): string {
  return fs.readFileSync(path.join(contentDir, `${slug}.mdx`), 'utf8');
}
