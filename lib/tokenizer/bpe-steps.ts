/**
 * bpeSteps: byte-pair encoding of one chunk, one merge at a time, for the teaching widget.
 *
 * Start from the chunk's bytes, each written as its byte-level character ('Ġ' for a
 * space); at every step merge the adjacent pair whose concatenation has the lowest rank
 * (leftmost on a tie); stop when no adjacent pair is a token. This is the loop tiktoken
 * and gpt-tokenizer run, so the last step's symbols are exactly encode's tokens.
 */
import { bytesToVocabString } from './byte-level';
import { pretokenize } from './pretokenize';
import { EOT_ID, EOT_TEXT, idOfTokenString } from './vocab';

/** GPT-2 has one token per byte before the first merge; merge n makes id 256 + n. */
export const FIRST_MERGE_ID = 256;

export interface BpeMerge {
  left: string;
  right: string;
  /** id of the merged token, left + right */
  id: number;
  /** priority of the merge: its 0-based line in merges.txt (= id - 256); lower goes first */
  rank: number;
  /** position of `left` in the symbols before the merge */
  index: number;
}

export interface BpeStep {
  /** the symbols after this step, in byte-level form; step 0 is the raw bytes */
  symbols: string[];
  /** the merge that produced `symbols`; null for step 0 */
  merge: BpeMerge | null;
}

/**
 * Every stage of BPE on `word`, which must be exactly one chunk of `pretokenize`
 * (e.g. " tokenization"); throws RangeError otherwise, since BPE never merges across
 * chunks. `<|endoftext|>` is a single step: special tokens are not built by merges.
 */
export function bpeSteps(word: string): BpeStep[] {
  const chunks = pretokenize(word);
  if (chunks.length !== 1) {
    throw new RangeError(`bpeSteps takes one pre-tokenized chunk, got ${chunks.length}: ${JSON.stringify(chunks)}`);
  }
  if (word === EOT_TEXT) return [{ symbols: [EOT_TEXT], merge: null }];

  let symbols = [...bytesToVocabString(new TextEncoder().encode(word))];
  const steps: BpeStep[] = [{ symbols, merge: null }];
  for (;;) {
    let best: BpeMerge | null = null;
    for (let i = 0; i + 1 < symbols.length; i++) {
      const id = idOfTokenString(symbols[i] + symbols[i + 1]);
      if (id !== undefined && id !== EOT_ID && (best === null || id < best.id)) {
        best = { left: symbols[i], right: symbols[i + 1], id, rank: id - FIRST_MERGE_ID, index: i };
      }
    }
    if (best === null) return steps;
    symbols = [...symbols.slice(0, best.index), best.left + best.right, ...symbols.slice(best.index + 2)];
    steps.push({ symbols, merge: best });
  }
}
