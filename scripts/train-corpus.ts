// Node: the documents `npm run train` learns from: the files given, or by default the lessons'
// prose (content/*.mdx, each lesson one document): their text as the MDX parser sees it, without the
// front matter, imports and JSX tags (card components' attributes are left out too).

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';
import { parseLessonTree } from '@/lib/content/lesson';

const SKIPPED = new Set(['yaml', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);

/** A lesson's prose: one paragraph per block, JSX elements by their children's text. */
export function lessonText(source: string): string {
  const blocks: string[] = [];
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (SKIPPED.has(node.type)) continue;
      if (node.type === 'mdxJsxFlowElement' || node.type === 'list' || node.type === 'blockquote') visit(node.children as RootContent[]);
      else if (node.type === 'listItem') visit(node.children);
      else {
        const text = toString(node).trim();
        if (text) blocks.push(text);
      }
    }
  };
  visit(parseLessonTree(source).children);
  return blocks.join('\n\n');
}

/** The lessons in content/, by file name. */
export async function lessonDocuments(contentDir = 'content'): Promise<string[]> {
  const files = (await readdir(contentDir)).filter((f) => f.endsWith('.mdx')).sort();
  return Promise.all(files.map(async (f) => lessonText(await readFile(join(contentDir, f), 'utf8'))));
}
