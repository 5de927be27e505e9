import { describe, expect, it } from 'vitest';
import { countParameters, GPT2_SMALL } from './config';
import { gpt2TensorSpecs } from './checkpoint';
import {
  compactTensors,
  dequantizeQ4,
  dequantizeQ8Rows,
  expandCompact,
  quantizeQ4,
  quantizeQ8Rows,
  serializeCompact,
  Q4_BLOCK,
} from './compact';
import { demoCheckpoint, demoDecoder, HELLO_IDS, maxAbsDiff } from '@/test/fixtures/demo-model';
import { Decoder } from './decoder';
import { buildDecoderGraph } from '@/lib/model/graph/decoder-graph';
import { encodeModel } from '@/lib/model/graph/graph-builder';
import { gaussian, mulberry32 } from './prng';
import { halfToFloat } from './safetensors';
import { argmax } from './sampling';

const randn = (n: number, seed: number) => {
  const g = gaussian(mulberry32(seed));
  return Float32Array.from({ length: n }, () => 0.02 * g());
};

describe('compact weights', () => {
  it('int8 rows: error ≤ half a step of the row scale', () => {
    const w = randn(5 * 64, 1);
    const { q, scales } = quantizeQ8Rows(w, 5, 64);
    const s = Float32Array.from(scales, halfToFloat);
    const back = dequantizeQ8Rows(q, s, 5, 64);
    for (let r = 0; r < 5; r++)
      for (let c = 0; c < 64; c++) expect(Math.abs(back[r * 64 + c] - w[r * 64 + c])).toBeLessThanOrEqual(s[r] / 2 + 1e-9);
  });

  it('4-bit blocks along K: MatMulNBits layout, error ≤ half a step, any K', () => {
    for (const [K, N] of [
      [64, 3],
      [70, 2],
    ]) {
      const w = randn(K * N, K);
      const { q, scales, zeroPoints } = quantizeQ4(w, K, N);
      const nb = Math.ceil(K / Q4_BLOCK);
      expect(q.length).toBe(N * nb * 16);
      expect(scales.length).toBe(N * nb);
      expect(zeroPoints.length).toBe(N * Math.ceil(nb / 2));
      const s = Float32Array.from(scales, halfToFloat);
      const back = dequantizeQ4(q, s, zeroPoints, K, N);
      for (let k = 0; k < K; k++)
        for (let n = 0; n < N; n++)
          expect(Math.abs(back[k * N + n] - w[k * N + n])).toBeLessThanOrEqual(s[n * nb + Math.floor(k / Q4_BLOCK)] / 2 + 1e-7);
      // element (k=1, n=0) is the high nibble of the first byte of column 0, block 0
      const zp0 = zeroPoints[0] & 15;
      expect(((q[0] >> 4) - zp0) * s[0]).toBeCloseTo(back[1 * N + 0], 7);
    }
  });

  it('GPT-2 124M compacts to ≤ 100 MB', () => {
    let bytes = 0;
    for (const { name, shape } of gpt2TensorSpecs(GPT2_SMALL)) {
      const n = shape.reduce((a, b) => a * b, 1);
      if (name === 'wte.weight' || name === 'wpe.weight') bytes += n + 2 * shape[0];
      else if (/c_\w+\.weight$/.test(name)) bytes += n / 2 + (n / Q4_BLOCK) * 2 + Math.ceil(shape[0] / Q4_BLOCK / 2) * shape[1];
      else bytes += 4 * n;
    }
    expect(countParameters(GPT2_SMALL).total).toBe(124_439_808);
    expect(bytes / 1e6).toBeLessThan(100);
    expect(bytes / 1e6).toBeGreaterThan(80);
  });

  it('round-trips through a file, and the expanded model stays close to fp32', async () => {
    const { config, weights } = demoCheckpoint();
    const bytes = serializeCompact(config, weights);
    expect(compactTensors(config, weights).map((t) => t.name)).toContain('h.0.attn.c_attn.weight.q4');
    const back = expandCompact(bytes);
    expect(back.config).toEqual(config);
    expect(back.weights.h[1].mlp.c_fc.weight.length).toBe(64 * 256);
    expect(back.weights.ln_f.bias).toEqual(weights.ln_f.bias); // fp32 params untouched
    const exact = await demoDecoder();
    const compact = await Decoder.load(encodeModel(buildDecoderGraph(back.config, back.weights)), back.config);
    const a = await exact.prefill(HELLO_IDS);
    const b = await compact.prefill(HELLO_IDS);
    expect(maxAbsDiff(a, b)).toBeLessThan(0.05);
    expect(argmax(b)).toBe(argmax(a));
  });
});
