import { describe, expect, it } from 'vitest';
import { argmax, filterCandidates, mulberry32, nextTokenDistribution, sample, softmax, topIndices, type SamplingParams } from './sampling';

const logits = [1.0, 3.0, 2.0, 3.0, -1.0, 0.5]; // ids 1 and 3 tie for first
const neverCalled = () => {
  throw new Error('rng must not be called');
};

describe('argmax / softmax / topIndices', () => {
  it('picks the first of tied maxima', () => expect(argmax(logits)).toBe(1));

  it('softmax sums to 1, temperature sharpens, 0 is one-hot', () => {
    const p = softmax(logits);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(softmax(logits, 0.1)[1]).toBeGreaterThan(p[1]);
    expect(Array.from(softmax(logits, 0))).toEqual([0, 1, 0, 0, 0, 0]);
    expect(softmax([1000, 1000]).every((x) => x === 0.5)).toBe(true); // no overflow
  });

  it('ranks largest first, lower id first on ties', () => {
    expect(topIndices(logits, 3)).toEqual([1, 3, 2]);
    expect(topIndices(logits, 10)).toEqual([1, 3, 2, 0, 5, 4]);
    expect(topIndices(logits, 0)).toEqual([]);
  });
});

describe('sample', () => {
  const cases: { name: string; params: SamplingParams; expected: number[] }[] = [
    { name: 'temperature 0 → greedy', params: { temperature: 0 }, expected: [1] },
    { name: 'negative temperature → greedy', params: { temperature: -1 }, expected: [1] },
    { name: 'topK 1 → greedy', params: { temperature: 5, topK: 1 }, expected: [1] },
    { name: 'topK 2 keeps the tied pair', params: { topK: 2 }, expected: [1, 3] },
    { name: 'tiny topP keeps one token', params: { topP: 1e-9 }, expected: [1] },
    { name: 'topP 0.6 keeps the two tied tokens (each < 0.6)', params: { topP: 0.6 }, expected: [1, 3] },
    { name: 'topK 3 then topP 0.99', params: { topK: 3, topP: 0.99 }, expected: [1, 3, 2] },
  ];
  it.each(cases)('$name', ({ params, expected }) => {
    const rng = mulberry32(1);
    const seen = new Set<number>();
    for (let n = 0; n < 300; n++)
      seen.add(sample(logits, params, params.temperature !== undefined && params.temperature <= 0 ? neverCalled : rng));
    expect([...seen].sort()).toEqual([...expected].sort());
  });

  it('matches the softmax frequencies without filters', () => {
    const rng = mulberry32(7);
    const counts = new Array(logits.length).fill(0);
    const N = 20000;
    for (let n = 0; n < N; n++) counts[sample(logits, {}, rng)]++;
    softmax(logits).forEach((p, i) => expect(counts[i] / N).toBeCloseTo(p, 1));
  });

  it('same seed → same draws', () => {
    const draw = (seed: number) => {
      const rng = mulberry32(seed);
      return Array.from({ length: 50 }, () => sample(logits, { temperature: 1.5, topP: 0.95 }, rng));
    };
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
  });

  it('top-p on a large vocabulary grows its prefix until it holds the mass', () => {
    const flat = new Float32Array(50257).fill(0); // uniform: top-p 0.5 must keep half
    const c = filterCandidates(flat, { topP: 0.5 });
    expect(c.ids.length).toBe(Math.ceil(50257 * 0.5));
    expect(c.ids.slice(0, 3)).toEqual([0, 1, 2]);
    expect(c.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});

describe('nextTokenDistribution', () => {
  it('reports probabilities before and after filtering and what removed each', () => {
    const d = nextTokenDistribution(logits, { topK: 3, topP: 0.7 }, 5);
    expect(d.map((e) => e.id)).toEqual([1, 3, 2, 0, 5]);
    expect(d.map((e) => e.removedBy)).toEqual([null, null, 'top-p', 'top-k', 'top-k']);
    expect(d[0].probFiltered).toBeCloseTo(0.5, 12);
    expect(d[0].prob).toBeCloseTo(softmax(logits)[1], 12);
    expect(d[2].probFiltered).toBe(0);
  });

  it('greedy: one token at probability 1', () => {
    const d = nextTokenDistribution(logits, { temperature: 0 }, 3);
    expect(d.map((e) => [e.id, e.prob, e.probFiltered, e.removedBy])).toEqual([
      [1, 1, 1, null],
      [3, 0, 0, 'greedy'],
      [2, 0, 0, 'greedy'],
    ]);
  });
});
