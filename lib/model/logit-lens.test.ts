import { beforeAll, describe, expect, it } from 'vitest';
import { expandCompact, serializeCompact } from './compact';
import { compactDecoderModel } from './compact-graph';
import { demoCheckpoint, HELLO_IDS, maxAbsDiff } from './demo-fixture';
import { Decoder } from './decoder';
import { lensLogits, logitLens, rowOf, type LensWeights } from './logit-lens';
import { referenceForward } from './reference';
import { argmax, softmax } from './sampling';

const { config, weights } = demoCheckpoint();
const compactBytes = serializeCompact(config, weights);
const expanded = expandCompact(compactBytes).weights;
const C = config.nEmbd;
const T = HELLO_IDS.length;
let lens: LensWeights;
let decoder: Decoder;

beforeAll(async () => {
  const m = compactDecoderModel(compactBytes);
  lens = m.lens;
  decoder = await Decoder.load(m.onnx, config);
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
      const h = Array.from(row, (x, c) => ((x - mean) / Math.sqrt(v + config.layerNormEpsilon)) * expanded.ln_f.weight[c] + expanded.ln_f.bias[c]);
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
    const rows = [...ref.resid!, ...ref.resid!, ref.resid![0]].map((r, i) => r.subarray((i % T) * C, (i % T + 1) * C)); // 7 rows
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
