import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, fromSearchParams, toSearchParams, type GeneratorSettings } from './generator-settings';

describe('generator share links', () => {
  test.each<[string, GeneratorSettings]>([
    ['sampling', { prompt: 'To be, or not to be: ✨ & <b>', maxNewTokens: 17, greedy: false, temperature: 1.3, topK: 0, topP: 0.5, seed: 7 }],
    ['greedy', { ...DEFAULT_SETTINGS, greedy: true, prompt: '' }],
  ])('%s settings round-trip through the URL', (_name, s) => {
    const url = new URL(`https://x.test/generator/?${toSearchParams(s)}`);
    const back = fromSearchParams(url.searchParams);
    if (s.greedy) expect({ ...back, temperature: s.temperature, topK: s.topK, topP: s.topP }).toEqual(s);
    else expect(back).toEqual(s);
  });

  test('out-of-range and junk values are clamped or replaced by defaults', () => {
    const s = fromSearchParams(new URLSearchParams('n=100000&t=-3&k=abc&p=7&seed=1.6'));
    expect(s).toEqual({ ...DEFAULT_SETTINGS, maxNewTokens: 256, temperature: 0.05, topP: 1, seed: 2, greedy: false });
  });
});
