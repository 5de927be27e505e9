import { describe, expect, it } from 'vitest';
import { encode, tokenize } from './index';
import { GOLDEN } from '@/test/fixtures/tokenizer-golden-table';

const spans = (text: string) => tokenize(text).map(({ id, text, start, end, partial }) => ({ id, text, start, end, partial }));

describe('tokenize', () => {
  it('tiles plain text exactly', () => {
    expect(spans('Hello world, attention')).toEqual([
      { id: 15496, text: 'Hello', start: 0, end: 5, partial: false },
      { id: 995, text: ' world', start: 5, end: 11, partial: false },
      { id: 11, text: ',', start: 11, end: 12, partial: false },
      { id: 3241, text: ' attention', start: 12, end: 22, partial: false },
    ]);
  });

  it('widens tokens that cut an emoji to the whole emoji (a surrogate pair)', () => {
    expect(spans('Hi 🤗!')).toEqual([
      { id: 17250, text: 'Hi', start: 0, end: 2, partial: false },
      { id: 12520, text: ' \uFFFD', start: 2, end: 5, partial: true }, // ' ' + F0 9F
      { id: 97, text: '\uFFFD', start: 3, end: 5, partial: true }, // A4
      { id: 245, text: '\uFFFD', start: 3, end: 5, partial: true }, // 97
      { id: 0, text: '!', start: 5, end: 6, partial: false },
    ]);
  });

  it('spans CJK characters cut between tokens', () => {
    // 日 = E6 97 A5 → 'æĹ' + '¥'; 本 = E6 9C AC → 'æľ' + '¬'; 語 …; の = 'ãģ®' whole
    expect(spans('日本語の').map(({ start, end, partial }) => [start, end, partial])).toEqual([
      [0, 1, true],
      [0, 1, true],
      [1, 2, true],
      [1, 2, true],
      [2, 3, true],
      [2, 3, true],
      [3, 4, false],
    ]);
  });

  it('gives <|endoftext|> its own span', () => {
    expect(spans('a<|endoftext|>b')).toEqual([
      { id: 64, text: 'a', start: 0, end: 1, partial: false },
      { id: 50256, text: '<|endoftext|>', start: 1, end: 14, partial: false },
      { id: 65, text: 'b', start: 14, end: 15, partial: false },
    ]);
  });

  it('returns the bytes of each token', () => {
    expect([...tokenize(' world')[0].bytes]).toEqual([0x20, 0x77, 0x6f, 0x72, 0x6c, 0x64]);
  });

  it.each(GOLDEN)('agrees with encode and the input on $text', ({ text }) => {
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.id)).toEqual(encode(text));
    let covered = 0;
    for (const t of tokens) {
      expect(t.start).toBeLessThanOrEqual(covered); // no gaps
      expect(t.end).toBeGreaterThan(t.start);
      if (!t.partial) {
        expect(t.start).toBe(covered);
        expect(t.text).toBe(text.slice(t.start, t.end));
      }
      covered = Math.max(covered, t.end);
    }
    expect(covered).toBe(text.length);
  });
});
