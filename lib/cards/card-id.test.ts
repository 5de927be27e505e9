import { describe, expect, it } from 'vitest';
import { CARD_ID_PATTERN, fnv1a64, noteCardId } from './index';

describe('fnv1a64', () => {
  // Reference vectors of the FNV-1a 64-bit hash (Fowler/Noll/Vo test suite).
  const golden: Array<[string, string]> = [
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ];
  it.each(golden)('%j → %s', (s, hex) => expect(fnv1a64(s)).toBe(hex));

  it('hashes UTF-8 bytes, not UTF-16 code units', () => {
    expect(fnv1a64('√')).not.toBe(fnv1a64('\u221a'.normalize('NFD') + 'x'));
    expect(fnv1a64('Shakespeare’s')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('noteCardId', () => {
  it('depends on deck, type and front only', () => {
    const id = noteCardId('notes', 'basic', 'What is wte?');
    expect(id).toMatch(/^note\/[0-9a-f]{16}$/);
    expect(noteCardId('notes', 'basic', 'What is wte?')).toBe(id);
    expect(noteCardId('notes', 'reversed', 'What is wte?')).not.toBe(id);
    expect(noteCardId('other', 'basic', 'What is wte?')).not.toBe(id);
    // The fields are joined with a separator, so text cannot move between deck and front.
    expect(noteCardId('GPT-2 Q', 'basic', 'x')).not.toBe(noteCardId('GPT-2', 'basic', 'Q x'));
  });
});

describe('CARD_ID_PATTERN', () => {
  it.each(['vocab-size', 'why-scale', 'gpt2', 'c-attn-2'])('accepts %s', (id) => expect(CARD_ID_PATTERN.test(id)).toBe(true));
  it.each(['Vocab', 'why_scale', '-x', 'x-', 'a--b', 'a b', ''])('rejects %j', (id) => expect(CARD_ID_PATTERN.test(id)).toBe(false));
});
