// The syntax guide's own examples (SYNTAX.md, every ```markdown block, in order) as a golden table:
// what the guide shows a learner is what the importer makes of it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNote } from './parse-note';

const guide = readFileSync(new URL('./SYNTAX.md', import.meta.url), 'utf8');
const examples = [...guide.matchAll(/```markdown\n([\s\S]*?)```/g)].map((m) => m[1]);

type Row = [type: string, front: string, back: string];
const GOLDEN: Row[][] = [
  [
    ['basic', 'What five fields for GPT config?', 'block_size, vocab_size, n_layer, n_head, n_embd'],
    ['basic', 'tiktoken', 'is a fast open source BPE tokeniser'],
    ['basic', 'Token embedding', 'wte'],
    ['reversed', 'Token embedding', 'wte'],
  ],
  [
    [
      'basic',
      'What does the final layer norm do?\nWhich module follows it?',
      "It normalizes the last block's output,\nthen lm_head maps it to 50,257 logits.",
    ],
  ],
  [
    ['cloze', 'Tokenizer encoding/decoding is reminiscent of memorization techniques like {{c1::PAO}}', ''],
    ['cloze', 'The embedding size of GPT-2 small is {{c1::768}}', ''],
  ],
  [
    [
      'cloze',
      'How does attention work in a transformer with QKV?\n\n- Attention scores are computed between a {{c1::Query}} and all {{c2::Keys}}\n- Scores are passed through softmax to {{c3::normalize}} them into probabilities',
      '',
    ],
  ],
  [
    ['cloze', 'GPT-2 small has {{c1::12}} layers and {{c2::768}} channels.', ''],
    ['cloze', 'GPT-2 has {{c1::50,257}} tokens.', ''],
  ],
];

describe('the syntax guide, example by example', () => {
  it('has the examples this table covers', () => {
    expect(examples).toHaveLength(GOLDEN.length);
  });
  it.each(GOLDEN.map((rows, i) => [i + 1, rows] as const))('example %i', (i, rows) => {
    const { cards, warnings } = parseNote(examples[i - 1]);
    expect(warnings).toEqual([]);
    expect(cards.map((c): Row => [c.type, c.front, c.back])).toEqual(rows);
  });
});
