/**
 * GPT-2's pre-tokenizer: the regex that cuts text into chunks before BPE, so that no
 * token ever spans a letter/digit/punctuation/whitespace boundary (a space attaches to
 * the *following* word: "Hello world" → ["Hello", " world"]).
 *
 * JavaScript's `\s` differs from the original Python `regex` module on a few rare code
 * points (JS counts U+FEFF as space, Python counts U+001C..U+001F and U+0085), so text
 * containing those may be chunked differently from OpenAI's Python encoder. We follow
 * gpt-tokenizer (and transformers.js), which use this same JS pattern.
 */
import { EOT_TEXT } from './vocab';

export const GPT2_SPLIT_PATTERN = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

/**
 * Splits text on `<|endoftext|>`: the returned texts are the ordinary pieces, and a
 * special token sits between each two consecutive pieces. "a<|endoftext|>b" → ["a", "b"].
 */
export function splitOnSpecial(text: string): string[] {
  return text.split(EOT_TEXT);
}

/**
 * The chunks BPE runs on, in order. `<|endoftext|>` is kept whole as its own chunk
 * (encode turns it into id 50256); everything else goes through GPT2_SPLIT_PATTERN.
 * The chunks concatenate back to `text`.
 */
export function pretokenize(text: string): string[] {
  const chunks: string[] = [];
  splitOnSpecial(text).forEach((piece, i) => {
    if (i > 0) chunks.push(EOT_TEXT);
    for (const [chunk] of piece.matchAll(GPT2_SPLIT_PATTERN)) chunks.push(chunk);
  });
  return chunks;
}
