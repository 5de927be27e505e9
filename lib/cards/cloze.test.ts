import { describe, expect, it } from 'vitest';
import {
  ClozeSyntaxError,
  assertCloze,
  clozeAnswers,
  clozeProblems,
  clozeDeletion,
  clozeNumbers,
  isCloze,
  parseCloze,
  renderClozeAnswer,
  renderClozeQuestion,
} from './index';

const VOCAB = 'GPT-2 has {{c1::50,257}} tokens ({{c2::50,000::how many merges?}} merges + {{c3::256}} bytes + {{c3::1}} special)';

describe('parseCloze', () => {
  it('splits text and deletions with offsets', () => {
    expect(parseCloze('a {{c1::b}} c {{c2::d::hint}}')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'deletion', n: 1, body: [{ kind: 'text', text: 'b' }], start: 2, end: 11 },
      { kind: 'text', text: ' c ' },
      { kind: 'deletion', n: 2, body: [{ kind: 'text', text: 'd' }], hint: 'hint', start: 14, end: 29 },
    ]);
  });

  // Anki's classic rule: the first `}}` closes; the first `::` separates the hint.
  const golden: Array<{ text: string; answers: Array<[number, string, string?]>; rest: string }> = [
    { text: '{{c1::a}}b}}', answers: [[1, 'a']], rest: 'b}}' },
    { text: '{{c1::{x}}}', answers: [[1, '{x']], rest: '}' },
    { text: '{{c1::a::b::c}}', answers: [[1, 'a', 'b::c']], rest: '' },
    { text: '{{c1::a::}}', answers: [[1, 'a']], rest: '' },
    { text: '{{c12::twelve}} }} {{c ::x}}', answers: [[12, 'twelve']], rest: ' }} {{c ::x}}' },
    { text: 'no deletions {{c1:x}}', answers: [], rest: 'no deletions {{c1:x}}' },
    { text: '{{C1::upper}}', answers: [], rest: '{{C1::upper}}' },
    { text: '$\\sqrt{d_k}$ is {{c1::$\\sqrt{64} = 8$}}', answers: [[1, '$\\sqrt{64} = 8$']], rest: '$\\sqrt{d_k}$ is ' },
  ];
  it.each(golden)('golden: $text', ({ text, answers, rest }) => {
    const segs = parseCloze(text);
    const dels = segs.flatMap((s) => (s.kind === 'deletion' ? [[s.n, clozeAnswers(text, s.n)[0], ...(s.hint ? [s.hint] : [])]] : []));
    expect(dels).toEqual(answers);
    expect(segs.flatMap((s) => (s.kind === 'text' ? [s.text] : [])).join('')).toBe(rest);
  });

  const bad: Array<{ text: string; message: RegExp; offset: number }> = [
    { text: 'x {{c1::never closed', message: /unclosed cloze deletion "\{\{c1::…"/, offset: 2 },
    { text: '{{c1::a {{c2::b}} c', message: /unclosed cloze deletion "\{\{c1::…"/, offset: 0 },
    { text: 'ok {{c0::zero}}', message: /start at 1/, offset: 3 },
    { text: '{{c1::}}', message: /empty/, offset: 0 },
    { text: '{{c1::  ::hint}}', message: /empty/, offset: 0 },
  ];
  it.each(bad)('reports $text', ({ text, message, offset }) => {
    expect(clozeProblems(text)[0]).toEqual({ message: expect.stringMatching(message), offset });
    let err: unknown;
    try {
      assertCloze(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ClozeSyntaxError);
    expect((err as ClozeSyntaxError).message).toMatch(message);
    expect((err as ClozeSyntaxError).offset).toBe(offset);
    expect(isCloze(text)).toBe(false);
  });
});

describe('cloze numbers, questions and answers', () => {
  it('lists distinct numbers in order', () => {
    expect(clozeNumbers(VOCAB)).toEqual([1, 2, 3]);
    expect(clozeNumbers('{{c3::a}} {{c1::b}} {{c3::c}}')).toEqual([1, 3]);
    expect(clozeNumbers('plain')).toEqual([]);
  });

  const golden: Array<{ n: number; question: string; answer: string; answers: string[] }> = [
    {
      n: 1,
      question: 'GPT-2 has [...] tokens (50,000 merges + 256 bytes + 1 special)',
      answer: 'GPT-2 has <50,257> tokens (50,000 merges + 256 bytes + 1 special)',
      answers: ['50,257'],
    },
    {
      n: 2,
      question: 'GPT-2 has 50,257 tokens ([how many merges?] merges + 256 bytes + 1 special)',
      answer: 'GPT-2 has 50,257 tokens (<50,000> merges + 256 bytes + 1 special)',
      answers: ['50,000'],
    },
    {
      n: 3,
      question: 'GPT-2 has 50,257 tokens (50,000 merges + [...] bytes + [...] special)',
      answer: 'GPT-2 has 50,257 tokens (50,000 merges + <256> bytes + <1> special)',
      answers: ['256', '1'],
    },
  ];
  it.each(golden)('card c$n', ({ n, question, answer, answers }) => {
    expect(renderClozeQuestion(VOCAB, n)).toBe(question);
    expect(renderClozeAnswer(VOCAB, n, { mark: (s) => `<${s}>` })).toBe(answer);
    expect(clozeAnswers(VOCAB, n)).toEqual(answers);
  });

  it('marks the active placeholder', () => {
    expect(renderClozeQuestion('a {{c1::b}}', 1, { mark: (s) => `**${s}**` })).toBe('a **[...]**');
  });

  it("'all' hides or marks every deletion", () => {
    expect(renderClozeQuestion(VOCAB, 'all')).toBe('GPT-2 has [...] tokens ([how many merges?] merges + [...] bytes + [...] special)');
    expect(renderClozeAnswer('{{c1::a}} {{c2::b}}', 'all', { mark: (s) => `_${s}_` })).toBe('_a_ _b_');
  });

  it('a number with no deletions renders the full text', () => {
    expect(renderClozeQuestion(VOCAB, 9)).toBe(renderClozeAnswer(VOCAB, 9));
  });

  it('builds deletions and refuses answers that break the syntax', () => {
    expect(clozeDeletion(2, 'n_head')).toBe('{{c2::n_head}}');
    expect(clozeDeletion(1, '50,000', 'merges')).toBe('{{c1::50,000::merges}}');
    expect(() => clozeDeletion(1, 'a}}b')).toThrow(ClozeSyntaxError);
    expect(() => clozeDeletion(1, 'std::vector')).toThrow(ClozeSyntaxError);
    expect(() => clozeDeletion(1, ' ')).toThrow(ClozeSyntaxError);
  });
});
