import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntaxBlocks, tableCells } from './syntax-doc';

describe('syntaxBlocks', () => {
  it('splits headings and tables out and keeps fenced code whole', () => {
    const md = [
      '# Title',
      '',
      'Intro text.',
      '',
      '```markdown',
      '# not a heading',
      '| not | a table |',
      '```',
      '',
      '## Forms',
      '',
      '| you write | you get |',
      '| --- | --- |',
      '| `a::b` | a basic card |',
      '| `a \\| b` | a pipe |',
      '',
      'After.',
    ].join('\n');
    expect(syntaxBlocks(md)).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'markdown', text: 'Intro text.\n\n```markdown\n# not a heading\n| not | a table |\n```' },
      { kind: 'heading', level: 2, text: 'Forms' },
      {
        kind: 'table',
        head: ['you write', 'you get'],
        rows: [
          ['`a::b`', 'a basic card'],
          ['`a | b`', 'a pipe'],
        ],
      },
      { kind: 'markdown', text: 'After.' },
    ]);
  });
  it('reads tableCells with and without outer pipes', () => {
    expect(tableCells('| a | b |')).toEqual(['a', 'b']);
    expect(tableCells('a | b')).toEqual(['a', 'b']);
  });
  it('reads the real SYNTAX.md: a title, sections, and the forms table', () => {
    const blocks = syntaxBlocks(readFileSync(new URL('../../lib/notes/SYNTAX.md', import.meta.url), 'utf8'));
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Flashcards from your own notes' });
    const tables = blocks.filter((b) => b.kind === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(1);
    expect(tables[0]).toMatchObject({ head: ['you write', 'you get'] });
    // Nothing that looks like a heading or table survives inside the Markdown blocks, outside code.
    for (const b of blocks) if (b.kind === 'markdown') expect(b.text.replace(/```[\s\S]*?```/g, '')).not.toMatch(/^(#|\|)/m);
  });
});
