import { describe, expect, it } from 'vitest';
import { gpt2Merges } from './merges';
import { idOfTokenString, tokenString } from './vocab';

describe('gpt2Merges', () => {
  const merges = gpt2Merges();

  it("starts like GPT-2's merges.txt", () => {
    expect(merges.slice(0, 12).map(([l, r]) => `${l} ${r}`)).toEqual([
      'Ġ t',
      'Ġ a',
      'h e',
      'i n',
      'r e',
      'o n',
      'Ġt he',
      'e r',
      'Ġ s',
      'a t',
      'Ġ w',
      'Ġ o',
    ]);
  });

  it('has one merge per non-byte token, each joining two earlier tokens', () => {
    expect(merges).toHaveLength(50_000);
    merges.forEach(([left, right], n) => {
      const id = 256 + n;
      if (left + right !== tokenString(id)) throw new Error(`merge ${n} does not make token ${id}`);
      if (!(idOfTokenString(left)! < id && idOfTokenString(right)! < id)) throw new Error(`merge ${n} uses a later token`);
    });
  });
});
