import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clozeNumbers, noteCardId, type Card } from '../cards';
import { parseNote } from './index';

const FIXTURE = readFileSync(new URL('../../test/fixtures/concept-pamphlet.md', import.meta.url), 'utf8');
const TAGS = ['concept-pamphlet', 'todo'];
const DECK = 'concept-pamphlet';

describe("the reader's notes file (golden)", () => {
  const { cards, warnings } = parseNote(FIXTURE, { fileName: 'concept-pamphlet.md' });

  it('produces exactly these cards', () => {
    const expected: Card[] = [
      {
        id: 'note/e8040d55b9f4cd38',
        type: 'basic',
        front: 'tiktoken',
        back: 'is a fast open source BPE tokeniser',
        deck: DECK,
        tags: TAGS,
      },
      {
        id: 'note/5e59adfd8dfd32d7',
        type: 'basic',
        front: 'What five fields for GPT config?',
        back: 'block_size, vocab_size, n_layer, n_head, n_embd',
        deck: DECK,
        tags: TAGS,
      },
      {
        id: 'note/69387bef271479a1',
        type: 'cloze',
        front: 'Tokenizer encoding/decoding is reminiscent of human memorization techniques like {{c1::PAO}}',
        back: '',
        deck: DECK,
        tags: TAGS,
      },
      {
        id: 'note/dd63ad8c95c8f8ba',
        type: 'cloze',
        front: [
          'Say for example that we have a corpus of Shakespeare’s texts and we want to train a GPT-2 like model to output Shakespeare-like text. How do you convert this text into training data? 2 steps:',
          '',
          '1. {{c1::tokenize it}}',
          '2. turn into training data: key-value pairs where key is a chunk of block_size, and value is the target is the next token',
        ].join('\n'),
        back: '',
        deck: DECK,
        tags: TAGS,
      },
      {
        id: 'note/fe63f1972c633d29',
        type: 'cloze',
        front: [
          'How does attention work in a transformer with QKV?',
          '',
          '- Attention scores computed between a {{c1::Query}} and all {{c2::Keys}}, usually using dot product. These scores tell how much attention to put on corresponding outputs',
          '- Scores are passed through softmax to {{c3::normalize}} into probabilities',
          '- Output of attention mechanism is the weighted sum of the Values, where the weights are the normalized attention scores',
        ].join('\n'),
        back: '',
        deck: DECK,
        tags: TAGS,
      },
    ];
    expect(cards).toEqual(expected);
  });

  it('warns about the question that has no answer, and nothing else', () => {
    expect(warnings).toEqual([{ line: 44, message: 'question without an answer ("scaled dot product attention equation ?"); no card' }]);
  });

  it('ids are the documented hash of deck, type and front', () => {
    for (const c of cards) expect(c.id).toBe(noteCardId(c.deck, c.type, c.front));
    expect(clozeNumbers(cards[4].front)).toEqual([1, 2, 3]);
  });

  it('is deterministic, and a deck override changes deck and ids', () => {
    expect(parseNote(FIXTURE, { fileName: 'concept-pamphlet.md' }).cards).toEqual(cards);
    const other = parseNote(FIXTURE, { fileName: 'x.md', defaultDeck: 'My notes::GPT-2' }).cards;
    expect(other.map((c) => c.deck)).toEqual(cards.map(() => 'My notes::GPT-2'));
    expect(other[0].id).not.toBe(cards[0].id);
  });
});

type Row = { name: string; note: string; cards: Array<Partial<Card>>; warnings?: Array<[number, RegExp]> };
const fronts = (note: string) => parseNote(note, { fileName: 'n.md' });

describe('Obsidian spaced-repetition syntax', () => {
  const rows: Row[] = [
    { name: 'front::back', note: 'Token embedding::wte\n', cards: [{ type: 'basic', front: 'Token embedding', back: 'wte' }] },
    { name: 'front:::back', note: 'Token embedding:::wte\n', cards: [{ type: 'reversed', front: 'Token embedding', back: 'wte' }] },
    {
      name: 'multi-line ?',
      note: 'intro line\n\nWhat does ln_f do?\nAnd then?\n?\nNormalizes.\nThen lm_head.\n\nnot part of it\n',
      cards: [{ type: 'basic', front: 'What does ln_f do?\nAnd then?', back: 'Normalizes.\nThen lm_head.' }],
    },
    { name: 'multi-line ??', note: 'wte\n??\ntoken embedding\n', cards: [{ type: 'reversed', front: 'wte', back: 'token embedding' }] },
    {
      name: 'highlights → c1, c2',
      note: 'GPT-2 small has ==12== layers and\n==768== channels.\n',
      cards: [{ type: 'cloze', front: 'GPT-2 small has {{c1::12}} layers and\n{{c2::768}} channels.', back: '' }],
    },
    {
      name: 'Anki cloze kept',
      note: 'GPT-2 has {{c1::50,257::count}} tokens\n',
      cards: [{ type: 'cloze', front: 'GPT-2 has {{c1::50,257::count}} tokens' }],
    },
    {
      name: 'deck tags and plain tags',
      note: '#flashcards/gpt2/attention #study\nQ1::A1\n\n#flashcards\nQ2::A2\n',
      cards: [
        { deck: 'gpt2::attention', tags: ['study'], front: 'Q1' },
        { deck: 'n', tags: ['study'], front: 'Q2' },
      ],
    },
    { name: 'frontmatter tags', note: '---\ntags: [flashcards/fm, x]\n---\nQ::A\n', cards: [{ deck: 'fm', tags: ['x'] }] },
    {
      name: 'SR comments kept verbatim, same line and next line',
      note: 'Q1::A1 <!--SR:!2026-12-01,3,250-->\n\nQ2\n?\nA2\n<!--SR:!2026-12-02,4,270-->\n\n==x== and ==y==\n<!--SR:!2026-12-03,1,230!2026-12-04,2,250-->\n',
      cards: [
        { front: 'Q1', back: 'A1', srComment: '<!--SR:!2026-12-01,3,250-->' },
        { front: 'Q2', back: 'A2', srComment: '<!--SR:!2026-12-02,4,270-->' },
        { front: '{{c1::x}} and {{c2::y}}', srComment: '<!--SR:!2026-12-03,1,230!2026-12-04,2,250-->' },
      ],
    },
    {
      name: 'code fences, inline code and HTML comments are never cards',
      note: '```py\nq::a\nx = y ? 1 : 2\n```\n~~~\n==hl==\n~~~\n<!-- hidden::card\nand ==this== -->\n`std::vector` holds ____ items `a >> b`\n',
      cards: [],
      warnings: [[10, /blank "____" without an answer/]],
    },
    { name: 'a >> blockquote is not a card', note: '> quote\n>> nested quote\n', cards: [] },
    { name: 'a question without answer is not a card', note: '- strengths?\n- weaknesses?\n', cards: [] },
  ];
  it.each(rows)('$name', ({ note, cards, warnings = [] }) => {
    const out = fronts(note);
    expect(out.cards).toHaveLength(cards.length);
    out.cards.forEach((c, i) => expect(c).toMatchObject(cards[i]));
    expect(out.warnings.map((w) => w.line)).toEqual(warnings.map(([line]) => line));
    out.warnings.forEach((w, i) => expect(w.message).toMatch(warnings[i][1]));
  });
});

describe("the reader's own conventions", () => {
  const rows: Row[] = [
    {
      name: 'Question? ? answer',
      note: 'Why scale by √d_k? ? to keep softmax soft\n',
      cards: [{ type: 'basic', front: 'Why scale by √d_k?', back: 'to keep softmax soft' }],
    },
    {
      name: 'term >> definition',
      note: '- wpe >> positional embedding\n',
      cards: [{ type: 'basic', front: '- wpe', back: 'positional embedding' }],
    },
    { name: 'blank >> answer', note: 'n_embd is ____ >> 768\n', cards: [{ type: 'cloze', front: 'n_embd is {{c1::768}}' }] },
    {
      name: 'blank, ? answer on the next line',
      note: 'n_embd is ____\n? 768\n',
      cards: [{ type: 'cloze', front: 'n_embd is {{c1::768}}' }],
    },
    {
      name: 'blank, answer after a blank line',
      note: 'n_embd is ____\n\n>> 768\n',
      cards: [{ type: 'cloze', front: 'n_embd is {{c1::768}}' }],
    },
    { name: 'answer with a thousands comma', note: 'vocab: ____ tokens >> 50,257\n', cards: [{ front: 'vocab: {{c1::50,257}} tokens' }] },
    {
      name: 'several blanks, answers in order',
      note: 'Layers?\n\n- ____ layers\n- ____ channels\n? 12; 768\n',
      cards: [{ type: 'cloze', front: 'Layers?\n\n- {{c1::12}} layers\n- {{c2::768}} channels' }],
    },
    {
      name: 'Q then ? answer on the next line',
      note: 'What is wte?\n? token embedding\n',
      cards: [{ type: 'basic', front: 'What is wte?', back: 'token embedding' }],
    },
    {
      name: 'question ending in " ?" with the answer below',
      note: 'scaled dot product attention equation ?\nsoftmax(QKᵀ/√d_k)V\n',
      cards: [{ type: 'basic', front: 'scaled dot product attention equation', back: 'softmax(QKᵀ/√d_k)V' }],
    },
    { name: 'wrong number of answers', note: '____ and ____ >> one\n', cards: [], warnings: [[1, /2 blanks but 1 answers/]] },
    {
      name: 'answer that breaks cloze syntax',
      note: 'type ____ >> std::vector\n',
      cards: [{ type: 'basic', front: 'type ____ >> std', back: 'vector' }],
    },
    { name: 'answer with }}', note: 'x ____ >> a}}b\n', cards: [], warnings: [[1, /not a cloze card: .*may not contain/]] },
    { name: '" ? " with no question mark before it', note: 'note ? aside\n', cards: [], warnings: [[1, /not after a question mark/]] },
    {
      name: 'a blank with a lone "?" below it',
      note: 'x ____\n?\n',
      cards: [],
      warnings: [
        [1, /blank "____" without an answer/],
        [2, /"\?" has no answer below it/],
      ],
    },
    { name: 'a blank answered with nothing', note: 'x ____ >>\n', cards: [], warnings: [[1, /answered with nothing/]] },
    { name: 'duplicate card', note: 'Q::A\nQ::B\n', cards: [{ front: 'Q', back: 'A' }], warnings: [[2, /same card as on line 1/]] },
  ];
  it.each(rows)('$name', ({ note, cards, warnings = [] }) => {
    const out = fronts(note);
    expect(out.cards).toHaveLength(cards.length);
    out.cards.forEach((c, i) => expect(c).toMatchObject(cards[i]));
    expect(out.warnings.map((w) => w.line)).toEqual(warnings.map(([line]) => line));
    out.warnings.forEach((w, i) => expect(w.message).toMatch(warnings[i][1]));
  });
});

describe('robustness', () => {
  const hostile = [
    '',
    '\n\n\n',
    '```\nunclosed fence ::',
    '<!-- unclosed comment q::a',
    '{{c1::unclosed cloze',
    '==',
    '?\n??\n::\n:::\n>>\n',
    '---\n: bad yaml [\n---\nQ::A\n',
    '#\n##\n#flashcards//\nQ::A',
    '\r\nWindows::line endings\r\n',
    '____ ____ ____ ? , , ,',
    'x'.repeat(10_000) + '::y',
  ];
  it.each(hostile.map((h) => [h.slice(0, 30), h]))('never throws: %j', (_name, note) => {
    const out = parseNote(note);
    expect(Array.isArray(out.cards)).toBe(true);
    for (const w of out.warnings) expect(w.line).toBeGreaterThan(0);
  });

  it('keeps line numbers with Windows line endings and reports bad frontmatter', () => {
    expect(parseNote('a\r\n\r\nx ____ >> 1 2\r\nQ::\r\n').warnings).toEqual([
      { line: 4, message: '"::" needs text on both sides; no card' },
    ]);
    expect(parseNote('---\ntags: [a, b\n---\nQ::A\n').warnings[0]).toMatchObject({ line: 1, message: /frontmatter is not valid YAML/ });
  });

  it('imported HTML cannot run script', () => {
    const { cards } = parseNote('<img src=x onerror=alert(1)>::[click](javascript:alert(1))\n');
    expect(cards[0].front).toBe('\\<img src=x onerror=alert(1)>');
    expect(cards[0].back).toBe('click');
  });
});
