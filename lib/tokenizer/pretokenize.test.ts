import { describe, expect, it } from 'vitest';
import { R50K_TOKEN_SPLIT_REGEX } from 'gpt-tokenizer/encodingParams/constants';
import { GPT2_SPLIT_PATTERN, pretokenize } from './index';
import { GOLDEN } from '@/test/fixtures/tokenizer-golden-table';

describe('pretokenize', () => {
  it.each([
    { text: '', chunks: [] },
    {
      text: 'Hello world, attention is all you need.',
      chunks: ['Hello', ' world', ',', ' attention', ' is', ' all', ' you', ' need', '.'],
    },
    { text: 'a  b', chunks: ['a', ' ', ' b'] },
    { text: 'end   ', chunks: ['end', '   '] },
    { text: '\n\n\nx', chunks: ['\n\n', '\n', 'x'] },
    { text: "don't DON'T", chunks: ['don', "'t", ' DON', "'", 'T'] },
    { text: '3.14159 2026-11-28', chunks: ['3', '.', '14159', ' 2026', '-', '11', '-', '28'] },
    { text: 'x = [i**2]', chunks: ['x', ' =', ' [', 'i', '**', '2', ']'] },
    { text: 'café 日本語', chunks: ['café', ' 日本語'] },
    { text: 'hi 🤗!', chunks: ['hi', ' 🤗!'] },
    { text: 'a<|endoftext|>b', chunks: ['a', '<|endoftext|>', 'b'] },
  ])('$text', ({ text, chunks }) => {
    expect(pretokenize(text)).toEqual(chunks);
  });

  it("is gpt-tokenizer's r50k regex", () => {
    expect(GPT2_SPLIT_PATTERN.source).toBe(R50K_TOKEN_SPLIT_REGEX.source);
    expect(GPT2_SPLIT_PATTERN.flags).toBe(R50K_TOKEN_SPLIT_REGEX.flags);
  });

  it.each(GOLDEN)('chunks concatenate back to $text', ({ text }) => {
    expect(pretokenize(text).join('')).toBe(text);
  });
});
