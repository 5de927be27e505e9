// Choosing the next token from logits [V]: greedy, temperature, top-k, top-p (nucleus).
// Pure functions; randomness comes in as an rng () => [0, 1), e.g. mulberry32(seed).
//
// Order, as in Hugging Face transformers: logits / temperature → keep the top k → of those, keep the
// smallest set (most probable first) whose probability reaches top_p → renormalize → draw.
// Ties rank the lower id first, so every result is reproducible.

export { mulberry32 } from './prng';

export interface SamplingParams {
  /** 0 (or less) means greedy. Default 1. */
  temperature?: number;
  /** Keep only the k most likely tokens; 0 or undefined = off. */
  topK?: number;
  /** Keep the smallest most-likely set with total probability ≥ topP; 1 or undefined = off. */
  topP?: number;
}

/** Index of the largest logit; the first one on ties. */
export function argmax(logits: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
  return best;
}

/** softmax(logits / temperature), accumulated in float64. temperature ≤ 0 → one-hot argmax. */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  const p = new Float64Array(logits.length);
  if (!(temperature > 0)) {
    p[argmax(logits)] = 1;
    return p;
  }
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i] > max) max = logits[i];
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += p[i] = Math.exp((logits[i] - max) / temperature);
  for (let i = 0; i < p.length; i++) p[i] /= sum;
  return p;
}

/** Ids of the m largest values, largest first (lower id first on ties). A min-heap: O(V log m). */
export function topIndices(values: ArrayLike<number>, m: number): number[] {
  m = Math.min(m, values.length);
  // "a ranks below b": smaller value, or equal value and larger id
  const below = (a: number, b: number) => values[a] < values[b] || (values[a] === values[b] && a > b);
  const heap: number[] = []; // heap[0] = the weakest kept
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && below(heap[l], heap[w])) w = l;
      if (r < heap.length && below(heap[r], heap[w])) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w], heap[i]];
      i = w;
    }
  };
  for (let id = 0; id < values.length; id++) {
    if (heap.length < m) {
      heap.push(id);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!below(heap[i], heap[parent])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (m > 0 && below(heap[0], id)) {
      heap[0] = id;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (below(a, b) ? 1 : below(b, a) ? -1 : 0));
}

export interface Candidates {
  /** Kept ids, most likely first. */
  ids: number[];
  /** Their renormalized probabilities (sum 1). */
  probs: number[];
  /** Kept after top-k, before top-p (for explaining what each filter removed). */
  afterTopK: number;
}

function isGreedy(params: SamplingParams): boolean {
  return !((params.temperature ?? 1) > 0) || params.topK === 1;
}

/**
 * The tokens that survive the filters, most likely first, with renormalized probabilities.
 * With no filter at all this is every token (sorted); `sample` avoids that sort.
 */
export function filterCandidates(logits: ArrayLike<number>, params: SamplingParams): Candidates {
  const V = logits.length;
  if (isGreedy(params)) return { ids: [argmax(logits)], probs: [1], afterTopK: 1 };
  const p = softmax(logits, params.temperature ?? 1);
  const k = params.topK && params.topK > 0 ? Math.min(params.topK, V) : V;
  const topP = params.topP ?? 1;
  // top-p needs only a prefix of the ranking: grow it until it holds the mass (or all k tokens).
  let m = topP < 1 ? Math.min(k, 64) : k;
  let ranked = topIndices(p, m);
  const massOf = (ids: number[]) => ids.reduce((s, id) => s + p[id], 0);
  const massK = k < V ? massOf(topIndices(p, k)) : 1; // top-p is relative to what top-k kept
  while (topP < 1 && m < k && massOf(ranked) / massK < topP) {
    m = Math.min(k, m * 4);
    ranked = topIndices(p, m);
  }
  let keep = ranked.length;
  if (topP < 1) {
    let cum = 0;
    keep = 0;
    while (keep < ranked.length && (keep === 0 || cum < topP * massK)) cum += p[ranked[keep++]];
  }
  const ids = ranked.slice(0, keep);
  const total = massOf(ids);
  return { ids, probs: ids.map((id) => p[id] / total), afterTopK: k };
}

/** Draws the next token id. Greedy when temperature ≤ 0 or topK = 1 (then rng is not called). */
export function sample(logits: ArrayLike<number>, params: SamplingParams, rng: () => number): number {
  if (isGreedy(params)) return argmax(logits);
  const topK = params.topK ?? 0;
  const filtered = (topK > 0 && topK < logits.length) || (params.topP ?? 1) < 1;
  const u = rng();
  if (!filtered) {
    // plain temperature sampling: inverse CDF in id order, no sort needed
    const p = softmax(logits, params.temperature ?? 1);
    let cum = 0;
    for (let i = 0; i < p.length; i++) if ((cum += p[i]) > u) return i;
    return argmax(logits); // u within rounding of 1
  }
  const { ids, probs } = filterCandidates(logits, params);
  let cum = 0;
  for (let i = 0; i < ids.length; i++) if ((cum += probs[i]) > u) return ids[i];
  return ids[ids.length - 1];
}

export interface DistributionEntry {
  id: number;
  logit: number;
  /** softmax(logits / temperature) over the whole vocabulary (one-hot when greedy). */
  prob: number;
  /** After filtering and renormalizing; 0 when removed. */
  probFiltered: number;
  /** Which filter removed it, or null if kept. */
  removedBy: null | 'greedy' | 'top-k' | 'top-p';
}

/** The n most likely tokens before and after filtering, for a "next-token bars" widget. */
export function nextTokenDistribution(logits: ArrayLike<number>, params: SamplingParams, n = 10): DistributionEntry[] {
  const temperature = params.temperature ?? 1;
  const p = softmax(logits, temperature);
  const cand = filterCandidates(logits, params);
  const kept = new Map(cand.ids.map((id, i) => [id, cand.probs[i]]));
  return topIndices(logits, n).map((id, rank) => ({
    id,
    logit: logits[id],
    prob: p[id],
    probFiltered: kept.get(id) ?? 0,
    removedBy: kept.has(id) ? null : !(temperature > 0) ? 'greedy' : rank >= cand.afterTopK ? 'top-k' : 'top-p',
  }));
}
