import { describe, expect, it } from 'vitest';
import { CardSyntaxError } from '../cards/errors';
import { parseLessonTree } from './lesson';
import { collectLessonCards, type LessonCardDraft } from './lesson-cards';

// Collects from the one lesson parse, as extract-cards does.
async function run(value: string, path = 'content/x.mdx'): Promise<LessonCardDraft[]> {
  return collectLessonCards(parseLessonTree(value), { file: path, source: value });
}

describe('lesson cards', () => {
  it('collects the drafts with their section', async () => {
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
