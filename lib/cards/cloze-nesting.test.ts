import { describe, expect, it } from 'vitest';
import { clozeAnswers, clozeNumbers, clozeProblems, mapCloze, parseCloze, renderClozeAnswer, renderClozeQuestion } from './cloze';

describe('cloze numbers, nested and malformed (Anki reads a field this way)', () => {
  it.each([
    ['no deletions', []],
    ['{{c1::a}}', [1]],
    ['{{c2::a}} {{c1::b::hint}} {{c2::c}}', [1, 2]],
    ['{{c1::outer {{c3::inner}}}}', [1, 3]],
    ['{{c10::ten}}', [10]],
    ['{{c0::zero}} {{c1::unclosed', []],
    ['{{c1 ::spaced}} {{C1::upper}} {{ c1::x}}', []],
  ])('clozeNumbers(%j) = %j', (text, ns) => {
    expect(clozeNumbers(text)).toEqual(ns);
  });

  it('treats unmatched markers as text', () => {
    expect(parseCloze('}} {{c1::a}} }} {{c2::b')).toEqual([
      { kind: 'text', text: '}} ' },
      { kind: 'deletion', n: 1, body: [{ kind: 'text', text: 'a' }], start: 3, end: 12 },
      { kind: 'text', text: ' }} {{c2::b' },
    ]);
  });

  const NESTED = '{{c1::a {{c2::b}} c}}';
  it('a nested cloze is two cards: each hides its own deletion', () => {
    expect(clozeNumbers(NESTED)).toEqual([1, 2]);
    expect(renderClozeQuestion(NESTED, 1)).toBe('[...]');
    expect(renderClozeQuestion(NESTED, 2)).toBe('a [...] c');
    expect(renderClozeAnswer(NESTED, 2, { mark: (s) => `<${s}>` })).toBe('a <b> c');
    expect(renderClozeAnswer(NESTED, 'all', { mark: (s) => `<${s}>` })).toBe('<a b c>');
    expect(clozeAnswers(NESTED, 1)).toEqual(['a b c']);
    expect(clozeProblems(NESTED)).toEqual([]);
  });

  it('writes the text back exactly, markers swapped', () => {
    const text = 'x {{c1::a {{c2::b::h}} c::hint}} }} y';
    expect(mapCloze(text, { text: (s) => s, open: (n) => `{{c${n}::`, close: '}}' })).toBe(text);
    expect(mapCloze(text, { text: (s) => s.toUpperCase(), open: (n) => `<${n}>`, close: '</>' })).toBe('X <1>A <2>B::H</> C::HINT</> }} Y');
  });
});

describe('hostile nesting', () => {
  it('thousands of nested openers: parsed without recursing past the limit, and reported', async () => {
    const { MAX_NESTING } = await import('./cloze');
    const text = '{{c1::'.repeat(5000) + 'x' + '}}'.repeat(5000);
    expect(() => parseCloze(text)).not.toThrow();
    expect(clozeNumbers(text)).toEqual([1]);
    expect(clozeProblems(text)[0].message).toBe(`cloze deletions nested more than ${MAX_NESTING} deep`);
    expect(() => renderClozeQuestion(text, 1)).not.toThrow();
  });
});

describe('clozes the app cannot show are problems', () => {
  it.each([
    ['[docs](https://e.com/{{c1::secret}})', 'a cloze deletion inside a link address cannot be shown'],
    ['{{c1::a::{{c2::b}}}}', '"{{c2::" inside the hint of "{{c1::" (after its "::") is not a deletion'],
  ])('%s', (text, message) => {
    expect(clozeProblems(text).map((p) => p.message)).toContain(message);
  });
});
