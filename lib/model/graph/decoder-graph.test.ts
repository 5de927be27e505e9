// decoder.onnx run by onnxruntime-web (wasm) against the TypeScript reference forward pass.

import { beforeAll, describe, expect, it } from 'vitest';
import { demoCheckpoint, demoDecoder, HELLO_IDS, maxAbsDiff } from '@/test/fixtures/demo-model';
import { Decoder } from '@/lib/model/decoder';
import { buildDecoderGraph } from './decoder-graph';
import { encodeModel } from './graph-builder';
import { ContextLengthError } from '@/lib/model/errors';
import { referenceForward } from '@/lib/model/reference';
import { argmax } from '@/lib/model/sampling';

let decoder: Decoder;
const { config, weights } = demoCheckpoint();
const V = config.vocabSize;

beforeAll(async () => {
  decoder = await demoDecoder();
});

describe('decoder.onnx vs the reference', () => {
  it('gives the last position’s logits within 1e-4, for several prompt lengths', async () => {
    for (const ids of [[50256], HELLO_IDS, [...HELLO_IDS, ...HELLO_IDS, 262, 3290]]) {
      const ref = referenceForward(config, weights, ids, { lastOnly: true });
      const logits = await decoder.prefill(ids);
      expect(logits.length).toBe(V);
      expect(maxAbsDiff(logits, ref.logits)).toBeLessThanOrEqual(1e-4);
    }
  });

  it('KV-cache path (prefill + steps) equals full recomputation', async () => {
    const ids = [...HELLO_IDS, 40, 1842, 2746, 13];
    let logits = await decoder.prefill(ids.slice(0, 5));
    for (let t = 5; t < ids.length; t++) logits = await decoder.step(ids[t]);
    expect(decoder.length).toBe(ids.length);
    const full = await decoder.prefill(ids);
    expect(maxAbsDiff(logits, full)).toBeLessThanOrEqual(1e-5);
    const ref = referenceForward(config, weights, ids, { lastOnly: true, collect: true });
    expect(maxAbsDiff(logits, ref.logits)).toBeLessThanOrEqual(1e-4);
    // the cache holds the reference keys/values, time-major with heads side by side
    const { keys, values } = decoder.cache.views();
    for (let i = 0; i < config.nLayer; i++) {
      expect(maxAbsDiff(keys[i], ref.key![i])).toBeLessThanOrEqual(1e-5);
      expect(maxAbsDiff(values[i], ref.value![i])).toBeLessThanOrEqual(1e-5);
    }
  });

  it('feeds chunks after a cache (multi-token step with P > 0)', async () => {
    await decoder.prefill(HELLO_IDS.slice(0, 4));
    const logits = await decoder.feed(HELLO_IDS.slice(4));
    const ref = referenceForward(config, weights, HELLO_IDS, { lastOnly: true });
    expect(maxAbsDiff(logits, ref.logits)).toBeLessThanOrEqual(1e-4);
  });

  it('attention rows sum to 1 and are causal (zeros above the diagonal)', async () => {
    const T = HELLO_IDS.length;
    const { attn } = await decoder.analyze(HELLO_IDS, ['attn']);
    const ref = referenceForward(config, weights, HELLO_IDS, { collect: true });
    expect(attn).toHaveLength(config.nLayer);
    for (let i = 0; i < config.nLayer; i++) {
      const a = attn![i];
      expect(a.dims).toEqual([config.nHead, T, T]);
      const data = a.data as Float32Array;
      for (let h = 0; h < config.nHead; h++) {
        for (let q = 0; q < T; q++) {
          const row = data.subarray((h * T + q) * T, (h * T + q + 1) * T);
          expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 5);
          for (let k = q + 1; k < T; k++) expect(row[k]).toBe(0);
        }
      }
      expect(maxAbsDiff(data, ref.attn![i])).toBeLessThanOrEqual(1e-5);
    }
  });

  it('analysis outputs match the reference intermediates, and only what is asked is fetched', async () => {
    const out = await decoder.analyze(HELLO_IDS, ['resid', 'resid_mid', 'ln_1', 'ln_2', 'q', 'key', 'value', 'logits']);
    const ref = referenceForward(config, weights, HELLO_IDS, { collect: true, lastOnly: true });
    expect(out.resid).toHaveLength(config.nLayer + 1);
    for (const kind of ['resid', 'resid_mid', 'ln_1', 'ln_2', 'q', 'key', 'value'] as const) {
      out[kind]!.forEach((t, i) => {
        expect(t.dims).toEqual([HELLO_IDS.length, config.nEmbd]);
        expect(maxAbsDiff(t.data as Float32Array, ref[kind]![i]), `${kind}.${i}`).toBeLessThanOrEqual(1e-4);
      });
    }
    expect(maxAbsDiff(out.logits!.data as Float32Array, ref.logits)).toBeLessThanOrEqual(1e-4);
    expect(Object.keys(await decoder.analyze(HELLO_IDS, ['ln_2']))).toEqual(['ln_2']);
  });

  it('greedy decode of 20 tokens is identical to the reference', async () => {
    const ours: number[] = [];
    let logits = await decoder.prefill(HELLO_IDS);
    for (let n = 0; n < 20; n++) {
      const id = argmax(logits);
      ours.push(id);
      logits = await decoder.step(id);
    }
    const ids = [...HELLO_IDS];
    const theirs: number[] = [];
    for (let n = 0; n < 20; n++) {
      const id = argmax(referenceForward(config, weights, ids, { lastOnly: true }).logits);
      theirs.push(id);
      ids.push(id);
    }
    expect(ours).toEqual(theirs);
  });

  it('refuses more tokens than the window with a ContextLengthError', async () => {
    await expect(decoder.prefill(new Array(config.blockSize + 1).fill(0))).rejects.toBeInstanceOf(ContextLengthError);
    await expect(decoder.analyze(new Array(config.blockSize + 1).fill(0), ['attn'])).rejects.toBeInstanceOf(ContextLengthError);
  });
});

describe('the int8 decoder graph (DynamicQuantizeMatMul) vs fp32', () => {
  it('stays close to the reference and picks the same tokens, teacher-forced over 40 positions', async () => {
    const int8 = await Decoder.load(encodeModel(buildDecoderGraph(config, weights, { precision: 'int8' })), config);
    const ids = [...HELLO_IDS, ...HELLO_IDS, ...HELLO_IDS, ...HELLO_IDS, 262, 3290, 13, 198];
    const ref = referenceForward(config, weights, ids, {}); // logits of every position
    let worst = 0;
    let agree = 0;
    let logits = await int8.prefill(ids.slice(0, 1));
    for (let t = 0; t < ids.length; t++) {
      const want = ref.logits.subarray(t * V, (t + 1) * V);
      worst = Math.max(worst, maxAbsDiff(logits, want));
      if (argmax(logits) === argmax(want)) agree++;
      if (t + 1 < ids.length) logits = await int8.step(ids[t + 1]);
    }
    // measured on the demo model: 0.0089 and 40/40; fp32 is within 1e-4
    expect(worst).toBeGreaterThan(1e-4); // it really is the int8 graph
    expect(worst).toBeLessThanOrEqual(0.05);
    expect(agree).toBeGreaterThanOrEqual(38);
    await int8.release();
  });
});

describe('the q4 decoder graph (MatMulNBits)', () => {
  it('matches the reference forward of the same 4-bit weights, expanded', async () => {
    const { expandCompact, serializeCompact } = await import('@/lib/model/compact');
    // the compact file's 4-bit blocks (same fp16-rounded scales), with wte and wpe in fp32 as the q4 graph keeps them
    const expanded = { ...expandCompact(serializeCompact(config, weights)).weights, wte: weights.wte, wpe: weights.wpe };
    const q4 = await Decoder.load(encodeModel(buildDecoderGraph(config, weights, { precision: 'q4' })), config);
    const ref = referenceForward(config, expanded, HELLO_IDS, { lastOnly: true });
    expect(maxAbsDiff(ref.logits, referenceForward(config, weights, HELLO_IDS, { lastOnly: true }).logits)).toBeGreaterThan(1e-3); // 4-bit is not fp32
    expect(maxAbsDiff(await q4.prefill(HELLO_IDS), ref.logits)).toBeLessThanOrEqual(1e-4);
    await q4.release();
  });
});
