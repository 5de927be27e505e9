import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { CardSyntaxError } from './errors';
import { remarkLessonCards, type LessonCardDraft } from './remark-lesson-cards';

// Runs the plugin the way a unified pipeline does and returns what it left in file.data.
function run(value: string, path = 'content/x.mdx'): Promise<LessonCardDraft[]> {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkLessonCards);
  return new Promise((resolve, reject) =>
    processor.run(processor.parse(value), { path, value }, (error, _tree, file) => {
      if (error) reject(error);
      else resolve((file!.data as { lessonCards: LessonCardDraft[] }).lessonCards);
    }),
  );
}

describe('remarkLessonCards', () => {
  it('stores the drafts in file.data.lessonCards', async () => {
    const drafts = await run('## Why `√d_k`?\n\n<QA id="why-scale" q="Why?" a="Variance." />\n');
    expect(drafts).toEqual([
      { id: 'why-scale', type: 'basic', front: 'Why?', back: 'Variance.', tags: [], anchor: 'why-d_k', section: 'Why √d_k?', line: 3 },
    ]);
  });

  it('fails the pipeline with a CardSyntaxError naming the file', async () => {
    await expect(run('<Cloze id="c" text="none" />\n', 'content/y.mdx')).rejects.toThrow(CardSyntaxError);
    await expect(run('<Cloze id="c" text="none" />\n', 'content/y.mdx')).rejects.toThrow(/^content\/y\.mdx:1: /);
  });
});
