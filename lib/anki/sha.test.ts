import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1, sha256, toHex } from './sha';

// Lengths around the 55/56/64-byte padding boundaries, multi-block input, and non-ASCII.
const INPUTS = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000), 'café 😀 — ∑', '\x1f\n\t'];

describe('sha', () => {
  it('matches the FIPS 180 test vectors', () => {
    expect(toHex(sha1('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(toHex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each(INPUTS)('agrees with node:crypto for %j', (s) => {
    expect(toHex(sha1(s))).toBe(createHash('sha1').update(s, 'utf8').digest('hex'));
    expect(toHex(sha256(s))).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
  });
});
