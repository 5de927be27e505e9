import { describe, expect, it } from 'vitest';
import { buildCorpus, sampleBatch, tokenizeDocuments } from './corpus';

describe('corpus', () => {
  it('tokenizes documents with GPT-2, each followed by <|endoftext|>', () => {
    expect(tokenizeDocuments(['Hello world', ' the'])).toEqual([15496, 995, 50256, 262, 50256]);
  });

  it('renumbers the kept tokens 0..K−1 in GPT-2 order and splits 90/10', () => {
    const ids = [995, 262, 995, 50256, 262, 15496, 995, 262, 995, 262];
    const c = buildCorpus(ids);
    expect(Array.from(c.tokenMap.gpt2Ids)).toEqual([262, 995, 15496, 50256]);
    expect(Array.from(c.train)).toEqual([1, 0, 1, 3, 0, 2, 1, 0, 1]);
    expect(Array.from(c.val)).toEqual([0]);
  });

  it('draws (context → next token) windows at the rng’s offsets', () => {
    const data = Int32Array.from([10, 11, 12, 13, 14, 15]);
    const draws = [0, 0.99, 0.5];
    const b = sampleBatch(data, 3, 3, () => draws.shift()!); // offsets ⌊u · (6 − 3)⌋ = 0, 2, 1
    expect(Array.from(b.x)).toEqual([10, 11, 12, 12, 13, 14, 11, 12, 13]);
    expect(Array.from(b.y)).toEqual([11, 12, 13, 13, 14, 15, 12, 13, 14]);
    expect(() => sampleBatch(data, 1, 6, Math.random)).toThrow(/window of 6/);
  });
});
