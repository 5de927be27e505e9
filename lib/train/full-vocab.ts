// Training for GPT-2's whole vocabulary at the cost of the corpus's. A corpus uses K of the 50,257
// tokens; the other N = 50,257 − K never occur in it, so nothing tells them apart. They can share
// one row of wte: the model then has K + 1 rows, and the shared ("rest") row's logit stands for N
// tokens with the same logit, whose softmax weight is N·e^z = e^(z + ln N). Adding ln N to that one
// logit makes the K + 1-way softmax exactly the 50,257-way softmax of the expanded model, so the
// loss trained on is the full model's loss, and the export (every unused token gets the rest row)
// is an ordinary GPT-2 checkpoint that reads any prompt. The demo model is trained this way.

import type { GPT2Config } from '@/lib/model/config';
import { GPT2_SMALL } from '@/lib/model/config';
import type { GPT2Weights } from '@/lib/model/checkpoint';
import type { TokenMap } from '@/lib/model/token-map';

const GPT2_VOCAB = GPT2_SMALL.vocabSize;

/** The rows a full-vocabulary run trains for a corpus of K tokens: the K, then the shared row. */
export function fullVocabRows(kept: number): number {
  return kept + 1;
}

/** The tokens a model trained on K of them chooses between: K, or all of GPT-2's in a full-vocabulary run. */
export function modelVocab(kept: number, fullVocab: boolean): number {
  return fullVocab ? GPT2_VOCAB : kept;
}

/** ln N: what the rest row's logit gains for the N tokens it stands for. */
export function restLogitOffset(tokenMap: TokenMap): number {
  return Math.log(GPT2_VOCAB - tokenMap.size);
}

/**
 * The trained weights (wte with K + 1 rows) as a GPT-2 checkpoint with all 50,257: a kept token's
 * row where the corpus had it, the rest row everywhere else. Everything but wte is shared.
 */
export function expandToFullVocab(cfg: GPT2Config, weights: GPT2Weights, tokenMap: TokenMap): { config: GPT2Config; weights: GPT2Weights } {
  const K = tokenMap.size;
  const C = cfg.nEmbd;
  if (cfg.vocabSize !== K + 1) throw new RangeError(`expected ${K + 1} rows of wte (K + the rest row), got ${cfg.vocabSize}`);
  const rest = weights.wte.subarray(K * C, (K + 1) * C);
  const wte = new Float32Array(GPT2_VOCAB * C);
  for (let id = 0; id < GPT2_VOCAB; id++) wte.set(rest, id * C);
  for (let i = 0; i < K; i++) wte.set(weights.wte.subarray(i * C, (i + 1) * C), tokenMap.toGpt2(i) * C);
  return { config: { ...cfg, vocabSize: GPT2_VOCAB }, weights: { ...weights, wte } };
}
