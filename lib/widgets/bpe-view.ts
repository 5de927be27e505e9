/**
 * What the BPE-merges panel shows: which chunks of the text can be picked, and for one
 * step of bpeSteps the symbols with the pair that merges next.
 */
import { pretokenize, type BpeMerge, type BpeStep } from '../tokenizer';

/** Longer chunks are not offered (BPE on them is quadratic, and the boxes would not fit). */
export const MAX_WORD_LENGTH = 48;
/** Distinct chunks offered at most, in order of first appearance. */
export const MAX_WORD_CHOICES = 200;

export interface WordChoices {
  /** distinct pre-tokenized chunks of the text, first appearance first */
  words: string[];
  /** the longest chunk with a non-space character (else the longest); null for no text */
  defaultWord: string | null;
  /** distinct chunks left out for being longer than MAX_WORD_LENGTH */
  tooLong: number;
}

export function wordChoices(text: string): WordChoices {
  const seen = new Set<string>();
  const words: string[] = [];
  let tooLong = 0;
  for (const chunk of pretokenize(text)) {
    if (seen.has(chunk)) continue;
    seen.add(chunk);
    if (chunk.length > MAX_WORD_LENGTH) tooLong++;
    else if (words.length < MAX_WORD_CHOICES) words.push(chunk);
  }
  const longest = (ws: string[]) => ws.reduce<string | null>((best, w) => (best === null || w.length > best.length ? w : best), null);
  return { words, defaultWord: longest(words.filter((w) => /\S/u.test(w))) ?? longest(words), tooLong };
}

export interface BpeSymbol {
  /** byte-level form, as in vocab.json: 'Ġt' */
  text: string;
  /** made by the merge that led to this step */
  justMerged: boolean;
  /** half of the pair that merges next */
  next: 'left' | 'right' | null;
}

export interface BpeFrame {
  step: number;
  lastStep: number;
  symbols: BpeSymbol[];
  /** the merge that made this step (null at step 0) */
  previous: BpeMerge | null;
  /** the merge to be applied next (null at the last step: no adjacent pair is a token) */
  next: BpeMerge | null;
}

/** Step `step` of `steps` (from bpeSteps) as boxes to draw. */
export function bpeFrame(steps: readonly BpeStep[], step: number): BpeFrame {
  const lastStep = steps.length - 1;
  if (!Number.isInteger(step) || step < 0 || step > lastStep) {
    throw new RangeError(`BPE step ${String(step)} is out of range 0..${lastStep}`);
  }
  const { symbols, merge: previous } = steps[step];
  const next = steps[step + 1]?.merge ?? null;
  return {
    step,
    lastStep,
    previous,
    next,
    symbols: symbols.map((text, i) => ({
      text,
      justMerged: previous !== null && i === previous.index,
      next: next === null ? null : i === next.index ? 'left' : i === next.index + 1 ? 'right' : null,
    })),
  };
}
