// onnx/model.onnx (Optimum layout) run by onnxruntime-web against the reference.

import { beforeAll, describe, expect, it } from 'vitest';
import { demoCheckpoint, HELLO_IDS, maxAbsDiff } from '@/test/fixtures/demo-model';
import { createSession, run, type Session, type Tensor } from '../ort';
import { referenceForward } from '../reference';
import { encodeModel } from '@/lib/model/graph/graph-builder';
import { buildOptimumGraph } from './optimum-graph';

const { config, weights } = demoCheckpoint();
const { nLayer, nHead: nh, nEmbd: C, vocabSize: V } = config;
const hs = C / nh;
let session: Session;

beforeAll(async () => {
  session = await createSession(encodeModel(buildOptimumGraph(config, weights)));
});

const i64 = (xs: number[]) => BigInt64Array.from(xs, (x) => BigInt(x));

/** Feeds for a batch of rows (already padded to one length), past: [B, nh, P, hs] per layer. */
function feeds(rows: number[][], mask: number[][], positions: number[][], past?: Record<string, Tensor>): Record<string, Tensor> {
  const B = rows.length;
  const S = rows[0].length;
  const f: Record<string, Tensor> = {
    input_ids: { dims: [B, S], data: i64(rows.flat()) },
    attention_mask: { dims: [B, mask[0].length], data: i64(mask.flat()) },
    position_ids: { dims: [B, S], data: i64(positions.flat()) },
  };
  for (let i = 0; i < nLayer; i++) {
    for (const kv of ['key', 'value']) {
      f[`past_key_values.${i}.${kv}`] = past?.[`present.${i}.${kv}`] ?? { dims: [B, nh, 0, hs], data: new Float32Array(0) };
    }
  }
  return f;
}

const outputs = ['logits', ...Array.from({ length: nLayer }, (_, i) => [`present.${i}.key`, `present.${i}.value`]).flat()];
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

/** [T, C] time-major → [nh, T, hs] head-major. */
function toHeads(x: Float64Array, T: number): Float64Array {
  const out = new Float64Array(T * C);
  for (let t = 0; t < T; t++) for (let h = 0; h < nh; h++) for (let d = 0; d < hs; d++) out[(h * T + t) * hs + d] = x[t * C + h * hs + d];
  return out;
}

describe('onnx/model.onnx (Optimum layout)', () => {
  it('declares the Optimum names and symbolic dims', () => {
    expect(session.inputNames.slice(0, 4)).toEqual(['input_ids', 'attention_mask', 'position_ids', 'past_key_values.0.key']);
    expect(session.outputNames).toEqual(outputs);
  });

  it('gives logits for every position and present.* equal to the reference K/V', async () => {
    const T = HELLO_IDS.length;
    const out = await run(session, feeds([HELLO_IDS], [HELLO_IDS.map(() => 1)], [range(0, T)]), outputs);
    const ref = referenceForward(config, weights, HELLO_IDS, { collect: true });
    expect(out.logits.dims).toEqual([1, T, V]);
    expect(maxAbsDiff(out.logits.data as Float32Array, ref.logits)).toBeLessThanOrEqual(1e-4);
    for (let i = 0; i < nLayer; i++) {
      expect(out[`present.${i}.key`].dims).toEqual([1, nh, T, hs]);
      expect(maxAbsDiff(out[`present.${i}.key`].data as Float32Array, toHeads(ref.key![i], T))).toBeLessThanOrEqual(1e-5);
      expect(maxAbsDiff(out[`present.${i}.value`].data as Float32Array, toHeads(ref.value![i], T))).toBeLessThanOrEqual(1e-5);
    }
  });

  it('continues from past_key_values', async () => {
    const T = HELLO_IDS.length;
    const first = await run(session, feeds([HELLO_IDS.slice(0, 5)], [[1, 1, 1, 1, 1]], [range(0, 5)]), outputs);
    const rest = await run(session, feeds([HELLO_IDS.slice(5)], [HELLO_IDS.map(() => 1)], [range(5, T)], first), outputs);
    const ref = referenceForward(config, weights, HELLO_IDS);
    expect(rest.logits.dims).toEqual([1, T - 5, V]);
    expect(maxAbsDiff(rest.logits.data as Float32Array, ref.logits.subarray(5 * V))).toBeLessThanOrEqual(1e-4);
    expect(rest['present.1.value'].dims).toEqual([1, nh, T, hs]);
  });

  it('honours attention_mask: a left-padded row gives the same logits as alone', async () => {
    const a = HELLO_IDS; // 9 tokens
    const b = [464, 3290, 318, 257, 922, 13]; // 6 tokens, padded with 3 on the left
    const pad = 50256;
    const rows = [a, [pad, pad, pad, ...b]];
    const mask = [a.map(() => 1), [0, 0, 0, ...b.map(() => 1)]];
    const positions = [range(0, 9), [1, 1, 1, ...range(0, 6)]]; // HF: cumsum(mask) − 1, padding → 1
    const out = await run(session, feeds(rows, mask, positions), ['logits']);
    const logits = out.logits.data as Float32Array;
    const refA = referenceForward(config, weights, a).logits;
    const refB = referenceForward(config, weights, b).logits;
    expect(maxAbsDiff(logits.subarray(0, 9 * V), refA)).toBeLessThanOrEqual(1e-4);
    expect(maxAbsDiff(logits.subarray((9 + 3) * V, 18 * V), refB)).toBeLessThanOrEqual(1e-4);
    expect(logits.subarray(9 * V, 12 * V).every(Number.isFinite)).toBe(true); // fully masked rows stay finite
  });
});
