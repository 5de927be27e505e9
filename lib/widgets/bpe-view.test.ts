import { describe, expect, it } from 'vitest';
import { bpeSteps, encode, tokenStrings } from '../tokenizer';
import { bpeFrame, MAX_WORD_CHOICES, MAX_WORD_LENGTH, wordChoices } from './bpe-view';

describe('wordChoices', () => {
  it('offers the distinct chunks in order and picks the longest word', () => {
    expect(wordChoices("GPT-2 doesn't read letters: tokenization turns text into numbers.")).toEqual({
      words: ['GPT', '-', '2', ' doesn', "'t", ' read', ' letters', ':', ' tokenization', ' turns', ' text', ' into', ' numbers', '.'],
      defaultWord: ' tokenization',
      tooLong: 0,
    });
  });

  it('prefers a word to a longer run of whitespace, and takes the first of equals', () => {
    expect(wordChoices('ab\n\n\n\n\ncd').defaultWord).toBe('ab');
    expect(wordChoices('\n\n\n').defaultWord).toBe('\n\n\n');
    expect(wordChoices('').defaultWord).toBeNull();
  });

  it('leaves out chunks too long to step through, and caps the list', () => {
    const long = 'a'.repeat(MAX_WORD_LENGTH + 1);
    expect(wordChoices(`${long} b`)).toEqual({ words: [' b'], defaultWord: ' b', tooLong: 1 });
    const many = Array.from({ length: MAX_WORD_CHOICES + 50 }, (_, i) => `w${i}`).join(' ');
    expect(wordChoices(many).words).toHaveLength(MAX_WORD_CHOICES);
  });

  it.each(["x''t don't  \n\n  a\r\n\tb 12,345 ?!  ", 'I ❤️ 🦙s 日本語 and Ελληνικά', 'def forward(self, x):\n    return x<|endoftext|>'])(
    'offers only words bpeSteps can step through: %j',
    (text) => {
      for (const w of wordChoices(text).words) expect(bpeSteps(w).length).toBeGreaterThan(0);
    },
  );

  it('keeps <|endoftext|> as one choice', () => {
    expect(wordChoices('a<|endoftext|>b').words).toEqual(['a', '<|endoftext|>', 'b']);
  });
});

describe('bpeFrame', () => {
  const steps = bpeSteps(' tokenization');

  it('starts from bytes with the first merge highlighted', () => {
    const f = bpeFrame(steps, 0);
    expect(f.previous).toBeNull();
    expect(f.next).toMatchObject({ left: 'Ġ', right: 't', rank: 0 });
    expect(f.symbols.slice(0, 3)).toEqual([
      { text: 'Ġ', justMerged: false, next: 'left' },
      { text: 't', justMerged: false, next: 'right' },
      { text: 'o', justMerged: false, next: null },
    ]);
  });

  it('marks the symbol just made and the pair merged next', () => {
    const f = bpeFrame(steps, 1);
    expect(f.symbols[0]).toEqual({ text: 'Ġt', justMerged: true, next: null });
    expect(f.next).toMatchObject({ left: 'o', right: 'n', rank: 5 });
    expect(f.symbols.filter((s) => s.next).map((s) => s.text)).toEqual(['o', 'n']);
  });

  it("ends with encode's tokens and nothing left to merge", () => {
    const f = bpeFrame(steps, steps.length - 1);
    expect(f.next).toBeNull();
    expect(f.lastStep).toBe(11);
    expect(f.previous).toMatchObject({ left: 'Ġto', right: 'ken', rank: 10985 });
    expect(f.symbols.map((s) => s.text)).toEqual(tokenStrings(encode(' tokenization')));
  });

  it.each([-1, 12, 0.5])('rejects step %s', (step) => {
    expect(() => bpeFrame(steps, step)).toThrow(RangeError);
  });
});
