// Notes a learner (or a classmate's file) can throw at the importer, each with its exact outcome:
// the cards that come out and the warnings with their line numbers. Nothing is dropped silently.
import { describe, expect, it } from 'vitest';
import { clozeNumbers } from '../cards/cloze';
import { reviewItems } from '../srs/review-items';
import { parseNote } from './parse-note';

interface Row {
  name: string;
  note: string;
  deck?: string;
  cards: Array<Record<string, unknown>>;
  warnings?: Array<[number, RegExp]>;
}

const rows: Row[] = [
  {
    name: 'unclosed code fence',
    note: 'Q::A\n\n```\ncode::not a card\n',
    cards: [{ front: 'Q' }],
    warnings: [[3, /code fence "```" opened here is never closed/]],
  },
  {
    name: 'unclosed HTML comment',
    note: 'Q::A\n<!-- hidden\nX::Y\n',
    cards: [{ front: 'Q' }],
    warnings: [[2, /HTML comment "<!--" opened here is never closed/]],
  },
  { name: 'a closed comment is fine', note: '<!-- a -->\nQ::A\n', cards: [{ front: 'Q' }] },
  { name: 'binary data (NUL bytes)', note: 'PK\u0003\u0004\u0000\u0000garbage::x', cards: [], warnings: [[1, /not a text file/]] },
  { name: 'binary data (undecodable bytes)', note: '\uFFFD'.repeat(80) + 'a::b', cards: [], warnings: [[1, /not a text file/]] },
  {
    name: 'NFC and NFD of one question are one card',
    note: 'Qu\u00e9?::A\n\nQue\u0301?::B\n',
    cards: [{ front: 'Qu\u00e9?', back: 'A' }],
    warnings: [[3, /same card as on line 1/]],
  },
  {
    name: 'deck name "Physics::"',
    note: 'Q::A\n',
    deck: 'Physics::',
    cards: [{ deck: 'notes' }],
    warnings: [[1, /empty part around "::"/]],
  },
  { name: 'deck name "::"', note: 'Q::A\n', deck: '::', cards: [{ deck: 'notes' }], warnings: [[1, /empty part/]] },
  { name: 'deck name "A::B" is fine', note: 'Q::A\n', deck: 'A::B', cards: [{ deck: 'A::B' }] },
  {
    name: 'a tag at the start of a card line: that card only',
    note: '#flashcards/gpt2\n\n#flashcards/gpt2/mlp What is the MLP expansion factor?::4\n\nNext?::card\n',
    cards: [
      { front: 'What is the MLP expansion factor?', back: '4', deck: 'gpt2::mlp' },
      { front: 'Next?', deck: 'gpt2' },
    ],
  },
  { name: 'a plain tag at the start of a card line', note: '#todo Q::A\n', cards: [{ front: 'Q', tags: ['todo'], deck: 'notes' }] },
  { name: 'Obsidian block id at the end of a line', note: 'Q::A ^d7cee0\n', cards: [{ front: 'Q', back: 'A' }] },
  {
    name: 'two deck tags: one deck, and a warning naming it',
    note: '#flashcards/a #flashcards/b\nQ::A\n',
    cards: [{ deck: 'b' }],
    warnings: [[1, /2 deck tags .*"b"/]],
  },
  {
    name: "a card above the note's first tag gets it",
    note: 'Q::A\n\n#flashcards/gpt2 #concept\n\nR::B\n',
    cards: [
      { deck: 'gpt2', tags: ['concept'] },
      { deck: 'gpt2', tags: ['concept'] },
    ],
  },
  {
    name: 'a nested cloze is one card with two deletions',
    note: 'GPT-2 {{c1::small {{c2::124M}} model}} is here.\n',
    cards: [{ type: 'cloze' }],
  },
  { name: 'an unclosed cloze: warned, no card', note: 'x {{c1::never closed\n', cards: [], warnings: [[1, /not a cloze card: unclosed/]] },
  { name: 'c0: warned, no card', note: '{{c0::zero}} here\n', cards: [], warnings: [[1, /not a cloze card: cloze numbers start at 1/]] },
  { name: 'an empty deletion: warned', note: '{{c1:: }} here\n', cards: [], warnings: [[1, /not a cloze card: empty cloze deletion/]] },
  { name: 'a highlight with "=" inside', note: 'The ==a=b== rule.\n', cards: [{ type: 'cloze', front: 'The {{c1::a=b}} rule.' }] },
  {
    name: 'SR comment kept with its card',
    note: 'Q::A <!--SR:!2026-01-02,3,250-->\n',
    cards: [{ srComment: '<!--SR:!2026-01-02,3,250-->' }],
  },
  { name: 'only blank lines', note: '\n\n\n', cards: [] },
  { name: 'a question with no answer', note: 'strengths?\n', cards: [] },
  { name: 'separator with nothing after it', note: 'Q::\n', cards: [], warnings: [[1, /needs text on both sides/]] },
  { name: 'a lone ??', note: '??\n', cards: [], warnings: [[1, /has no question above it/]] },
  {
    name: "a deck tag with an empty part: the file's deck, and a warning",
    note: '---\ntags: ["flashcards/x::"]\n---\nQ::A\n',
    cards: [{ deck: 'notes' }],
    warnings: [[1, /#flashcards\/x::: .*empty part.*using "notes"/]],
  },
  { name: 'a huge single line', note: 'x'.repeat(200_000) + '::y', cards: [{ back: 'y' }] },
];

describe('bad notes: exact outcomes', () => {
  it.each(rows)('$name', ({ note, deck, cards, warnings = [] }) => {
    const out = parseNote(note, { fileName: 'notes.md', ...(deck !== undefined ? { defaultDeck: deck } : {}) });
    expect(out.cards).toHaveLength(cards.length);
    out.cards.forEach((c, i) => expect(c).toMatchObject(cards[i]));
    expect(out.warnings.map((w) => w.line)).toEqual(warnings.map(([line]) => line));
    out.warnings.forEach((w, i) => expect(w.message).toMatch(warnings[i][1]));
  });

  it('a nested cloze gets one review item per number', () => {
    const [card] = parseNote('GPT-2 {{c1::small {{c2::124M}} model}} is here.\n').cards;
    expect(clozeNumbers(card.front)).toEqual([1, 2]);
    expect(reviewItems([card]).map((i) => i.cloze)).toEqual([1, 2]);
  });

  it('a card of 150,000 lines: one card, no stack overflow', () => {
    const answer = Array.from({ length: 150_000 }, (_, i) => `  line ${i}`).join('\n');
    const out = parseNote(`Question with a long answer\n?\n${answer}\n`);
    expect(out.warnings).toEqual([]);
    expect(out.cards).toHaveLength(1);
    expect(out.cards[0].back.split('\n')).toHaveLength(150_000);
  });
});
