import { describe, expect, it } from 'vitest';
import {
  byteToUnicode,
  bytesToVocabString,
  EOT_ID,
  idOfTokenString,
  TokenIdError,
  tokenBytes,
  tokenString,
  tokenStrings,
  unicodeToByte,
  vocabStringToBytes,
  VOCAB_SIZE,
} from './index';
import { r50kTiktokenRanks } from '@/test/fixtures/tiktoken-test-plans';

describe('byteToUnicode', () => {
  it('maps all 256 bytes to distinct characters', () => {
    expect(byteToUnicode.size).toBe(256);
    expect(new Set(byteToUnicode.values()).size).toBe(256);
    expect(unicodeToByte.size).toBe(256);
  });

  it.each([
    [0x21, '!'],
    [0x41, 'A'],
    [0x7e, '~'],
    [0xa1, '¡'],
    [0xff, 'ÿ'], // printable: themselves
    [0x00, 'Ā'],
    [0x09, 'ĉ'],
    [0x0a, 'Ċ'],
    [0x0d, 'č'],
    [0x20, 'Ġ'], // shifted to U+0100..
    [0x7f, 'ġ'],
    [0xa0, 'ł'],
    [0xad, 'Ń'],
  ])('byte %i → %s', (byte, ch) => {
    expect(byteToUnicode.get(byte)).toBe(ch);
    expect(unicodeToByte.get(ch)).toBe(byte);
  });

  it('converts between bytes and vocab strings', () => {
    const bytes = new TextEncoder().encode(' world\n');
    expect(bytesToVocabString(bytes)).toBe('ĠworldĊ');
    expect(vocabStringToBytes('ĠworldĊ')).toEqual(bytes);
    expect(() => vocabStringToBytes('€')).toThrow(RangeError);
  });
});

describe('tokenStrings', () => {
  it.each([
    [995, 'Ġworld'],
    [15496, 'Hello'],
    [0, '!'],
    [220, 'Ġ'],
    [198, 'Ċ'],
    [628, 'ĊĊ'],
    [256, 'Ġt'],
    [262, 'Ġthe'],
    [470, "'t"],
    [8582, 'ðŁ'],
    [50255, 'Ġgazed'],
    [EOT_ID, '<|endoftext|>'],
  ])('%i → %s', (id, s) => {
    expect(tokenString(id)).toBe(s);
    expect(idOfTokenString(s)).toBe(id);
  });

  it('maps a list', () => {
    expect(tokenStrings([15496, 995])).toEqual(['Hello', 'Ġworld']);
  });

  it('knows what is not a token', () => {
    expect(idOfTokenString('Ġworldworldworld')).toBeUndefined();
  });
});

describe('tokenBytes', () => {
  it('gives raw bytes, valid UTF-8 or not', () => {
    expect(tokenBytes(995)).toEqual(new TextEncoder().encode(' world'));
    expect(tokenBytes(8582)).toEqual(new Uint8Array([0xf0, 0x9f]));
    expect(tokenBytes(EOT_ID)).toEqual(new TextEncoder().encode('<|endoftext|>'));
  });

  it('returns a copy', () => {
    tokenBytes(995)[0] = 0;
    expect(tokenBytes(995)[0]).toBe(0x20);
  });

  it("agrees with tiktoken's r50k_base.tiktoken for every rank", () => {
    const ranks = r50kTiktokenRanks();
    expect(ranks).toHaveLength(VOCAB_SIZE - 1);
    const mismatches = ranks.filter(([bytes, rank]) => bytesToVocabString(tokenBytes(rank)) !== bytesToVocabString(bytes));
    expect(mismatches).toEqual([]);
  });

  it.each([-1, VOCAB_SIZE, 0.5])('rejects id %s', (id) => {
    expect(() => tokenBytes(id)).toThrow(TokenIdError);
    expect(() => tokenString(id)).toThrow(TokenIdError);
  });
});
