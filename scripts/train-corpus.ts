// Node: the documents `npm run train` learns from by default: the lessons' prose (content/*.mdx,
// each lesson one document, in file-name order).

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lessonText } from '@/lib/content/lesson-text';

export { lessonText };

/** The lessons in content/, by file name. */
export async function lessonDocuments(contentDir = 'content'): Promise<string[]> {
  const files = (await readdir(contentDir)).filter((f) => f.endsWith('.mdx')).sort();
  return Promise.all(files.map(async (f) => lessonText(await readFile(join(contentDir, f), 'utf8'))));
}
