// A lesson's prose as plain text, for training a small model on the pamphlet's own words (the CLI's
// default corpus and the in-browser trainer's): the text as the MDX parser sees it, without the
// front matter, imports and JSX tags (card components' attributes are left out too).

import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';
import { parseLessonTree } from './lesson';

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
