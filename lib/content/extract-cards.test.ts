import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CardSyntaxError, clozeNumbers, type Card } from '../cards';
import { extractLesson, extractLessonCards, loadDeck, loadLessons } from './extract-cards';
import { lessonHeadings, parseLessonTree } from './lesson';

const headings = (source: string) => lessonHeadings(parseLessonTree(source));

const FILE = 'content/tokenization.mdx';

const LESSON = `---
title: Tokenization
summary: From text to ids.
order: 2
---

Intro text before any heading.

<QA id="intro-q" q="What comes first?" a="The intro." />

## Byte pair encoding

GPT-2 uses BPE.

<Cloze id="vocab-size" text="GPT-2 has {{c1::50,257}} tokens ({{c2::50,000::how many merges?}} merges)" extra="256 bytes + 1 special token" tags="numbers vocab" />

## The \`GPTConfig\` fields

<ClozeList id="config-fields" prompt="What five fields for GPT config?">
- \`block_size\`: max sequence length (1024)
- \`vocab_size\`: number of tokens
  (50,257)
- **n_layer** = 12
- n_head
- \`n_embd\`: embedding size, 768
</ClozeList>

## Byte pair encoding

Inline <QA id="dup-heading" q="Second BPE section?" a="Gets a -1 anchor." /> card.
`;

describe('extractLessonCards', () => {
  const cards = extractLessonCards(FILE, LESSON);

  it('produces typed cards in document order', () => {
    expect(cards.map((c) => c.id)).toEqual([
      'tokenization/intro-q',
      'tokenization/vocab-size',
      'tokenization/config-fields',
      'tokenization/dup-heading',
    ]);
    expect(cards[1]).toEqual({
      id: 'tokenization/vocab-size',
      type: 'cloze',
      front: 'GPT-2 has {{c1::50,257}} tokens ({{c2::50,000::how many merges?}} merges)',
      back: '256 bytes + 1 special token',
      deck: 'GPT-2 Pamphlet::Tokenization',
      tags: ['tokenization', 'numbers', 'vocab'],
      source: {
        lesson: 'tokenization',
        lessonTitle: 'Tokenization',
        anchor: 'byte-pair-encoding',
        section: 'Byte pair encoding',
        file: FILE,
        line: 15,
      },
    } satisfies Card);
  });

  it('QA cards are basic', () => {
    expect(cards[0]).toMatchObject({ type: 'basic', front: 'What comes first?', back: 'The intro.', tags: ['tokenization'] });
  });

  it('anchors follow rehype-slug: code text kept, duplicates numbered, none before the first heading', () => {
    expect(cards.map((c) => c.source?.anchor)).toEqual(['', 'byte-pair-encoding', 'the-gptconfig-fields', 'byte-pair-encoding-1']);
    expect(cards.map((c) => c.source?.section)).toEqual([undefined, 'Byte pair encoding', 'The GPTConfig fields', 'Byte pair encoding']);
  });

  it('ClozeList: code, else strong, else whole item; explanations as a list', () => {
    const list = cards[2];
    expect(list.front).toBe(
      'What five fields for GPT config? {{c1::block_size}}, {{c2::vocab_size}}, {{c3::n_layer}}, {{c4::n_head}}, {{c5::n_embd}}',
    );
    expect(list.back).toBe(
      [
        '- `block_size`: max sequence length (1024)',
        '- `vocab_size`: number of tokens',
        '  (50,257)',
        '- **n_layer** = 12',
        '- n_head',
        '- `n_embd`: embedding size, 768',
      ].join('\n'),
    );
    expect(clozeNumbers(list.front)).toEqual([1, 2, 3, 4, 5]);
    expect(list.source?.line).toBe(19);
  });

  it('reads frontmatter', () => {
    const { cards: _cards, ...info } = extractLesson(FILE, LESSON);
    expect(info).toEqual({ slug: 'tokenization', title: 'Tokenization', order: 2, file: FILE });
  });

  it('accepts string-literal expression attributes', () => {
    const src = '---\ntitle: T\n---\n\n<QA id="q" q={"He said \\"hi\\""} a={`multi\nline`} />\n';
    expect(extractLessonCards('content/t.mdx', src)[0]).toMatchObject({ front: 'He said "hi"', back: 'multi\nline' });
  });

  it('a lesson without cards needs no title', () => {
    expect(extractLesson('content/empty.mdx', '# Just text\n').cards).toEqual([]);
  });
});

describe('CardSyntaxError names the file and line', () => {
  const head = '---\ntitle: T\n---\n\n'; // the card starts on line 5
  const bad: Array<{ what: string; body: string; message: RegExp; line: number }> = [
    { what: 'missing id', body: '<QA q="q" a="a" />', message: /<QA> needs a non-empty "id"/, line: 5 },
    { what: 'invalid id', body: '<QA id="Why_Scale" q="q" a="a" />', message: /invalid card id "Why_Scale": use kebab-case/, line: 5 },
    {
      what: 'duplicate id',
      body: '<QA id="x" q="q" a="a" />\n\n<Cloze id="x" text="{{c1::a}}" />',
      message: /duplicate card id "x" \(first used on line 5\)/,
      line: 7,
    },
    {
      what: 'no deletion',
      body: '<Cloze id="c" text="no deletion here" />',
      message: /<Cloze id="c">: cloze text has no \{\{cN::…\}\} deletion/,
      line: 5,
    },
    {
      what: 'unclosed',
      body: '<Cloze id="c" text="ok {{c1::a}} then {{c2::open" />',
      message: /unclosed cloze deletion "\{\{c2::…"/,
      line: 5,
    },
    {
      what: 'unclosed, multi-line text',
      body: '<Cloze\n  id="c"\n  text="line one\nline two {{c1::open"\n/>',
      message: /unclosed/,
      line: 8,
    },
    { what: 'empty answer', body: '<QA id="q" q="q" a="" />', message: /needs a non-empty "a"/, line: 5 },
    { what: 'non-literal attribute', body: '<QA id="q" q={1 + 1} a="a" />', message: /attribute "q" must be a string/, line: 5 },
    {
      what: 'ClozeList without list',
      body: '<ClozeList id="l" prompt="p">\nno list\n</ClozeList>',
      message: /exactly one Markdown list/,
      line: 5,
    },
    {
      what: 'ClozeList item breaking cloze syntax',
      body: '<ClozeList id="l" prompt="p">\n- ok\n- `std::vector`\n</ClozeList>',
      message: /list item 2: cloze answer or hint may not contain/,
      line: 7,
    },
    { what: 'MDX syntax error', body: 'text with {unclosed brace\n', message: /cannot parse MDX/, line: 5 },
  ];
  it.each(bad)('$what', ({ body, message, line }) => {
    let err: unknown;
    try {
      extractLessonCards('content/bad.mdx', head + body + '\n');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CardSyntaxError);
    const e = err as CardSyntaxError;
    expect(e.message).toMatch(message);
    expect(e.message.startsWith(`content/bad.mdx:${line}: `)).toBe(true);
    expect([e.file, e.line]).toEqual(['content/bad.mdx', line]);
  });

  it('a lesson with cards but no title', () => {
    expect(() => extractLessonCards('content/x.mdx', '<QA id="q" q="q" a="a" />\n')).toThrow(/content\/x.mdx:1: .*needs a `title`/);
  });
});

describe('loadDeck (temporary content folder)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pamphlet-content-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'b-attention.mdx'), '---\ntitle: Attention\norder: 1\n---\n\n<QA id="a" q="q" a="a" />\n');
  writeFileSync(path.join(dir, 'a-intro.mdx'), '---\ntitle: Intro\norder: 0\n---\n\n<QA id="a" q="q" a="a" />\n');
  writeFileSync(path.join(dir, 'README.md'), '<QA id="not-a-lesson" q="q" a="a" />\n');

  it('orders lessons by frontmatter order and skips non-.mdx files', async () => {
    const cards = await loadDeck(dir);
    expect(cards.map((c) => [c.id, c.deck])).toEqual([
      ['a-intro/a', 'GPT-2 Pamphlet::Intro'],
      ['b-attention/a', 'GPT-2 Pamphlet::Attention'],
    ]);
    expect(cards[0].source?.file).toBe(`${dir}/a-intro.mdx`);
  });
});

// The real lessons are written alongside this library; once they exist this must pass.
const CONTENT = 'content';
const realLessons = existsSync(CONTENT) ? readdirSync(CONTENT).filter((n) => n.endsWith('.mdx')) : [];
describe.skipIf(realLessons.length === 0)(`real lessons in ${CONTENT}/ (${realLessons.length} .mdx files)`, () => {
  it('every lesson card parses, with unique ids, a deck per lesson and a source link', async () => {
    const lessons = await loadLessons(CONTENT);
    const cards = lessons.flatMap((l) => l.cards);
    expect(cards.length).toBeGreaterThan(0);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    for (const c of cards) {
      expect(c.deck).toMatch(/^GPT-2 Pamphlet::\S/);
      expect(c.source?.lesson).toBe(c.id.split('/')[0]);
      expect(c.source?.line).toBeGreaterThan(0);
      if (c.type === 'cloze') expect(clozeNumbers(c.front).length).toBeGreaterThan(0);
    }
  });

  it('every card links to a heading id of its lesson (as the table of contents computes them)', async () => {
    const lessons = await loadLessons(CONTENT);
    for (const l of lessons) {
      const ids = new Set(headings(readFileSync(path.join(CONTENT, `${l.slug}.mdx`), 'utf8')).map((h) => h.id));
      for (const c of l.cards) expect([c.id, ids.has(c.source!.anchor) || c.source!.anchor === '']).toEqual([c.id, true]);
    }
  });

  it('every card id in the notes-coverage table of content/README.md is a real card', async () => {
    const cardIds = new Set((await loadDeck(CONTENT)).map((c) => c.id));
    const readme = readFileSync(path.join(CONTENT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Notes coverage'));
    // the last cell of each row: 'none' or a comma-separated list of lesson/id
    const lastCells = table
      .split('\n')
      .filter((l) => l.startsWith('| '))
      .map((l) => l.split('|').at(-2)!.trim());
    const listed = lastCells.flatMap((cell) => cell.split(',').map((s) => s.trim())).filter((s) => /^[a-z]+\/[a-z0-9-]+$/.test(s));
    expect(listed.length).toBeGreaterThan(30);
    expect(listed.filter((id) => !cardIds.has(id))).toEqual([]);
  });
});
if (realLessons.length === 0) {
  console.warn(`[extract-cards.test] skipped the real-lesson test: no ${CONTENT}/*.mdx yet`);
}
