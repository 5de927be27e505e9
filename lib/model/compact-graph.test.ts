import { describe, expect, it } from 'vitest';
import { expandCompact, openCompact, serializeCompact } from './compact';
import { compactDecoderModelExternal, EXTERNAL_WEIGHTS, int8FromCompact } from './compact-graph';
import { createSession } from './ort';
import { demoCheckpoint, HELLO_IDS, maxAbsDiff } from '@/test/fixtures/demo-model';
import { Decoder } from './decoder';
import { buildDecoderGraph, type DecoderGraphOptions } from '@/lib/model/graph/decoder-graph';
import { lmHeadBlocks } from '@/lib/model/graph/precision';
import { encodeModel } from '@/lib/model/graph/graph-builder';
import { referenceForward } from './reference';

const { config, weights } = demoCheckpoint();
const compactBytes = serializeCompact(config, weights);

/** The session of the worker's path: the graph over placeholder weights, the weights as external data. */
async function external(opts: DecoderGraphOptions = {}) {
  const ext = compactDecoderModelExternal(compactBytes, opts);
  return {
    ext,
    decoder: new Decoder(await createSession(ext.onnx, { externalData: [{ path: EXTERNAL_WEIGHTS, data: ext.weights }] }), config),
  };
}

/** The straightforward path: expand the compact weights, build and encode the graph with them inside. */
const encoded = (opts: DecoderGraphOptions = {}) => {
  const expanded = expandCompact(compactBytes);
  return Decoder.load(encodeModel(buildDecoderGraph(expanded.config, expanded.weights, opts)), config);
};

describe('compact.safetensors → decoder graph with external weights', () => {
  it('a small graph, and exactly the logits of encodeModel(buildDecoderGraph(expandCompact(file)))', async () => {
    const { ext, decoder: b } = await external();
    expect(ext.config).toEqual(config);
    expect(ext.onnx.byteLength).toBeLessThan(100_000);
    const a = await encoded();
    expect(maxAbsDiff(await a.prefill(HELLO_IDS), await b.prefill(HELLO_IDS))).toBe(0);
    expect(maxAbsDiff(await a.step(50256), await b.step(50256))).toBe(0);
    await Promise.all([a.release(), b.release()]);
  });

  it('matches the reference forward of the expanded weights', async () => {
    const { decoder: d } = await external();
    const ref = referenceForward(config, expandCompact(compactBytes).weights, HELLO_IDS, { lastOnly: true });
    expect(maxAbsDiff(await d.prefill(HELLO_IDS), ref.logits)).toBeLessThanOrEqual(1e-4);
    await d.release();
  });

  it('int8: exactly the logits of buildDecoderGraph over int8FromCompact, and weights of the expected size', async () => {
    const { file } = openCompact(compactBytes);
    const opts = { precision: 'int8' as const };
    const a = await encoded({ ...opts, int8: int8FromCompact(file, config) });
    const { ext, decoder: b } = await external(opts);
    // every matrix at 1 byte per weight plus fp32 scales; wte twice (rows for the lookup, columns for
    // the output projection); biases, LayerNorms and wpe stay fp32
    const fp32 = compactDecoderModelExternal(compactBytes);
    const { vocabSize: V, nEmbd: C, nLayer } = config;
    const linears = [
      [C, 3 * C],
      [C, C],
      [C, 4 * C],
      [4 * C, C],
    ];
    let saved = 4 * V * C - (2 * V * C + 2 * 4 * V);
    for (const [K, N] of linears) saved += nLayer * (4 * K * N - (K * N + 4 * N));
    expect(ext.weights.byteLength).toBe(fp32.weights.byteLength - saved);
    expect(maxAbsDiff(await a.prefill(HELLO_IDS), await b.prefill(HELLO_IDS))).toBe(0);
    // and close to the fp32 graph of the same compact weights
    const { decoder: f } = await external();
    const diff = maxAbsDiff(await f.prefill(HELLO_IDS), await b.prefill(HELLO_IDS));
    expect(diff).toBeGreaterThan(0);
    expect(diff).toBeLessThan(0.05);
    await Promise.all([a.release(), b.release(), f.release()]);
  });

  it('q4: MatMulNBits on the stored blocks (external data) computes what the fp32 expansion computes', async () => {
    const { file } = openCompact(compactBytes);
    const ext = compactDecoderModelExternal(compactBytes, { precision: 'q4' });
    const name = 'h.1.mlp.c_fc.weight.q4';
    // each matrix: half a byte per weight + an fp32 scale and half a byte of zero point per block of 32; wte stays fp32
    const { nEmbd: C, nLayer } = config;
    let saved = 0;
    for (const [K, N] of [
      [C, 3 * C],
      [C, C],
      [C, 4 * C],
      [4 * C, C],
    ])
      saved += nLayer * (4 * K * N - ((K * N) / 2 + 4 * N * (K / 32) + N * Math.ceil(K / 64)));
    expect(ext.weights.byteLength).toBe(compactDecoderModelExternal(compactBytes).weights.byteLength - saved);
    const q = new Decoder(await createSession(ext.onnx, { externalData: [{ path: EXTERNAL_WEIGHTS, data: ext.weights }] }), config);
    const f = await encoded();
    expect(maxAbsDiff(await q.prefill(HELLO_IDS), await f.prefill(HELLO_IDS))).toBeLessThanOrEqual(1e-5);
    expect(maxAbsDiff(await q.step(50256), await f.step(50256))).toBeLessThanOrEqual(1e-5);
    expect(file.tensors.get(name)!.bytes.byteLength).toBe(4 * config.nEmbd * (config.nEmbd / 32) * 16);
    await Promise.all([q.release(), f.release()]);
  });

  it('int8 wte is exactly the compact int8 embedding; the output-projection blocks are its rows as columns', () => {
    const { file } = openCompact(compactBytes);
    const source = int8FromCompact(file, config);
    const { wte } = expandCompact(compactBytes).weights;
    const C = config.nEmbd;
    const rows = source('wte.weight', config.vocabSize, C);
    const blocks = lmHeadBlocks(config.vocabSize);
    expect(blocks).toHaveLength(17); // ⌈50257 / 3072⌉
    expect(blocks.at(-1)!.hi).toBe(config.vocabSize);
    for (const v of [0, 1, 50256]) {
      const block = blocks.find((b) => b.lo <= v && v < b.hi)!;
      const m = source(block.name, C, block.hi - block.lo);
      for (const c of [0, 5, C - 1]) {
        expect(rows.q[v * C + c] * rows.scale[v]).toBe(wte[v * C + c]);
        expect(m.q[c * (block.hi - block.lo) + (v - block.lo)]).toBe(rows.q[v * C + c]);
      }
      expect(m.scale[v - block.lo]).toBe(rows.scale[v]);
    }
  });

  it('rejects a file that is not compact', () => {
    expect(() => compactDecoderModelExternal(new Uint8Array(16))).toThrow(/compact|safetensors/i);
  });
});
