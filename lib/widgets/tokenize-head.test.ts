import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokenizer';
import { GOLDEN } from '@/test/fixtures/tokenizer-golden-table';
import { tokenizeHead } from './tokenize-head';

const strip = (spans: ReturnType<typeof tokenize>) => spans.map(({ id, start, end, partial }) => ({ id, start, end, partial }));

const TEXTS = [
  'a  \nb  c   \n\n d<|endoftext|>  e\t\tf 🦙🦙 x',
  "I ❤️ 🦙s, don't  stop!!   \n  1234567 日本語 and Ελληνικά\r\n\tdef f(x):\n    return x",
  'word '.repeat(40) + '   \n\n  ' + '<|endoftext|>'.repeat(3) + ' tail',
  ...GOLDEN.map((r) => r.text),
];

describe('tokenizeHead', () => {
  it.each(TEXTS.map((t) => [t]))('gives exactly the first tokens of tokenize(%j) for every cut', (text) => {
    const full = tokenize(text);
    for (let k = 1; k <= full.length + 1; k++) {
      const { spans, total } = tokenizeHead(text, k);
      expect(total).toBe(full.length);
      expect(spans.length).toBeGreaterThanOrEqual(Math.min(k, full.length));
      expect(strip(spans)).toEqual(strip(full.slice(0, spans.length)));
    }
  });

  it('tokenizes only a head of a long text', () => {
    const text = 'The quick brown fox, 1234 jumps! 日本語 🦙 '.repeat(500);
    const { spans, total } = tokenizeHead(text, 100);
    expect(spans.length).toBeLessThan(200);
    expect(total).toBe(tokenize(text).length);
  });

  it('handles empty text', () => {
    expect(tokenizeHead('', 10)).toEqual({ spans: [], total: 0 });
  });
});
