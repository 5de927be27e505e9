// Graph pieces shared by the exported graphs: weights as initializers under their HF names,
// LayerNorm, linear (Conv1D layout), GELU (tanh form) and the MLP. They work on any leading dims.

import type { GPT2Config } from '../config';
import type { GPT2Weights } from '../checkpoint';
import { attr, type GraphBuilder } from './graph-builder';

/** Adds every weight as an initializer named like the HF checkpoint ('h.0.attn.c_attn.weight'). */
export function addWeights(b: GraphBuilder, cfg: GPT2Config, w: GPT2Weights): void {
  const C = cfg.nEmbd;
  b.initializer('wte.weight', w.wte, [cfg.vocabSize, C]);
  b.initializer('wpe.weight', w.wpe, [cfg.blockSize, C]);
  w.h.forEach((blk, i) => {
    const p = `h.${i}.`;
    b.initializer(p + 'ln_1.weight', blk.ln_1.weight, [C]);
    b.initializer(p + 'ln_1.bias', blk.ln_1.bias, [C]);
    b.initializer(p + 'attn.c_attn.weight', blk.attn.c_attn.weight, [C, 3 * C]);
    b.initializer(p + 'attn.c_attn.bias', blk.attn.c_attn.bias, [3 * C]);
    b.initializer(p + 'attn.c_proj.weight', blk.attn.c_proj.weight, [C, C]);
    b.initializer(p + 'attn.c_proj.bias', blk.attn.c_proj.bias, [C]);
    b.initializer(p + 'ln_2.weight', blk.ln_2.weight, [C]);
    b.initializer(p + 'ln_2.bias', blk.ln_2.bias, [C]);
    b.initializer(p + 'mlp.c_fc.weight', blk.mlp.c_fc.weight, [C, 4 * C]);
    b.initializer(p + 'mlp.c_fc.bias', blk.mlp.c_fc.bias, [4 * C]);
    b.initializer(p + 'mlp.c_proj.weight', blk.mlp.c_proj.weight, [4 * C, C]);
    b.initializer(p + 'mlp.c_proj.bias', blk.mlp.c_proj.bias, [C]);
  });
  b.initializer('ln_f.weight', w.ln_f.weight, [C]);
  b.initializer('ln_f.bias', w.ln_f.bias, [C]);
}

/** LayerNormalization (opset 17) over the last axis with the '<prefix>.weight/.bias' initializers. */
export function layerNorm(b: GraphBuilder, x: string, prefix: string, eps: number, output?: string): string {
  return b.op1('LayerNormalization', [x, prefix + '.weight', prefix + '.bias'], {
    attrs: [attr.int('axis', -1), attr.float('epsilon', eps)],
    outputs: output ? [output] : undefined,
  });
}

/** x·W + b with W stored [in, out] (HF Conv1D). */
export function linear(b: GraphBuilder, x: string, prefix: string, output?: string): string {
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
export function mlp(b: GraphBuilder, x: string, prefix: string): string {
  return linear(b, geluTanh(b, linear(b, x, prefix + '.c_fc')), prefix + '.c_proj');
}

/** Float32 lowest: masked scores. Unlike −∞ it keeps a fully masked row finite (uniform, not NaN). */
export const MASK_VALUE = -3.4028234663852886e38;
