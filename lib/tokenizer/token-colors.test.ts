import { describe, expect, it } from 'vitest';
import { TOKEN_PALETTE, tokenColor, tokenColorIndex } from './token-colors';

describe('token colours', () => {
  it('gives every two neighbouring tokens different colours, across the wrap', () => {
    for (let i = 0; i < TOKEN_PALETTE.length * 4; i++) {
      expect(tokenColor(i + 1)).not.toBe(tokenColor(i));
    }
  });

  it('uses distinct palette entries and cycles through all of them', () => {
    expect(new Set(TOKEN_PALETTE.map((c) => c.toLowerCase())).size).toBe(TOKEN_PALETTE.length);
    const used = new Set(Array.from({ length: TOKEN_PALETTE.length }, (_, i) => tokenColor(i)));
    expect(used.size).toBe(TOKEN_PALETTE.length);
  });

  it('is stable: a token keeps its colour whatever follows it', () => {
    expect(tokenColor(0)).toBe('#E69F00');
    expect(tokenColor(TOKEN_PALETTE.length)).toBe(tokenColor(0));
    expect(tokenColorIndex(7)).toBe(7 % TOKEN_PALETTE.length);
  });

  it.each([-1, 1.5, Number.NaN])('rejects index %s', (i) => {
    expect(() => tokenColor(i)).toThrow(RangeError);
  });
});
