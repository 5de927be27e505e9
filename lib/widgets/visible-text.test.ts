import { describe, expect, it } from 'vitest';
import { codePointLabel, hexBytes, jsonString, showWhitespace, textStats, visiblePieces } from './visible-text';

describe('visible text', () => {
  it.each([
    [' hello', '·hello'],
    ['a\nb', 'a↵b'],
    ['\tx\r\n', '⇥x␍↵'],
    ['a\u00A0b', 'a␣b'],
    ['❤️', '❤U+FE0F'],
    ['a\u200Db', 'aU+200Db'],
    ['日本語', '日本語'],
  ])('%j is drawn as %j', (text, drawn) => {
    expect(showWhitespace(text)).toBe(drawn);
  });

  it('joins plain text and keeps each whitespace character apart', () => {
    expect(visiblePieces('ab  c\n')).toEqual([
      { kind: 'text', text: 'ab' },
      { kind: 'space', text: '·', raw: ' ', newline: false },
      { kind: 'space', text: '·', raw: ' ', newline: false },
      { kind: 'text', text: 'c' },
      { kind: 'space', text: '↵', raw: '\n', newline: true },
    ]);
  });

  it('counts code points and UTF-8 bytes', () => {
    expect(textStats('')).toEqual({ codePoints: 0, utf8Bytes: 0 });
    expect(textStats('Hello world')).toEqual({ codePoints: 11, utf8Bytes: 11 });
    expect(textStats('I ❤️ 🦙s')).toEqual({ codePoints: 7, utf8Bytes: new TextEncoder().encode('I ❤️ 🦙s').length });
    expect(textStats('🦙')).toEqual({ codePoints: 1, utf8Bytes: 4 }); // 2 UTF-16 units
    expect(textStats('é')).toEqual({ codePoints: 1, utf8Bytes: 2 });
  });

  it.each([
    ['Hello', '"Hello"'],
    [' world\n', '" world\\n"'],
    ['\uFE0F', '"\\ufe0f"'],
    ['a\u200Db', '"a\\u200db"'],
    ['\u0085', '"\\u0085"'],
    ['\u{E0100}', '"\\udb40\\udd00"'],
    ['\uFFFD', '"\uFFFD"'],
  ])('JSON-escapes %j as %s, invisibles included', (text, json) => {
    expect(jsonString(text)).toBe(json);
    expect(JSON.parse(jsonString(text))).toBe(text);
  });

  it('writes hex and code points', () => {
    expect(hexBytes([0x20, 0x0a, 0xff])).toBe('20 0a ff');
    expect(codePointLabel('\n')).toBe('U+000A');
    expect(codePointLabel('🦙')).toBe('U+1F999');
  });
});
