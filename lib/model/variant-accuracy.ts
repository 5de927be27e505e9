// What a lighter variant costs in accuracy: the fp32 graph and the variant are teacher-forced through
// the same tokens (each step is fed the true next token, not its own guess), and at every position
// their next-token logits are compared: the largest and the mean absolute difference, and whether
// both put the same token first.

import type { Decoder } from './decoder';
import { argmax } from './sampling';

export interface VariantAccuracy {
  positions: number;
  maxLogitError: number;
  meanLogitError: number;
  /** Positions where both graphs rank the same token first. */
  top1Agree: number;
  /** Largest |logit| of the reference, for scale. */
  maxAbsLogit: number;
}

/** The reference's next-token logits at each of the positions 0 … tokens.length − 1. */
export async function teacherForcedLogits(d: Decoder, tokens: readonly number[]): Promise<Float32Array[]> {
  if (tokens.length === 0) throw new RangeError('teacherForcedLogits: no tokens');
  const out = [(await d.prefill(tokens.slice(0, 1))).slice()];
  for (let t = 1; t < tokens.length; t++) out.push((await d.step(tokens[t])).slice());
  return out;
}

/** Compares a decoder with logits already computed by the reference over the same tokens. */
export async function compareWithReference(
  reference: readonly Float32Array[],
  candidate: Decoder,
  tokens: readonly number[],
): Promise<VariantAccuracy> {
  if (reference.length !== tokens.length)
    throw new RangeError(`compareWithReference: ${reference.length} reference positions for ${tokens.length} tokens`);
  const got = await teacherForcedLogits(candidate, tokens);
  let maxLogitError = 0;
  let sum = 0;
  let count = 0;
  let top1Agree = 0;
  let maxAbsLogit = 0;
  got.forEach((logits, t) => {
    const want = reference[t];
    if (logits.length !== want.length) throw new RangeError(`position ${t}: ${logits.length} logits, the reference has ${want.length}`);
    for (let i = 0; i < want.length; i++) {
      const e = Math.abs(logits[i] - want[i]);
      if (e > maxLogitError) maxLogitError = e;
      sum += e;
      maxAbsLogit = Math.max(maxAbsLogit, Math.abs(want[i]));
    }
    count += want.length;
    if (argmax(logits) === argmax(want)) top1Agree++;
  });
  return { positions: tokens.length, maxLogitError, meanLogitError: sum / count, top1Agree, maxAbsLogit };
}

/** A plain English paragraph about the model itself: the text accuracy is measured on. */
export const ACCURACY_TEXT =
  'The transformer reads a sequence of tokens and predicts the next one. Each block lets every position ' +
  'look back at the earlier positions through attention, then refines what it found with a small ' +
  'multilayer perceptron. GPT-2 stacks twelve such blocks, and its vocabulary of fifty thousand byte ' +
  'pair tokens covers any text, from English prose to source code. Training simply asks it, over and ' +
  'over, to guess the next token of web pages, and the knowledge it shows at the end is a side effect ' +
  'of getting better at that guess. ';
