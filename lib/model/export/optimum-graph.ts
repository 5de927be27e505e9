// onnx/model.onnx: the Hugging Face Optimum layout, for transformers.js and other tools.
//
//   inputs   input_ids [batch_size, sequence_length] int64
//            attention_mask [batch_size, past_sequence_length + sequence_length] int64 (0 = padding)
//            position_ids [batch_size, sequence_length] int64
//            past_key_values.{i}.key|value [batch_size, nh, past_sequence_length, hs] float32
//   outputs  logits [batch_size, sequence_length, V]
//            present.{i}.key|value [batch_size, nh, past_sequence_length + sequence_length, hs]

import { headSize, type GPT2Config } from '../config';
import type { GPT2Weights } from '../checkpoint';
import { attr, DType, GraphBuilder, type ModelProto } from '@/lib/model/graph/graph-builder';
import { addWeights, layerNorm, linear, MASK_VALUE, mlp } from '@/lib/model/graph/layers';

export function buildOptimumGraph(cfg: GPT2Config, w: GPT2Weights): ModelProto {
  const { nLayer, nHead: nh, nEmbd: C, vocabSize: V } = cfg;
  const hs = headSize(cfg);
  const eps = cfg.layerNormEpsilon;
  const b = new GraphBuilder();
  const B = 'batch_size';
  const S = 'sequence_length';
  const P = 'past_sequence_length';
  const L = 'past_sequence_length + sequence_length';

  b.input('input_ids', DType.INT64, [B, S]);
  b.input('attention_mask', DType.INT64, [B, L]);
  b.input('position_ids', DType.INT64, [B, S]);
  for (let i = 0; i < nLayer; i++) {
    b.input(`past_key_values.${i}.key`, DType.FLOAT, [B, nh, P, hs]);
    b.input(`past_key_values.${i}.value`, DType.FLOAT, [B, nh, P, hs]);
  }
  b.output('logits', DType.FLOAT, [B, S, V]);
  for (let i = 0; i < nLayer; i++) {
    b.output(`present.${i}.key`, DType.FLOAT, [B, nh, L, hs]);
    b.output(`present.${i}.value`, DType.FLOAT, [B, nh, L, hs]);
  }
  addWeights(b, cfg, w);

  // 1. embeddings. x: [B, S, C]
  b.scope = 'embed';
  const tok = b.op1('Gather', ['wte.weight', 'input_ids'], { attrs: [attr.int('axis', 0)] });
  const pos = b.op1('Gather', ['wpe.weight', 'position_ids'], { attrs: [attr.int('axis', 0)] });
  let x = b.op1('Add', [tok, pos]);

  // 2. mask: causal (query s sits at P+s) OR padding (attention_mask == 0). masked: [B, 1, S, L] bool
  b.scope = 'mask';
  const sLen = b.op1('Shape', ['input_ids'], { attrs: [attr.int('start', 1), attr.int('end', 2)] }); // [1] = S
  const pLen = b.op1('Shape', ['past_key_values.0.key'], { attrs: [attr.int('start', 2), attr.int('end', 3)] }); // [1] = P
  const lLen = b.op1('Squeeze', [b.op1('Add', [pLen, sLen])]); // P + S
  const one = b.constInt64([1], []);
  const qPos = b.op1('Range', [b.op1('Squeeze', [pLen]), lLen, one]); // [S]
  const kPos = b.op1('Range', [b.constInt64([0], []), lLen, one]); // [L]
  const future = b.op1('Less', [b.op1('Unsqueeze', [qPos, b.constInt64([1])]), kPos]); // [S, L]
  const padding = b.op1('Equal', ['attention_mask', b.constInt64([0], [])]); // [B, L]
  const masked = b.op1('Or', [future, b.op1('Unsqueeze', [padding, b.constInt64([1, 2])])]); // [B, 1, S, L]
  const maskValue = b.constFloat([MASK_VALUE]);
  const headsShape = b.constInt64([0, 0, nh, hs]); // 0 = keep B and S
  const toHeads = (t: string) => b.op1('Transpose', [b.op1('Reshape', [t, headsShape])], { attrs: [attr.ints('perm', [0, 2, 1, 3])] }); // [B, nh, S, hs]

  // 3. the blocks
  for (let i = 0; i < nLayer; i++) {
    b.scope = `h.${i}`;
    const h1 = layerNorm(b, x, `h.${i}.ln_1`, eps);
    const [q, k, v] = b.op('Split', [linear(b, h1, `h.${i}.attn.c_attn`), b.constInt64([C, C, C])], {
      attrs: [attr.int('axis', -1)],
      nOutputs: 3,
    }); // [B, S, C] ×3
    const K = b.op1('Concat', [`past_key_values.${i}.key`, toHeads(k)], { attrs: [attr.int('axis', 2)], outputs: [`present.${i}.key`] }); // [B, nh, L, hs]
    const Vv = b.op1('Concat', [`past_key_values.${i}.value`, toHeads(v)], {
      attrs: [attr.int('axis', 2)],
      outputs: [`present.${i}.value`],
    });
    const qh = toHeads(b.op1('Mul', [q, b.constFloat([1 / Math.sqrt(hs)])])); // [B, nh, S, hs]
    const kT = b.op1('Transpose', [K], { attrs: [attr.ints('perm', [0, 1, 3, 2])] }); // [B, nh, hs, L]
    const scores = b.op1('Where', [masked, maskValue, b.op1('MatMul', [qh, kT])]); // [B, nh, S, L]
    const att = b.op1('Softmax', [scores], { attrs: [attr.int('axis', -1)] });
    const yh = b.op1('MatMul', [att, Vv]); // [B, nh, S, hs]
    const y = b.op1('Reshape', [b.op1('Transpose', [yh], { attrs: [attr.ints('perm', [0, 2, 1, 3])] }), b.constInt64([0, 0, C])]); // [B, S, C]
    const mid = b.op1('Add', [x, linear(b, y, `h.${i}.attn.c_proj`)]);
    x = b.op1('Add', [mid, mlp(b, layerNorm(b, mid, `h.${i}.ln_2`, eps), `h.${i}.mlp`, C)]);
  }

  // 4. ln_f → logits = h·wteᵀ for every position. The Transpose of the initializer is folded at load.
  b.scope = 'head';
  const wteT = b.op1('Transpose', ['wte.weight'], { attrs: [attr.ints('perm', [1, 0])] }); // [C, V]
  b.op1('MatMul', [layerNorm(b, x, 'ln_f', eps), wteT], { outputs: ['logits'] }); // [B, S, V]

  return b.build({
    graphName: 'gpt2_optimum',
    docString: 'GPT-2 with past key values, Hugging Face Optimum input/output names.',
    metadata: { 'gpt2-pamphlet.graph': 'optimum' },
  });
}
