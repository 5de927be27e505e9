// Long chunks (no spaces for hundreds of characters) take the near-linear BPE: the same ids as
// gpt-tokenizer's, and no quadratic time on pasted walls of text.
import { encode as r50kEncode } from 'gpt-tokenizer/encoding/r50k_base';
import { describe, expect, test } from 'vitest';
import { LONG_CHUNK, decode, encode } from './index';

const cases: Array<[string, string]> = [
  ['letters', 'a'.repeat(3000)],
  ['a long word', 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(40)],
  ['digits', '0123456789'.repeat(200)],
  ['emoji', '😀🤖✨'.repeat(400)],
  ['punctuation', '!?.,;:-_=+*&^%$#@'.repeat(100)],
  ['CJK', '注意力机制让每个词元'.repeat(150)],
  ['mixed, with spaces and a long chunk', `Hello world. ${'x'.repeat(1000)} and ${'é'.repeat(700)} end`],
  ['exactly at the threshold', 'b'.repeat(LONG_CHUNK) + ' ' + 'c'.repeat(LONG_CHUNK + 1)],
];

describe('long chunks', () => {
  test.each(cases)('%s: the same ids as gpt-tokenizer, and a round trip', (_name, text) => {
    const ids = encode(text);
    expect(ids).toEqual(r50kEncode(text));
    expect(decode(ids)).toBe(text);
  });

  test('80,000 letters and 80,000 emoji: no quadratic blow-up (was 4.5 s and 9.9 s)', () => {
    for (const text of ['a'.repeat(80_000), '😀'.repeat(80_000)]) {
      const t0 = performance.now();
      const ids = encode(text);
      expect(performance.now() - t0).toBeLessThan(4000);
      expect(decode(ids)).toBe(text);
    }
  });
});
