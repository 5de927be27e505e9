/**
 * The first tokens of a long text without running the (slow, per-byte) span mapping over
 * all of it. BPE never merges across pre-tokenizer chunks, so tokenizing the text up to a
 * chunk boundary gives exactly the first tokens of the whole text, as long as the chunk
 * before the cut is not whitespace: a whitespace run's extent depends on what follows it
 * ("a  \nb" → "a", "  ", "\n", "b", but "a  \n" → "a", "  \n").
 */
import { encode, pretokenize, tokenize, type TokenSpan } from '../tokenizer';

export interface TokenizedHead {
  /** the first tokens of the text, at least `minTokens` of them when the text has that many */
  spans: TokenSpan[];
  /** how many tokens the whole text has */
  total: number;
}

export function tokenizeHead(text: string, minTokens: number): TokenizedHead {
  const chunks = pretokenize(text);
  let end = Math.max(1, minTokens); // every chunk is at least one token
  while (end < chunks.length && !/\S/u.test(chunks[end - 1])) end++;
  if (end >= chunks.length) {
    const spans = tokenize(text);
    return { spans, total: spans.length };
  }
  return { spans: tokenize(chunks.slice(0, end).join('')), total: encode(text).length };
}
