// The widgets' arithmetic against the real graph: the demo model (random weights, GPT-2 layout) run
// by onnxruntime-web, its analysis tensors named exactly as the worker names them.
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCheckpoint, demoDecoder, HELLO_IDS } from '@/test/fixtures/demo-model';
import type { AnalysisKind } from '../worker/protocol';
import type { AnalysisTensors } from './analysis-tensors';
import { attentionStepFromTensors, MATCH_TOLERANCE, maxAbsDiff, modelAttentionRow } from './attention-steps';
import { normalize, residualProfile, vecStats } from './layer-stats';
import { rowOf, tensorOf } from './analysis-tensors';

const { config, weights } = demoCheckpoint();
const { nLayer, nHead, nEmbd: C } = config;
const T = HELLO_IDS.length;
let tensors: AnalysisTensors;

beforeAll(async () => {
  const decoder = await demoDecoder();
  const what: AnalysisKind[] = ['attn', 'q', 'key', 'value', 'resid', 'resid_mid', 'ln_1', 'ln_2'];
  const analysis = await decoder.analyze(HELLO_IDS, what);
  tensors = {};
  for (const kind of what) analysis[kind]!.forEach((t, i) => (tensors[`${kind}.${i}`] = { dims: t.dims, data: t.data as Float32Array }));
  await decoder.release();
});

describe('attention steps in TypeScript = the model’s attention', () => {
  it('every (layer, head, query) row matches attn within float32 rounding', () => {
    let worst = 0;
    for (let layer = 0; layer < nLayer; layer++) {
      for (let head = 0; head < nHead; head++) {
        for (let i = 0; i < T; i++) {
          const steps = attentionStepFromTensors(tensors, layer, head, nHead, i);
          expect(steps.hs).toBe(C / nHead);
          worst = Math.max(worst, maxAbsDiff(steps.weights, modelAttentionRow(tensors, layer, head, i)));
        }
      }
    }
    expect(worst).toBeLessThan(1e-5);
    expect(worst).toBeLessThan(MATCH_TOLERANCE);
  });

  it('a wrong head layout would not match (the check can fail)', () => {
    const steps = attentionStepFromTensors(tensors, 0, 1, nHead, T - 1);
    expect(maxAbsDiff(steps.weights, modelAttentionRow(tensors, 0, 2, T - 1))).toBeGreaterThan(MATCH_TOLERANCE);
  });
});

describe('residual stream statistics read the right tensors', () => {
  it('ln_1.i = γ ⊙ normalize(resid.i) + β and ln_2.i = γ ⊙ normalize(resid_mid.i) + β', () => {
    for (let layer = 0; layer < nLayer; layer++) {
      for (const [ln, input] of [
        ['ln_1', 'resid'],
        ['ln_2', 'resid_mid'],
      ] as const) {
        const { weight: g, bias: b } = weights.h[layer][ln];
        for (let t = 0; t < T; t++) {
          const n = normalize(rowOf(tensorOf(tensors, input, layer), t));
          const expected = Array.from(n, (x, c) => g[c] * x + b[c]);
          expect(maxAbsDiff(rowOf(tensorOf(tensors, ln, layer), t), expected), `${ln}.${layer} row ${t}`).toBeLessThan(1e-4);
        }
      }
    }
  });

  it('the profile has one row per block and the final stream', () => {
    const p = residualProfile(tensors, nLayer, T - 1);
    expect(p.blocks).toHaveLength(nLayer);
    expect(p.final.norm).toBeCloseTo(vecStats(rowOf(tensorOf(tensors, 'resid', nLayer), T - 1)).norm, 10);
  });
});
