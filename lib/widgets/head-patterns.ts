// What a head does on one prompt, in three numbers read from its attention weights [T, T] (row =
// query, column = key): the mean weight each query puts on the token just before it (a
// previous-token head), on the first token (where many heads park attention they do not need), and,
// at queries whose token appeared earlier, on the token that followed that earlier copy (an
// induction head: "A B … A → B"). Means over the queries where each applies; null where none does.

export interface HeadPattern {
  previous: number;
  first: number | null;
  /** null when no token of the prompt repeats an earlier one. */
  induction: number | null;
}

/** A head counts as showing a pattern when it puts at least this much there on average. */
export const PATTERN_THRESHOLD = 0.4;

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** `probs`: one head's weights [T, T]; `ids`: the prompt's T token ids. T ≥ 2. */
export function headPattern(probs: Float32Array, ids: readonly number[]): HeadPattern {
  const T = ids.length;
  if (probs.length !== T * T) throw new RangeError(`${probs.length} weights for ${T} tokens`);
  if (T < 2) throw new RangeError('a head pattern needs at least two tokens');
  const previous: number[] = [];
  const first: number[] = [];
  const induction: number[] = [];
  for (let i = 1; i < T; i++) {
    const row = probs.subarray(i * T, (i + 1) * T);
    previous.push(row[i - 1]);
    if (i > 1) first.push(row[0]); // at query 1 the first token is also the previous one
    // every earlier copy of this token, the weight on the token right after it (itself excluded)
    const after: number[] = [];
    for (let j = 0; j < i - 1; j++) if (ids[j] === ids[i]) after.push(row[j + 1]);
    if (after.length) induction.push(after.reduce((a, b) => a + b, 0));
  }
  return { previous: mean(previous)!, first: mean(first), induction: mean(induction) };
}

/** The patterns of every head of one layer; `attn` is [nHead, T, T]. */
export function layerPatterns(attn: Float32Array, nHead: number, ids: readonly number[]): HeadPattern[] {
  const T = ids.length;
  return Array.from({ length: nHead }, (_, h) => headPattern(attn.subarray(h * T * T, (h + 1) * T * T), ids));
}
