import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokenizer';
import { describeToken, MAX_ROWS, tokenRows } from './token-rows';

const rows = (text: string, limit?: number) => tokenRows(text, tokenize(text), limit);

describe('tokenRows', () => {
  it('gives one row per token with JSON text, vocab string, id and hex bytes', () => {
    expect(rows('Hello world')).toEqual([
      {
        index: 0,
        id: 15496,
        json: '"Hello"',
        vocab: 'Hello',
        hex: '48 65 6c 6c 6f',
        partial: false,
        special: false,
        cut: '',
        pieces: [{ kind: 'text', text: 'Hello' }],
      },
      {
        index: 1,
        id: 995,
        json: '" world"',
        vocab: 'Ġworld',
        hex: '20 77 6f 72 6c 64',
        partial: false,
        special: false,
        cut: '',
        pieces: [
          { kind: 'space', text: '·', raw: ' ', newline: false },
          { kind: 'text', text: 'world' },
        ],
      },
    ]);
  });

  it('makes whitespace visible: leading space, newline, indent', () => {
    const r = rows('def f(x):\n    return x');
    const drawn = r.map((row) => row.pieces.map((p) => p.text).join(''));
    expect(drawn).toEqual(['def', '·f', '(', 'x', '):', '↵', '·', '·', '·', '·return', '·x']); // GPT-2 spends a token per space of indent
    expect(r[5]).toMatchObject({ json: '"\\n"', vocab: 'Ċ', id: 198 });
    expect(r[5].pieces).toEqual([{ kind: 'space', text: '↵', raw: '\n', newline: true }]);
  });

  it('tells which bytes of a cut character each partial token holds', () => {
    // ❤ = E2 9D A4, then U+FE0F; 🦙 = F0 9F A6 99
    const r = rows('I ❤️ 🦙s');
    expect(r.map((row) => [row.id, row.partial, row.cut])).toEqual([
      [40, false, ''],
      [43074, true, '❤'],
      [97, true, '❤'],
      [37929, false, ''],
      [12520, true, '🦙'],
      [99, true, '🦙'],
      [247, true, '🦙'],
      [82, false, ''],
    ]);
    expect(r[1].pieces).toEqual([
      { kind: 'space', text: '·', raw: ' ', newline: false },
      { kind: 'part', text: '❤', hex: 'e2 9d', from: 0, to: 2, of: 3 },
    ]);
    expect(r[2].pieces).toEqual([{ kind: 'part', text: '❤', hex: 'a4', from: 2, to: 3, of: 3 }]);
    expect(r[3].pieces).toEqual([{ kind: 'invisible', text: 'U+FE0F', raw: '\uFE0F' }]);
    expect(r[3].json).toBe('"\\ufe0f"'); // not an empty-looking ""
    expect(r[4].pieces[1]).toEqual({ kind: 'part', text: '🦙', hex: 'f0 9f', from: 0, to: 2, of: 4 });
    expect(r[6].pieces).toEqual([{ kind: 'part', text: '🦙', hex: '99', from: 3, to: 4, of: 4 }]);
    expect(r[1].json).toBe('" \uFFFD"');
  });

  it('marks <|endoftext|> as the special token', () => {
    const r = rows('end.<|endoftext|>Next');
    expect(r.map((row) => [row.id, row.special])).toEqual([
      [437, false],
      [13, false],
      [50256, true],
      [10019, false],
    ]);
    expect(r[2]).toMatchObject({ vocab: '<|endoftext|>', pieces: [{ kind: 'text', text: '<|endoftext|>' }] });
  });

  it('stops at the limit, and draws the same rows as without it', () => {
    const text = 'one two three four five';
    expect(rows(text, 2)).toEqual(rows(text).slice(0, 2));
    expect(rows(text, 0)).toEqual([]);
    expect(rows('')).toEqual([]);
    expect(MAX_ROWS).toBe(2000);
  });

  it('covers every byte of the drawn tokens', () => {
    for (const text of ['日本語 and Ελληνικά', '2026 is 2,026 and 12345678', 'a\r\n\tb 👩‍👩‍👧']) {
      for (const row of rows(text)) {
        const bytes = row.pieces.reduce(
          (n, p) => n + (p.kind === 'part' ? p.to - p.from : new TextEncoder().encode(p.kind === 'text' ? p.text : p.raw).length),
          0,
        );
        expect(bytes).toBe(row.hex.split(' ').length);
      }
    }
  });
});

describe('describeToken', () => {
  it('names the position, the text and the id', () => {
    const r = rows('Hello world');
    expect(describeToken(r[1], 2)).toBe('Token 2 of 2 (index 1): " world", id 995');
    expect(describeToken(rows('🦙')[0], 3)).toBe('Token 1 of 3 (index 0): "\uFFFD", id 8582, part of the character 🦙');
    expect(describeToken(rows('<|endoftext|>')[0], 1)).toBe('Token 1 of 1 (index 0): special token <|endoftext|>, id 50256');
  });
});
