import { describe, expect, it } from 'vitest';
import { normalize, residualProfile, streamStages, vecStats } from './layer-stats';
import type { AnalysisTensors } from './analysis-tensors';

describe('vecStats', () => {
  it('gives mean, population variance and L2 norm', () => {
    expect(vecStats([3, 4])).toEqual({ mean: 3.5, variance: 0.25, norm: 5 });
    expect(vecStats([2, 2, 2, 2])).toEqual({ mean: 2, variance: 0, norm: 4 });
  });

  it('keeps a small spread around a large mean (two-pass variance)', () => {
    const s = vecStats(Float32Array.from([1e4 + 1, 1e4 - 1, 1e4 + 1, 1e4 - 1]));
    expect(s.variance).toBe(1);
  });

  it('refuses an empty vector', () => {
    expect(() => vecStats([])).toThrow(RangeError);
  });
});

describe('normalize (LayerNorm without γ, β)', () => {
  it('has mean 0 and variance σ²/(σ²+ε) ≈ 1 whatever the input scale', () => {
    for (const scale of [0.01, 1, 300]) {
      const x = Array.from({ length: 64 }, (_, c) => scale * Math.sin(c * 1.7) + 5 * scale);
      const v = vecStats(x).variance;
      const s = vecStats(normalize(x));
      expect(s.mean).toBeCloseTo(0, 10);
      expect(s.variance).toBeCloseTo(v / (v + 1e-5), 10);
    }
  });
});

describe('residualProfile', () => {
  // nLayer = 2, T = 2, C = 2; each tensor's row t = [a, b] chosen so the stats are easy
  const t2 = (r0: number[], r1: number[]) => ({ dims: [2, 2], data: Float32Array.from([...r0, ...r1]) });
  const tensors: AnalysisTensors = {
    'resid.0': t2([0, 0], [3, 4]),
    'resid_mid.0': t2([0, 0], [6, 8]),
    'resid.1': t2([0, 0], [9, 12]),
    'resid_mid.1': t2([0, 0], [12, 16]),
    'resid.2': t2([0, 0], [15, 20]),
    'ln_1.0': t2([0, 0], [-1, 1]),
    'ln_2.0': t2([0, 0], [-1, 1]),
    'ln_1.1': t2([0, 0], [-2, 2]),
    'ln_2.1': t2([0, 0], [0, 1]),
  };

  it('reads each block’s input, mid-stream and LayerNorm outputs for one position', () => {
    const p = residualProfile(tensors, 2, 1);
    expect(p.blocks.map((b) => b.residIn.norm)).toEqual([5, 15]);
    expect(p.blocks.map((b) => b.residMid.norm)).toEqual([10, 20]);
    expect(p.final.norm).toBe(25);
    expect(p.blocks[1].ln1Out).toEqual({ mean: 0, variance: 4, norm: Math.sqrt(8) });
    expect(p.blocks[1].ln2Out.mean).toBe(0.5);
  });

  it('lists the stream after every addition, in order', () => {
    const stages = streamStages(residualProfile(tensors, 2, 1));
    expect(stages.map((s) => s.short)).toEqual(['emb', 'a0', 'm0', 'a1', 'm1']);
    expect(stages.map((s) => s.norm)).toEqual([5, 10, 15, 20, 25]);
    expect(stages.map((s) => s.kind)).toEqual(['embed', 'attn', 'mlp', 'attn', 'mlp']);
  });

  it('names what is missing and refuses a position outside the prompt', () => {
    const { 'ln_2.1': _, ...without } = tensors;
    expect(() => residualProfile(without, 2, 1)).toThrow(/ln_2\.1/);
    expect(() => residualProfile(tensors, 2, 2)).toThrow(RangeError);
  });
});
