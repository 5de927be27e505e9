import { describe, expect, it } from 'vitest';
import { clozeNumbers, tokenizeCloze } from './cloze';

describe('cloze', () => {
  it.each([
    ['no deletions', []],
    ['{{c1::a}}', [1]],
    ['{{c2::a}} {{c1::b::hint}} {{c2::c}}', [1, 2]],
    ['{{c1::outer {{c3::inner}}}}', [1, 3]],
    ['{{c10::ten}}', [10]],
    ['{{c0::zero}} {{c1::unclosed', []],
    ['{{c1 ::spaced}} {{C1::upper}} {{ c1::x}}', []],
  ])('clozeNumbers(%j) = %j', (text, ns) => {
    expect(clozeNumbers(text)).toEqual(ns);
  });

  it('treats unmatched markers as text', () => {
    expect(tokenizeCloze('}} {{c1::a}} }} {{c2::b')).toEqual([
      { kind: 'text', text: '}} ' },
      { kind: 'open', n: 1 },
      { kind: 'text', text: 'a' },
      { kind: 'close' },
      { kind: 'text', text: ' }} ' },
      { kind: 'text', text: '{{c2::' },
      { kind: 'text', text: 'b' },
    ]);
  });

  it('closes nested deletions innermost first', () => {
    const kinds = tokenizeCloze('{{c1::a {{c2::b}} c}}').map((t) => t.kind);
    expect(kinds).toEqual(['open', 'text', 'open', 'text', 'close', 'text', 'close']);
  });
});
