// decoder.onnx: the app's fast graph. Batch 1, 2-D tensors, the KV cache kept by the caller.
//
//   inputs   input_ids [T] int64, position_ids [T] int64,
//            past_key.{i}, past_value.{i} [P, C] float32 (time-major, heads side by side; P may be 0)
//   outputs  logits [V] for the LAST position only (ln_f and lm_head skip the other T−1 rows),
//            key.{i}, value.{i} [T, C] (only the new rows: the caller appends them to its cache),
//            and per-layer intermediates, fetched only on demand:
//            attn.{i} [nh, T, P+T], resid.{i} [T, C] (i = 0..nLayer; the last is before ln_f),
//            resid_mid.{i}, ln_1.{i}, ln_2.{i}, q.{i} [T, C],
//            lens_logits [R, V]: the logit lens, ln_f and the output projection applied to the last
//            position's resid.{i} for each i in the extra input lens_layers [R] int64. While
//            generating lens_layers is empty and the lens costs a few operators on empty tensors.
//
// Why this shape: onnxruntime-web copies every fetched output into a fresh JS array, so only the new
// K/V rows leave the graph, never the whole cache (figures: docs/performance.md).

import { headSize, type GPT2Config } from '@/lib/model/config';
import type { GPT2Weights } from '@/lib/model/checkpoint';
import { attr, DType, GraphBuilder, type ModelProto } from './graph-builder';
import { addWeights, embedTokens, layerNorm, linear, MASK_VALUE, mlp, tiedLogits } from './layers';
import { int8FromWeights, q4FromWeights, type Int8Source, type Precision, type Q4Source } from './precision';

/** Intermediates the analysis outputs expose, by output-name prefix. */
export const ANALYSIS_OUTPUTS = ['attn', 'resid', 'resid_mid', 'ln_1', 'ln_2', 'q'] as const;
export type AnalysisOutput = (typeof ANALYSIS_OUTPUTS)[number];

export interface DecoderGraphOptions {
  /** Matrices in fp32 (default), int8 (CPU: a third of the memory) or q4 (WebGPU); see layers.ts. */
  precision?: Precision;
  /** int8 only: where the int8 matrices come from (default: quantize `w`). */
  int8?: Int8Source;
  /** q4 only: where the 4-bit matrices come from (default: quantize `w` as compact.ts does). */
  q4?: Q4Source;
}

const INT64_MAX = (1n << 63n) - 1n;

export function buildDecoderGraph(cfg: GPT2Config, w: GPT2Weights, opts: DecoderGraphOptions = {}): ModelProto {
  const precision = opts.precision ?? 'fp32';
  const { nLayer, nHead: nh, nEmbd: C, vocabSize: V } = cfg;
  const hs = headSize(cfg);
  const eps = cfg.layerNormEpsilon;
  const b = new GraphBuilder();
  const named = (name: string, dims: (number | string)[]) => {
    b.output(name, DType.FLOAT, dims);
    return name;
  };
  const T = 'sequence_length';
  const L = 'total_sequence_length'; // P + T

  b.input('input_ids', DType.INT64, [T], 'token ids of the new positions');
  b.input('position_ids', DType.INT64, [T], 'absolute positions P..P+T−1');
  b.input('lens_layers', DType.INT64, ['lens_rows'], 'logit lens: which resid.i to read at the last position (empty: none)');
  for (let i = 0; i < nLayer; i++) {
    b.input(`past_key.${i}`, DType.FLOAT, ['past_sequence_length', C], 'cached keys, time-major, heads side by side');
    b.input(`past_value.${i}`, DType.FLOAT, ['past_sequence_length', C]);
  }
  addWeights(
    b,
    cfg,
    w,
    precision === 'int8' ? (opts.int8 ?? int8FromWeights(cfg, w)) : undefined,
    precision === 'q4' ? (opts.q4 ?? q4FromWeights(w)) : undefined,
  );

  // 1. embeddings. x: [T, C]
  b.scope = 'embed';
  const tok = embedTokens(b, 'input_ids', precision);
  const pos = b.op1('Gather', ['wpe.weight', 'position_ids'], { attrs: [attr.int('axis', 0)] });
  let x = b.op1('Add', [tok, pos], { outputs: [named('resid.0', [T, C])] });
  const resids = [x];

  // 2. causal mask from the shapes: query t sits at P+t and may see keys 0..P+t. future: [T, L] bool
  b.scope = 'mask';
  const tLen = b.op1('Shape', ['input_ids']); // [1] = T
  const pLen = b.op1('Shape', ['past_key.0'], { attrs: [attr.int('start', 0), attr.int('end', 1)] }); // [1] = P
  const lLen = b.op1('Add', [pLen, tLen]); // [1] = P + T
  const zero = b.constInt64([0], []);
  const one = b.constInt64([1], []);
  const qPos = b.op1('Range', [b.op1('Squeeze', [pLen]), b.op1('Squeeze', [lLen]), one]); // [T] = P..P+T−1
  const kPos = b.op1('Range', [zero, b.op1('Squeeze', [lLen]), one]); // [L] = 0..P+T−1
  const future = b.op1('Less', [b.op1('Unsqueeze', [qPos, b.constInt64([1])]), kPos]); // [T, L]
  const maskValue = b.constFloat([MASK_VALUE]);
  const headsShape = b.constInt64([-1, nh, hs]);

  // 3. the blocks
  for (let i = 0; i < nLayer; i++) {
    b.scope = `h.${i}`;
    const h1 = layerNorm(b, x, `h.${i}.ln_1`, eps, named(`ln_1.${i}`, [T, C])); // [T, C]
    const qkv = linear(b, h1, `h.${i}.attn.c_attn`, undefined, precision, [C, 3 * C]); // [T, 3C]
    const qName = named(`q.${i}`, [T, C]);
    const [q, k, v] = b.op('Split', [qkv, b.constInt64([C, C, C])], {
      attrs: [attr.int('axis', 1)],
      outputs: [qName, `key.${i}`, `value.${i}`],
    });
    b.output(k, DType.FLOAT, [T, C], 'new keys [T, C]: append to the cache');
    b.output(v, DType.FLOAT, [T, C], 'new values [T, C]: append to the cache');
    const K = b.op1('Concat', [`past_key.${i}`, k], { attrs: [attr.int('axis', 0)] }); // [L, C]
    const Vv = b.op1('Concat', [`past_value.${i}`, v], { attrs: [attr.int('axis', 0)] }); // [L, C]
    const qs = b.op1('Mul', [q, b.constFloat([1 / Math.sqrt(hs)])]); // q / √hs
    const qh = b.op1('Transpose', [b.op1('Reshape', [qs, headsShape])], { attrs: [attr.ints('perm', [1, 0, 2])] }); // [nh, T, hs]
    const kh = b.op1('Transpose', [b.op1('Reshape', [K, headsShape])], { attrs: [attr.ints('perm', [1, 2, 0])] }); // [nh, hs, L]
    const vh = b.op1('Transpose', [b.op1('Reshape', [Vv, headsShape])], { attrs: [attr.ints('perm', [1, 0, 2])] }); // [nh, L, hs]
    const scores = b.op1('Where', [future, maskValue, b.op1('MatMul', [qh, kh])]); // [nh, T, L]
    const att = b.op1('Softmax', [scores], {
      attrs: [attr.int('axis', -1)],
      outputs: [named(`attn.${i}`, [nh, T, L])],
    });
    const yh = b.op1('MatMul', [att, vh]); // [nh, T, hs]
    const y = b.op1('Reshape', [b.op1('Transpose', [yh], { attrs: [attr.ints('perm', [1, 0, 2])] }), b.constInt64([-1, C])]); // [T, C]
    const mid = b.op1('Add', [x, linear(b, y, `h.${i}.attn.c_proj`, undefined, precision, [C, C])], {
      outputs: [named(`resid_mid.${i}`, [T, C])],
    });
    const h2 = layerNorm(b, mid, `h.${i}.ln_2`, eps, named(`ln_2.${i}`, [T, C]));
    x = b.op1('Add', [mid, mlp(b, h2, `h.${i}.mlp`, C, precision)], { outputs: [named(`resid.${i + 1}`, [T, C])] });
    resids.push(x);
  }

  // 4. last position only → ln_f → logits = h·wteᵀ (the embedding's weights, tied)
  b.scope = 'head';
  const last = b.op1('Slice', [x, b.constInt64([-1]), b.constInt64([INT64_MAX]), b.constInt64([0])]); // [1, C]
  const hf = layerNorm(b, last, 'ln_f', eps); // [1, C]
  const logits2d = tiedLogits(b, hf, precision, V); // [1, V]
  b.op1('Reshape', [logits2d, b.constInt64([V])], { outputs: ['logits'] });
  b.output('logits', DType.FLOAT, [V], 'next-token logits after the last input position');

  // 5. the logit lens: the same head on the last position's resid.{i}, for the i asked for
  {
    b.scope = 'lens';
    const lastRows = resids.map((r) => b.op1('Slice', [r, b.constInt64([-1]), b.constInt64([INT64_MAX]), b.constInt64([0])])); // [1, C] each
    const rows = b.op1('Gather', [b.op1('Concat', lastRows, { attrs: [attr.int('axis', 0)] }), 'lens_layers'], {
      attrs: [attr.int('axis', 0)],
    }); // [R, C]
    const lens = tiedLogits(b, layerNorm(b, rows, 'ln_f', eps), precision, V); // [R, V]
    b.op1('Identity', [lens], { outputs: ['lens_logits'] });
    b.output(
      'lens_logits',
      DType.FLOAT,
      ['lens_rows', V],
      'logit lens: ln_f(resid.i)·wteᵀ at the last position, one row per lens_layers entry',
    );
  }

  return b.build({
    graphName: 'gpt2_decoder',
    docString: 'GPT-2 decoder, batch 1, time-major KV cache kept by the caller; logits of the last position.',
    metadata: { 'gpt2-pamphlet.graph': 'decoder', 'gpt2-pamphlet.precision': precision },
    extraOpsets: precision === 'fp32' ? undefined : [{ domain: 'com.microsoft', version: 1 }],
  });
}
