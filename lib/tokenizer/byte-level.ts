/**
 * GPT-2's byte-level alphabet (`bytes_to_unicode` in openai/gpt-2 encoder.py).
 *
 * Every byte 0..255 gets one printable Unicode character so that a vocab entry can be
 * written as text: printable Latin-1 bytes ('!'..'~', '¡'..'¬', '®'..'ÿ') stand for
 * themselves, the other 68 bytes are shifted to U+0100.. in byte order. So ' ' (0x20)
 * becomes 'Ġ' (U+0120) and '\n' (0x0A) becomes 'Ċ' (U+010A).
 */

function buildByteToUnicode(): Map<number, string> {
  const printable = (b: number) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  const map = new Map<number, string>();
  let shifted = 0;
  for (let b = 0; b < 256; b++) {
    map.set(b, String.fromCharCode(printable(b) ? b : 256 + shifted++));
  }
  return map;
}

/** byte → its stand-in character, e.g. 0x20 → 'Ġ'. */
export const byteToUnicode: ReadonlyMap<number, string> = buildByteToUnicode();

/** The inverse of {@link byteToUnicode}, e.g. 'Ġ' → 0x20. */
export const unicodeToByte: ReadonlyMap<string, number> = new Map([...byteToUnicode].map(([b, ch]) => [ch, b]));

const byteChars: readonly string[] = [...byteToUnicode.values()];

/** Bytes → the vocab-string form, e.g. [0x20, 0x77, 0x6f, 0x72, 0x6c, 0x64] → 'Ġworld'. */
export function bytesToVocabString(bytes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += byteChars[bytes[i]];
  return s;
}

/** The vocab-string form back to bytes; throws on a character outside the alphabet. */
export function vocabStringToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length); // every alphabet character is one UTF-16 unit
  for (let i = 0; i < s.length; i++) {
    const b = unicodeToByte.get(s[i]);
    if (b === undefined) throw new RangeError(`not a byte-level character: ${JSON.stringify(s[i])}`);
    out[i] = b;
  }
  return out;
}
