import { describe, expect, it } from 'vitest';
import { checkAnswer, checkClozeAnswer, normalizeAnswer } from './index';

describe('normalizeAnswer', () => {
  const golden: Array<[string, string]> = [
    ['50,257', '50257'],
    ['50257', '50257'],
    ["50'257", '50257'],
    ['50\u00a0257', '50257'],
    ['1,000,000', '1000000'],
    ['12, 768', '12 768'],
    ['12 768', '12 768'],
    ['  Block_Size  ', 'block size'],
    ['`n_embd`', 'n embd'],
    ['**Query**, Keys; normalize.', 'query keys normalize'],
    ['decoder-only', 'decoder only'],
    ['0.1542', '0.1542'],
    ['√d_k', '√d k'],
    ['$\\sqrt{d_k}$', 'sqrt d k'],
    ['ＰＡＯ', 'pao'],
    ['“PAO”!', 'pao'],
  ];
  it.each(golden)('%j → %j', (input, out) => expect(normalizeAnswer(input)).toBe(out));
});

describe('checkAnswer', () => {
  const golden: Array<{ typed: string; expected: string | string[]; correct: boolean }> = [
    { typed: '50257', expected: '50,257', correct: true },
    { typed: '50,257', expected: '50257', correct: true },
    { typed: '50,256', expected: '50,257', correct: false },
    { typed: 'pao', expected: 'PAO', correct: true },
    { typed: 'Tokenize it.', expected: 'tokenize it', correct: true },
    { typed: 'tokenize', expected: 'tokenize it', correct: false },
    { typed: 'query, keys', expected: ['Query', 'Keys'], correct: true },
    { typed: 'keys, query', expected: ['Query', 'Keys'], correct: false },
    { typed: '', expected: '', correct: false },
    { typed: 'block size', expected: '`block_size`', correct: true },
  ];
  it.each(golden)('$typed vs $expected', ({ typed, expected, correct }) => {
    expect(checkAnswer(typed, expected).correct).toBe(correct);
  });

  it('checks all deletions of one cloze card, in order', () => {
    const text = 'Scores between a {{c1::Query}} and all {{c1::Keys}}, softmax to {{c2::normalize}}';
    expect(checkClozeAnswer(text, 1, 'Query, Keys')).toMatchObject({ correct: true, expected: 'query keys' });
    expect(checkClozeAnswer(text, 2, 'normalise').correct).toBe(false);
  });
});
