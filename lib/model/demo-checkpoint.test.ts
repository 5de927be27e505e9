import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { weightsToTensors } from './checkpoint';
import { buildDemoCheckpoint, DEMO_CONFIG, demoConfig, demoTensor } from './demo-checkpoint';
import { serializeSafetensors } from './safetensors';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const file = (seed: number) => serializeSafetensors(weightsToTensors(DEMO_CONFIG, buildDemoCheckpoint(DEMO_CONFIG, seed).weights));

function stats(x: Float32Array) {
  let mean = 0;
  for (const v of x) mean += v;
  mean /= x.length;
  let varSum = 0;
  for (const v of x) varSum += (v - mean) ** 2;
  return { mean, std: Math.sqrt(varSum / x.length) };
}

describe('demo checkpoint', () => {
  it('same seed → byte-identical safetensors; another seed → different', () => {
    const a = file(42);
    expect(sha(file(42))).toBe(sha(a));
    expect(sha(file(43))).not.toBe(sha(a));
  });

  it('has the real vocabulary and context and the demo shape', () => {
    expect(demoConfig('demo')).toEqual({ blockSize: 1024, vocabSize: 50257, nLayer: 2, nHead: 4, nEmbd: 64, layerNormEpsilon: 1e-5 });
    expect(demoConfig('124m').nEmbd).toBe(768);
    const { weights } = buildDemoCheckpoint(DEMO_CONFIG, 1);
    expect(weights.wte.length).toBe(50257 * 64);
    expect(weights.wpe.length).toBe(1024 * 64);
  });

  it('follows GPT-2 init, with LayerNorm and biases perturbed so tests exercise them', () => {
    const { weights } = buildDemoCheckpoint(DEMO_CONFIG, 1);
    expect(stats(weights.wte).std).toBeCloseTo(0.02, 3);
    expect(stats(weights.h[0].attn.c_attn.weight).std).toBeCloseTo(0.02, 3);
    expect(stats(weights.h[0].mlp.c_proj.weight).std).toBeCloseTo(0.02 / Math.sqrt(4), 3); // 1/√(2·nLayer)
    const ln = stats(weights.h[1].ln_2.weight);
    expect(ln.mean).toBeCloseTo(1, 1);
    expect(ln.std).toBeGreaterThan(0.05);
    expect(stats(weights.ln_f.bias).std).toBeGreaterThan(0.02);
    expect(stats(weights.h[0].attn.c_attn.bias).std).toBeGreaterThan(0.005);
  });

  it('draws each tensor from (seed, name), independent of order', () => {
    const a = demoTensor(DEMO_CONFIG, 5, 'h.1.mlp.c_fc.bias', [256]);
    const b = buildDemoCheckpoint(DEMO_CONFIG, 5).weights.h[1].mlp.c_fc.bias;
    expect(a).toEqual(b);
  });
});
