import { describe, expect, it } from 'vitest';
import { guidFor, noteGuid } from './guid';

// Golden values from genanki's guid_for algorithm run in Python (hashlib.sha256, Anki's base-91 table).
const GOLDEN: [string, string][] = [
  ['tokenization/vocab-size', 'ut7PnMRz53'],
  ['attention/qkv', 'lffVlQ`(h6'],
  ['architecture/pre-norm', 'BmFz({fY[E'],
  ['paper/webtext', 'At%wF1VpuV'],
  ['', 'E~HhqgQ(zQ'],
];

describe('guid', () => {
  it.each(GOLDEN)('noteGuid(%j) = %j', (id, guid) => {
    expect(noteGuid(id)).toBe(guid);
  });

  it('joins values with "__" like genanki', () => {
    expect(guidFor('a', 'b', 'c')).toBe('xEWY5:a/2E');
    expect(guidFor('x')).toBe('h7CGD6+OW_');
  });

  it('depends only on the card id', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `lesson/card-${i}`);
    expect(new Set(ids.map(noteGuid)).size).toBe(ids.length);
    expect(noteGuid('lesson/card-1')).toBe(noteGuid('lesson/card-1'));
  });
});
