import { beforeAll, describe, expect, it } from 'vitest';
import { expandCompact, serializeCompact } from './compact';
import { sessionSource } from './session-source';
import { createSession } from './ort';
import { demoCheckpoint, HELLO_IDS, maxAbsDiff } from '@/test/fixtures/demo-model';
import { Decoder } from './decoder';
import { lensLogits, lensTopN, lensWeightsFromCompact, logitLens, rowOf, type LensWeights } from './logit-lens';
import { openCompact } from './compact';
import { LensUnavailableError } from './errors';
import type { Precision } from '@/lib/model/graph/precision';
import { referenceForward } from './reference';
import { buildOptimumGraph } from './export/optimum-graph';
import { encodeModel } from './graph/graph-builder';
import { argmax, softmax } from './sampling';

const { config, weights } = demoCheckpoint();
const compactBytes = serializeCompact(config, weights);
const expanded = expandCompact(compactBytes).weights;
const C = config.nEmbd;
const T = HELLO_IDS.length;
let lens: LensWeights;
let decoder: Decoder;

/** The worker's session for the compact weights in `precision`. */
async function compactDecoder(precision: Precision = 'fp32'): Promise<Decoder> {
  const src = sessionSource('compact', compactBytes, precision);
  return new Decoder(await createSession(src.onnx, { externalData: src.externalData }), config);
}

beforeAll(async () => {
  lens = lensWeightsFromCompact(openCompact(compactBytes).file, config);
  decoder = await compactDecoder();
});

describe('logit lens', () => {
  it('at the last layer equals the reference forward’s next-token logits (1e-4)', () => {
    const ref = referenceForward(config, expanded, HELLO_IDS, { lastOnly: true, collect: true });
    const resid = ref.resid!;
    expect(resid).toHaveLength(config.nLayer + 1);
    const [last] = lensLogits([resid[config.nLayer].subarray((T - 1) * C, T * C)], lens);
    expect(maxAbsDiff(last, ref.logits)).toBeLessThanOrEqual(1e-4);
  });

  it('every layer equals ln_f + h·wteᵀ computed from the expanded fp32 weights', () => {
    const ref = referenceForward(config, expanded, HELLO_IDS, { collect: true });
    const rows = ref.resid!.map((r) => r.subarray((T - 1) * C, T * C));
    const got = lensLogits(rows, lens);
    rows.forEach((row, i) => {
      // the reference's own head on a 1-token "stream": ln_f then h·wteᵀ in float64
      let mean = 0;
      for (const x of row) mean += x / C;
      let v = 0;
      for (const x of row) v += (x - mean) ** 2 / C;
      const h = Array.from(
        row,
        (x, c) => ((x - mean) / Math.sqrt(v + config.layerNormEpsilon)) * expanded.ln_f.weight[c] + expanded.ln_f.bias[c],
      );
      const want = new Float32Array(config.vocabSize);
      for (let t = 0; t < config.vocabSize; t++) {
        let s = 0;
        for (let c = 0; c < C; c++) s += h[c] * expanded.wte[t * C + c];
        want[t] = s;
      }
      expect(maxAbsDiff(got[i], want)).toBeLessThanOrEqual(1e-5);
    });
  });

  it('on the session’s own resid.i: the last layer is the session’s logits, and top-N are sorted probabilities', async () => {
    const { resid, logits } = await decoder.analyze(HELLO_IDS, ['resid', 'logits']);
    const rows = resid!.map((t) => rowOf(t.data as Float32Array, T - 1, C));
    const layers = logitLens(rows, lens, 5);
    expect(layers.map((l) => l.layer)).toEqual([0, 1, 2]);
    const sessionLogits = logits!.data as Float32Array;
    const [last] = lensLogits([rows[config.nLayer]], lens);
    expect(maxAbsDiff(last, sessionLogits)).toBeLessThanOrEqual(1e-4);
    const top = layers[config.nLayer];
    expect(top.ids[0]).toBe(argmax(sessionLogits));
    const p = softmax(sessionLogits);
    top.ids.forEach((id, k) => expect(top.probs[k]).toBeCloseTo(p[id], 6));
    for (const l of layers) {
      expect(l.ids).toHaveLength(5);
      for (let k = 1; k < 5; k++) expect(l.probs[k]).toBeLessThanOrEqual(l.probs[k - 1]);
    }
  });

  it('many rows at once (the four-at-a-time path and the rest) equal one row at a time, exactly', () => {
    const ref = referenceForward(config, expanded, HELLO_IDS, { collect: true });
    const rows = [...ref.resid!, ...ref.resid!, ref.resid![0]].map((r, i) => r.subarray((i % T) * C, ((i % T) + 1) * C)); // 7 rows
    const together = lensLogits(rows, lens);
    rows.forEach((row, i) => expect(together[i]).toEqual(lensLogits([row], lens)[0]));
  });

  it('layer 0 of a one-token prompt is ln_f of its embedding', () => {
    const ref = referenceForward(config, expanded, [50256], { collect: true });
    const [l0] = logitLens([ref.resid![0]], lens, 3);
    expect(l0.ids).toHaveLength(3);
    expect(l0.probs[0]).toBeGreaterThan(0);
  });
});

describe('the graph’s logit lens (lens_logits)', () => {
  const lensOf = async (precision: Precision) => {
    const d = await compactDecoder(precision);
    const { resid, logits } = await d.analyze(HELLO_IDS, ['resid', 'logits']);
    const rows = resid!.map((t) => rowOf(t.data as Float32Array, T - 1, C));
    const graph = await d.lens(HELLO_IDS);
    await d.release();
    return { graph, js: lensLogits(rows, lens), logits: logits!.data as Float32Array };
  };

  it('fp32 compute: every layer equals the plain TypeScript lens on the session’s own resid.i (1e-4)', async () => {
    const { graph, js, logits } = await lensOf('fp32');
    expect(graph).toHaveLength(config.nLayer + 1);
    graph.forEach((g, i) => expect(maxAbsDiff(g, js[i])).toBeLessThanOrEqual(1e-4));
    expect(maxAbsDiff(graph[config.nLayer], logits)).toBeLessThanOrEqual(1e-5);
  });

  it('int8 compute: every layer within 8-bit rounding of the plain lens, the last of the session’s logits', async () => {
    // DynamicQuantizeMatMul picks one activation scale per call: for all lens rows together, for
    // one row while generating, so the last layer matches the logits up to that rounding
    const { graph, js, logits } = await lensOf('int8');
    const scale = Math.max(...js.map((l) => Math.max(...l.map(Math.abs))));
    graph.forEach((g, i) => expect(maxAbsDiff(g, js[i])).toBeLessThanOrEqual(0.02 * scale));
    expect(maxAbsDiff(graph[config.nLayer], logits)).toBeLessThanOrEqual(0.02 * scale);
    expect(maxAbsDiff(graph[config.nLayer], logits)).toBeGreaterThan(0); // it is the int8 path
    expect(lensTopN(graph, 3).map((l) => l.ids[0])).toEqual(lensTopN(js, 3).map((l) => l.ids[0]));
    expect(lensTopN(graph, 1)[config.nLayer].ids[0]).toBe(argmax(logits));
  });

  it('comes with other intermediates from one forward pass, the same numbers as on its own', async () => {
    const both = await decoder.analyze(HELLO_IDS, ['resid', 'lens']);
    expect(both.resid).toHaveLength(config.nLayer + 1);
    const alone = await decoder.lens(HELLO_IDS);
    both.lens!.forEach((l, i) => expect(maxAbsDiff(l, alone[i])).toBe(0));
  });

  it('leaves the cache alone: a session that ran the lens steps exactly like one that did not', async () => {
    const untouched = await compactDecoder();
    const want = await untouched.prefill(HELLO_IDS);
    const got = await decoder.prefill(HELLO_IDS);
    expect(maxAbsDiff(got, want)).toBe(0);
    await decoder.lens([1, 2, 3]);
    expect(decoder.length).toBe(T);
    expect(maxAbsDiff(await decoder.step(7), await untouched.step(7))).toBe(0);
    await untouched.release();
  });

  it('a graph without the lens input (a decoder.onnx exported before it existed) says so', async () => {
    const old = new Decoder(await createSession(encodeModel(buildOptimumGraph(config, expanded))), config);
    expect(old.hasLens).toBe(false);
    await expect(old.lens(HELLO_IDS)).rejects.toBeInstanceOf(LensUnavailableError);
    await old.release();
  });
});
