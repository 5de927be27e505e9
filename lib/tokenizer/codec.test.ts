import { describe, expect, it } from 'vitest';
import { decode as gptTokenizerDecode } from 'gpt-tokenizer/encoding/r50k_base';
import { decode, encode, EOT_ID, TokenIdError, tokenStrings } from './index';
import { GOLDEN } from '@/test/fixtures/tokenizer-golden-table';
import { r50kTestPlans } from '@/test/fixtures/tiktoken-test-plans';

describe('encode: golden table', () => {
  it.each(GOLDEN)('$text', ({ text, ids, tokens }) => {
    expect(encode(text)).toEqual(ids);
    if (tokens) expect(tokenStrings(ids)).toEqual(tokens);
  });
});

describe('decode: golden table', () => {
  it.each(GOLDEN)('$text', ({ text, ids, decoded }) => {
    expect(decode(ids)).toBe(decoded ?? text);
  });

  it.each(GOLDEN)('round trips $text', ({ text }) => {
    expect(decode(encode(text))).toBe(text);
  });
});

describe("tiktoken's r50k_base test plans", () => {
  const plans = r50kTestPlans();
  it('are all there', () => expect(plans).toHaveLength(64));
  it.each(plans)('$sample', ({ sample, encoded }) => {
    expect(encode(sample)).toEqual(encoded);
    expect(decode(encoded)).toBe(sample);
  });
});

describe('special tokens', () => {
  it('allows <|endoftext|> anywhere in user text', () => {
    expect(encode('a<|endoftext|>b')).toEqual([64, EOT_ID, 65]);
    expect(encode('<|endoftext|> ')).toEqual([EOT_ID, 220]);
  });

  it('decodes 50256 to its text', () => {
    expect(decode([464, EOT_ID])).toBe('The<|endoftext|>');
  });
});

describe('decode of a list cut inside a character', () => {
  // 🤗 = F0 9F A4 97 = 8582 'ðŁ' (F0 9F) + 97 '¤' (A4) + 245 'Ĺ' (97)
  it.each([
    { ids: [8582], text: '\uFFFD' },
    { ids: [8582, 97], text: '\uFFFD' },
    { ids: [97, 245], text: '\uFFFD\uFFFD' },
    { ids: [15496, 8582], text: 'Hello\uFFFD' },
    { ids: [8582, 97, 245], text: '🤗' },
  ])('$ids → $text', ({ ids, text }) => {
    expect(decode(ids)).toBe(text);
  });

  it('keeps no state between calls (gpt-tokenizer 4.0.0 does)', () => {
    decode([8582]);
    expect(decode([50169])).toBe(' \uFFFD');
    gptTokenizerDecode([8582]);
    expect(gptTokenizerDecode([50169])).not.toBe(' \uFFFD'); // if this fails, upstream is fixed
  });
});

describe('round trips beyond the table', () => {
  it.each([
    '\uFEFFa leading byte-order mark',
    'mixed 日本 🤗 café\n\t<|endoftext|>  end  ',
    'x'.repeat(5000),
    '😀'.repeat(300),
    "Ain't no mountain high enough'll    \n\n  \r\n",
  ])('%j', (text) => {
    expect(decode(encode(text))).toBe(text);
  });
});

describe('bad ids', () => {
  it.each([-1, 50257, 1.5, NaN])('%s throws TokenIdError', (id) => {
    expect(() => decode([id])).toThrow(TokenIdError);
  });
});
