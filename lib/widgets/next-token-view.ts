/**
 * The next-token bars' numbers: the n most likely tokens for the current sampling settings, with
 * what each filter removed. Pure recomputation from one logits vector [V]: moving a slider never
 * re-runs the model.
 */
import { filterCandidates, nextTokenDistribution, type DistributionEntry, type SamplingParams } from '../model/sampling';

export interface NextTokenView {
  entries: DistributionEntry[];
  /** tokens of the whole vocabulary that survive the filters */
  keptTotal: number;
  /** Σ probFiltered over the shown entries (1 when every kept token is shown) */
  shownKeptSum: number;
  /** Σ prob (before filtering) over the shown entries */
  shownProbSum: number;
}

export interface BarSettings {
  temperature: number;
  /** 0 = off */
  topK: number;
  /** 1 = off */
  topP: number;
}

export function samplingParams(s: BarSettings): SamplingParams {
  return { temperature: s.temperature, topK: s.topK, topP: s.topP };
}

export function nextTokenView(logits: ArrayLike<number>, s: BarSettings, n: number): NextTokenView {
  const params = samplingParams(s);
  const entries = nextTokenDistribution(logits, params, n);
  const filtered = (s.topK > 0 && s.topK < logits.length) || s.topP < 1 || !(s.temperature > 0);
  const keptTotal = filtered ? filterCandidates(logits, params).ids.length : logits.length;
  return {
    entries,
    keptTotal,
    shownKeptSum: entries.reduce((a, e) => a + e.probFiltered, 0),
    shownProbSum: entries.reduce((a, e) => a + e.prob, 0),
  };
}

/** Why an entry is greyed out, in words; null when it is kept. `rank` is 0-based. */
export function removalReason(e: DistributionEntry, rank: number, s: BarSettings): string | null {
  switch (e.removedBy) {
    case null:
      return null;
    case 'top-k':
      return `removed by top-k: rank ${rank + 1} > k = ${s.topK}`;
    case 'top-p':
      return `removed by top-p: the more likely tokens above it already reach p = ${s.topP}`;
    case 'greedy':
      return 'removed: greedy keeps only the most likely token';
  }
}
