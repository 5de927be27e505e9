import { describe, expect, it } from 'vitest';
import { bpeSteps, encode, pretokenize, tokenStrings } from './index';
import { GOLDEN } from '@/test/fixtures/tokenizer-golden-table';

const last = <T>(xs: readonly T[]) => xs[xs.length - 1];

describe('bpeSteps', () => {
  it('builds " tokenization" merge by merge', () => {
    const steps = bpeSteps(' tokenization');
    expect(steps.map((s) => s.symbols.join(' '))).toEqual([
      'Ġ t o k e n i z a t i o n',
      'Ġt o k e n i z a t i o n',
      'Ġt o k e n i z a t i on',
      'Ġt o k e n i z at i on',
      'Ġt o k en i z at i on',
      'Ġto k en i z at i on',
      'Ġto k en i z at ion',
      'Ġto k en i z ation',
      'Ġto k en iz ation',
      'Ġto k en ization',
      'Ġto ken ization',
      'Ġtoken ization',
    ]);
    expect(steps[0].merge).toBeNull();
    expect(steps.slice(1).map((s) => s.merge!.rank)).toEqual([0, 5, 9, 12, 28, 39, 85, 272, 1378, 3208, 10985]);
    expect(steps[1].merge).toEqual({ left: 'Ġ', right: 't', id: 256, rank: 0, index: 0 });
    expect(last(steps).merge).toEqual({ left: 'Ġto', right: 'ken', id: 11241, rank: 10985, index: 0 });
  });

  it('merges the leftmost of two equal pairs first', () => {
    const steps = bpeSteps('aaaa');
    expect(steps[1].merge).toMatchObject({ left: 'a', right: 'a', index: 0 });
    expect(steps[2].merge).toMatchObject({ left: 'a', right: 'a', index: 1 });
  });

  it('starts from bytes, so a cut emoji ends as byte-level pieces', () => {
    const steps = bpeSteps('🤗');
    expect(steps[0].symbols).toEqual(['ð', 'Ł', '¤', 'Ĺ']);
    expect(last(steps).symbols).toEqual(['ðŁ', '¤', 'Ĺ']);
  });

  it('leaves <|endoftext|> whole', () => {
    expect(bpeSteps('<|endoftext|>')).toEqual([{ symbols: ['<|endoftext|>'], merge: null }]);
  });

  it.each(['', 'hello world', 'a<|endoftext|>'])('rejects %j, which is not one chunk', (word) => {
    expect(() => bpeSteps(word)).toThrow(RangeError);
  });

  const chunks = [...new Set(GOLDEN.flatMap((r) => pretokenize(r.text)))];
  it.each(chunks)('ends in the tokens of encode(%j), merging in rank order', (chunk) => {
    const steps = bpeSteps(chunk);
    expect(last(steps).symbols).toEqual(tokenStrings(encode(chunk)));
    for (let i = 1; i < steps.length; i++) {
      const { merge, symbols } = steps[i];
      const before = steps[i - 1].symbols;
      expect(symbols).toHaveLength(before.length - 1);
      expect(symbols.join('')).toBe(before.join(''));
      expect(symbols[merge!.index]).toBe(merge!.left + merge!.right);
      if (i > 1) expect(merge!.rank).toBeGreaterThanOrEqual(steps[i - 1].merge!.rank);
    }
  });
});
