import { describe, expect, it } from 'vitest';
import { encode } from '../tokenizer';
import { promptIds, shortLabel, tokenLabel } from './token-label';

describe('tokenLabel', () => {
  it('shows a token’s text with visible whitespace', () => {
    expect(tokenLabel(15496)).toBe('Hello');
    expect(tokenLabel(995)).toBe('·world');
    expect(tokenLabel(encode('\n')[0])).toBe('↵');
    expect(tokenLabel(50256)).toBe('<|endoftext|>');
  });

  it('shows the bytes of a token that cuts a character', () => {
    const ids = encode('🦙');
    expect(ids.length).toBeGreaterThan(1);
    expect(ids.map(tokenLabel).some((l) => /^⟨[0-9a-f]{2}( [0-9a-f]{2})*⟩$/.test(l))).toBe(true);
  });
});

describe('shortLabel', () => {
  it('cuts long labels with an ellipsis, by code points', () => {
    expect(shortLabel('attention', 10)).toBe('attention');
    expect(shortLabel('·transformers', 6)).toBe('·tran…');
    expect(shortLabel('🦙🦙🦙', 2)).toBe('🦙…');
  });
});

describe('promptIds', () => {
  it('caps the analysed ids and reports the whole count', () => {
    const text = 'one two three four five';
    expect(promptIds(text, 64)).toEqual({ ids: encode(text), total: 5, capped: false });
    expect(promptIds(text, 3)).toEqual({ ids: encode(text).slice(0, 3), total: 5, capped: true });
    expect(promptIds('', 3)).toEqual({ ids: [], total: 0, capped: false });
  });
});
