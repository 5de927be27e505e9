// Typed-answer checking: forgiving about case, whitespace, punctuation, Markdown markers and
// thousands separators ("50,257" = "50257"), strict about the words themselves. A plain space
// is a word break, never a thousands separator ("12 768" stays two numbers).

import { clozeAnswers } from './cloze';

export interface AnswerCheck {
  correct: boolean;
  /** The normalized forms that were compared. */
  typed: string;
  expected: string;
}

// `50,257`, `50'257`, `50_257`, `50 257` with a no-break or narrow no-break space.
const THOUSANDS = /(\d)[,'_\u00a0\u202f](?=\d{3}(?!\d))/g;
// Markdown code/emphasis and math delimiters carry no meaning in a typed answer.
const MARKUP = /[`*$]/g;
// A full stop between digits is a decimal point and is kept.
const DECIMAL_POINT = /(\d)\.(?=\d)/g;
const DECIMAL_MARK = '\u0000';
const PUNCTUATION = /\p{P}/gu;

/** Lower-case, NFKC, no thousands separators, punctuation as word breaks, single spaces. */
export function normalizeAnswer(s: string): string {
  // Separators go before NFKC too, which would turn a no-break space into a plain space.
  let out = s.replace(THOUSANDS, '$1').normalize('NFKC').toLowerCase();
  out = out.replace(MARKUP, '');
  out = out.replace(THOUSANDS, '$1');
  out = out.replace(DECIMAL_POINT, `$1${DECIMAL_MARK}`);
  out = out.replace(PUNCTUATION, ' ');
  out = out.replaceAll(DECIMAL_MARK, '.');
  return out.replace(/\s+/g, ' ').trim();
}

/** Compares a typed answer with the expected one (several answers are compared in order). */
export function checkAnswer(typed: string, expected: string | readonly string[]): AnswerCheck {
  const want = normalizeAnswer(typeof expected === 'string' ? expected : expected.join(' '));
  const got = normalizeAnswer(typed);
  return { correct: want !== '' && got === want, typed: got, expected: want };
}

/** Checks a typed answer for cloze card N (all of N's deletions, in order, e.g. "Query, Keys"). */
export function checkClozeAnswer(text: string, n: number, typed: string): AnswerCheck {
  return checkAnswer(typed, clozeAnswers(text, n));
}
