// Graph pieces shared by the exported graphs: weights as initializers under their HF names,
// LayerNorm, linear (Conv1D layout), GELU (tanh form) and the MLP. They work on any leading dims.
//
// Three precisions for the matrices (see precision.ts for where their numbers come from; everything
// else is fp32 in all three):
//   fp32  MatMul + Add on the weights as they are
//   int8  com.microsoft.DynamicQuantizeMatMul on int8 weights with one scale per output column
//         ('<name>' int8 [K, N] and '<name>_scale' [N]). The tied wte is int8 with one scale per
//         token: 'wte.weight_q' [V, C] + 'wte.weight_scale' [V] for the embedding lookup, and the
//         same numbers transposed for the output projection, cut into 'lm_head.{i}' [C, ≤ 3072]
//         column blocks, which onnxruntime's int8 kernel runs faster than one [C, 50257] matrix
//         (figures: docs/performance.md).
//   q4    com.microsoft.MatMulNBits on the 4-bit blocks exactly as compact.safetensors stores them
//         ('<name>.q4', '.scales' (fp32), '.zero_points'): for WebGPU, which has 4-bit kernels
//         (onnxruntime's WASM backend dequantizes the whole matrix on every call instead). wte
//         stays fp32.

import type { GPT2Config } from '@/lib/model/config';
import type { GPT2Weights } from '@/lib/model/checkpoint';
import { Q4_BLOCK } from '@/lib/model/compact';
import { attr, type GraphBuilder } from './graph-builder';
import { lmHeadBlocks, type Int8Source, type Precision, type Q4Source } from './precision';

/**
 * Adds every weight as an initializer named like the HF checkpoint ('h.0.attn.c_attn.weight'); the
 * matrices in int8 or 4-bit when a source for those is given.
 */
export function addWeights(b: GraphBuilder, cfg: GPT2Config, w: GPT2Weights, int8?: Int8Source, q4?: Q4Source): void {
  const C = cfg.nEmbd;
  const matrix = (name: string, data: Float32Array, K: number, N: number) => {
    if (q4) {
      const m = q4(name, K, N);
      const nb = Math.ceil(K / Q4_BLOCK);
      b.initializer(name + '.q4', m.q, [N, nb, Q4_BLOCK / 2]);
      b.initializer(name + '.scales', m.scales, [N * nb]);
      b.initializer(name + '.zero_points', m.zeroPoints, [N * Math.ceil(nb / 2)]);
      return;
    }
    if (!int8) return b.initializer(name, data, [K, N]);
    const m = int8(name, K, N);
    b.initializer(name, m.q, [K, N]);
    b.initializer(name + '_scale', m.scale, [N]);
  };
  if (int8) {
    const m = int8('wte.weight', cfg.vocabSize, C);
    b.initializer('wte.weight_q', m.q, [cfg.vocabSize, C]);
    b.initializer('wte.weight_scale', m.scale, [cfg.vocabSize]);
    for (const { name, lo, hi } of lmHeadBlocks(cfg.vocabSize)) {
      const block = int8(name, C, hi - lo);
      b.initializer(name, block.q, [C, hi - lo]);
      b.initializer(name + '_scale', block.scale, [hi - lo]);
    }
  } else {
    b.initializer('wte.weight', w.wte, [cfg.vocabSize, C]);
  }
  b.initializer('wpe.weight', w.wpe, [cfg.blockSize, C]);
  w.h.forEach((blk, i) => {
    const p = `h.${i}.`;
    b.initializer(p + 'ln_1.weight', blk.ln_1.weight, [C]);
    b.initializer(p + 'ln_1.bias', blk.ln_1.bias, [C]);
    matrix(p + 'attn.c_attn.weight', blk.attn.c_attn.weight, C, 3 * C);
    b.initializer(p + 'attn.c_attn.bias', blk.attn.c_attn.bias, [3 * C]);
    matrix(p + 'attn.c_proj.weight', blk.attn.c_proj.weight, C, C);
    b.initializer(p + 'attn.c_proj.bias', blk.attn.c_proj.bias, [C]);
    b.initializer(p + 'ln_2.weight', blk.ln_2.weight, [C]);
    b.initializer(p + 'ln_2.bias', blk.ln_2.bias, [C]);
    matrix(p + 'mlp.c_fc.weight', blk.mlp.c_fc.weight, C, 4 * C);
    b.initializer(p + 'mlp.c_fc.bias', blk.mlp.c_fc.bias, [4 * C]);
    matrix(p + 'mlp.c_proj.weight', blk.mlp.c_proj.weight, 4 * C, C);
    b.initializer(p + 'mlp.c_proj.bias', blk.mlp.c_proj.bias, [C]);
  });
  b.initializer('ln_f.weight', w.ln_f.weight, [C]);
  b.initializer('ln_f.bias', w.ln_f.bias, [C]);
}

/** Token embeddings of `ids` [T] → [T, C], from wte (fp32) or from its int8 rows. */
export function embedTokens(b: GraphBuilder, ids: string, precision: Precision): string {
  if (precision !== 'int8') return b.op1('Gather', ['wte.weight', ids], { attrs: [attr.int('axis', 0)] });
  // DequantizeLinear with one scale per gathered row, not Cast then Mul: the same numbers, but
  // Cast + Mul made a 2-thread WASM decode step about twice as slow (docs/performance.md).
  const q = b.op1('Gather', ['wte.weight_q', ids], { attrs: [attr.int('axis', 0)] }); // [T, C] int8
  const scale = b.op1('Gather', ['wte.weight_scale', ids], { attrs: [attr.int('axis', 0)] }); // [T]
  return b.op1('DequantizeLinear', [q, scale], { attrs: [attr.int('axis', 0)] }); // [T, C]
}

/** Logits h·wteᵀ of h [N, C] → [N, V] (the tied output projection). */
export function tiedLogits(b: GraphBuilder, h: string, precision: Precision, vocabSize: number): string {
  if (precision !== 'int8') return b.op1('Gemm', [h, 'wte.weight'], { attrs: [attr.int('transB', 1)] });
  const parts = lmHeadBlocks(vocabSize).map(({ name }) =>
    b.op1('DynamicQuantizeMatMul', [h, name, name + '_scale'], { domain: 'com.microsoft' }),
  );
  return b.op1('Concat', parts, { attrs: [attr.int('axis', -1)] });
}

/** LayerNormalization (opset 17) over the last axis with the '<prefix>.weight/.bias' initializers. */
export function layerNorm(b: GraphBuilder, x: string, prefix: string, eps: number, output?: string): string {
  return b.op1('LayerNormalization', [x, prefix + '.weight', prefix + '.bias'], {
    attrs: [attr.int('axis', -1), attr.float('epsilon', eps)],
    outputs: output ? [output] : undefined,
  });
}

/** x·W + b with W stored [in, out] (HF Conv1D); int8: W's int8 columns, x quantized per call; q4: W's 4-bit blocks. */
export function linear(
  b: GraphBuilder,
  x: string,
  prefix: string,
  output?: string,
  precision: Precision = 'fp32',
  shape?: [number, number],
): string {
  if (precision === 'q4') {
    if (!shape) throw new RangeError(`linear ${prefix}: a 4-bit matrix needs its [K, N]`);
    const w = prefix + '.weight';
    const xw = b.op1('MatMulNBits', [x, w + '.q4', w + '.scales', w + '.zero_points'], {
      domain: 'com.microsoft',
      attrs: [attr.int('K', shape[0]), attr.int('N', shape[1]), attr.int('bits', 4), attr.int('block_size', Q4_BLOCK)],
    });
    return b.op1('Add', [xw, prefix + '.bias'], { outputs: output ? [output] : undefined });
  }
  if (precision === 'int8') {
    const w = prefix + '.weight';
    return b.op1('DynamicQuantizeMatMul', [x, w, w + '_scale', '', prefix + '.bias'], {
      domain: 'com.microsoft',
      outputs: output ? [output] : undefined,
    });
  }
  const xw = b.op1('MatMul', [x, prefix + '.weight']);
  return b.op1('Add', [xw, prefix + '.bias'], { outputs: output ? [output] : undefined });
}

/**
 * GELU, tanh approximation: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), written the way PyTorch
 * exports HF's NewGELUActivation so onnxruntime may fuse it (FastGelu) on its own.
 */
export function geluTanh(b: GraphBuilder, x: string): string {
  const x3 = b.op1('Pow', [x, b.constFloat([3])]);
  const inner = b.op1('Add', [x, b.op1('Mul', [x3, b.constFloat([0.044715])])]);
  const t = b.op1('Tanh', [b.op1('Mul', [inner, b.constFloat([Math.sqrt(2 / Math.PI)])])]);
  const halfX = b.op1('Mul', [x, b.constFloat([0.5])]);
  return b.op1('Mul', [halfX, b.op1('Add', [t, b.constFloat([1])])]);
}

/** MLP: c_fc (C → 4C) → GELU → c_proj (4C → C). */
export function mlp(b: GraphBuilder, x: string, prefix: string, C: number, precision: Precision = 'fp32'): string {
  const hidden = geluTanh(b, linear(b, x, prefix + '.c_fc', undefined, precision, [C, 4 * C]));
  return linear(b, hidden, prefix + '.c_proj', undefined, precision, [4 * C, C]);
}

/** Float32 lowest: masked scores. Unlike −∞ it keeps a fully masked row finite (uniform, not NaN). */
export const MASK_VALUE = -3.4028234663852886e38;
