import { describe, expect, test } from 'vitest';
import { encode } from '@/lib/tokenizer';
import {
  DEFAULT_PROMPT_TOKENS,
  DEFAULT_SETTINGS,
  checkSettings,
  fromSearchParams,
  toSearchParams,
  type GeneratorSettings,
} from './generator-settings';

describe('generator share links', () => {
  test.each<[string, GeneratorSettings]>([
    [
      'sampling',
      { prompt: 'To be, or not to be: ✨ & <b>', maxNewTokens: 17, greedy: false, temperature: 1.3, topK: 0, topP: 0.5, seed: 7 },
    ],
    ['greedy', { ...DEFAULT_SETTINGS, greedy: true, prompt: '' }],
  ])('%s settings round-trip through the URL', (_name, s) => {
    const url = new URL(`https://x.test/generator/?${toSearchParams(s)}`);
    const { settings: back, corrections } = fromSearchParams(url.searchParams);
    expect(corrections).toEqual([]);
    if (s.greedy) expect({ ...back, temperature: s.temperature, topK: s.topK, topP: s.topP }).toEqual(s);
    else expect(back).toEqual(s);
  });

  test('out-of-range and junk values are clamped or replaced by defaults', () => {
    const { settings } = fromSearchParams(new URLSearchParams('n=100000&t=-3&k=abc&p=7&seed=1.6'));
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, maxNewTokens: 256, temperature: 0.05, topP: 1, seed: 2, greedy: false });
  });
});

describe('bad link parameters and fields: corrected, and said so', () => {
  test.each<[string, string, Partial<GeneratorSettings>, string[]]>([
    ['k=-3', 'k=-3&t=1', { topK: 0 }, ['top-k -3 is below 0; using 0']],
    ['k=abc', 'k=abc&t=1', { topK: 40 }, ['top-k "abc" is not a number; using 40']],
    ['t=0', 't=0', { temperature: 0.05 }, ['temperature 0 is below 0.05; using 0.05']],
    ['t=nope', 't=nope', { temperature: 0.8 }, ['temperature "nope" is not a number; using 0.8']],
    ['t=Infinity', 't=Infinity', { temperature: 0.8 }, ['temperature "Infinity" is not a number; using 0.8']],
    ['p=0', 'p=0&t=1', { topP: 0.05 }, ['top-p 0 is below 0.05; using 0.05']],
    ['p=2', 'p=2&t=1', { topP: 1 }, ['top-p 2 is above 1; using 1']],
    ['n=0', 'n=0', { maxNewTokens: 1 }, ['max new tokens 0 is below 1; using 1']],
    ['n=1e9', 'n=1e9', { maxNewTokens: 256 }, ['max new tokens 1000000000 is above 256; using 256']],
    ['n=2.5', 'n=2.5', { maxNewTokens: 3 }, ['max new tokens 2.5 is not a whole number; using 3']],
    ['n empty', 'n=', { maxNewTokens: 40 }, ['max new tokens "" is not a number; using 40']],
    ['seed=-1', 'seed=-1', { seed: 0 }, ['seed -1 is below 0; using 0']],
    ['seed=2^40', 'seed=1099511627776', { seed: 2 ** 31 - 1 }, ['seed 1099511627776 is above 2147483647; using 2147483647']],
    [
      'a prompt of 100,000 characters',
      `prompt=${'a'.repeat(100_000)}`,
      { prompt: 'a'.repeat(8000) },
      ['the prompt was 100,000 characters; only the first 8,000 are used'],
    ],
    ['greedy=1 ignores t', 'greedy=1&t=0', { greedy: true, temperature: 0.05 }, ['temperature 0 is below 0.05; using 0.05']],
  ])('%s', (_name, query, expected, corrections) => {
    const out = fromSearchParams(new URLSearchParams(query));
    expect(out.settings).toMatchObject(expected);
    expect(out.corrections).toEqual(corrections);
  });

  test('fields typed in the UI: temperature 0 and top-k −3 are corrected before generating or sharing', () => {
    const { settings, corrections } = checkSettings({ ...DEFAULT_SETTINGS, temperature: 0, topK: -3 });
    expect(settings).toMatchObject({ temperature: 0.05, topK: 0 });
    expect(corrections).toEqual(['temperature 0 is below 0.05; using 0.05', 'top-k -3 is below 0; using 0']);
    expect(toSearchParams(settings).get('k')).toBe('0');
    expect(checkSettings({ ...DEFAULT_SETTINGS, greedy: true, temperature: 0 }).corrections).toEqual([]);
  });
});

describe('the default prompt', () => {
  test('has DEFAULT_PROMPT_TOKENS tokens', () => {
    expect(encode(DEFAULT_SETTINGS.prompt)).toHaveLength(DEFAULT_PROMPT_TOKENS);
  });
});
