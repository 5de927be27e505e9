// The numbers behind the int8 and 4-bit matrices of the graphs (layers.ts): their layouts, and
// "sources" that give them by weight name, either quantized from fp32 weights (exporter, tests) or
// read from compact.safetensors (compact-graph.ts, in the worker).

import type { GPT2Config } from '@/lib/model/config';
import type { GPT2Weights } from '@/lib/model/checkpoint';
import { quantizeQ4 } from '@/lib/model/compact';
import { quantizeColumns, quantizeRows, rowsAsColumns, type Int8Matrix } from '@/lib/model/int8';
import { halfToFloat } from '@/lib/model/safetensors';

export type Precision = 'fp32' | 'int8' | 'q4';

/** A 4-bit matrix in MatMulNBits layout (see compact.ts): q [N, K/32, 16], scales [N·K/32], zero points packed. */
export interface Q4Matrix {
  q: Uint8Array;
  scales: Float32Array;
  zeroPoints: Uint8Array;
}

/** Where 4-bit matrices come from, by HF weight name and [K, N]. */
export type Q4Source = (name: string, K: number, N: number) => Q4Matrix;

/** 4-bit blocks of the fp32 weights, with the compact file's fp16-rounded scales. */
export function q4FromWeights(w: GPT2Weights): Q4Source {
  const byName = linearWeights(w);
  return (name, K, N) => {
    const data = byName.get(name);
    if (!data) throw new RangeError(`q4FromWeights: no matrix "${name}"`);
    const { q, scales, zeroPoints } = quantizeQ4(data, K, N);
    return { q, scales: Float32Array.from(scales, halfToFloat), zeroPoints };
  };
}

/** Every block's linear weight by HF name. */
function linearWeights(w: GPT2Weights): Map<string, Float32Array> {
  const byName = new Map<string, Float32Array>();
  w.h.forEach((blk, i) => {
    byName.set(`h.${i}.attn.c_attn.weight`, blk.attn.c_attn.weight);
    byName.set(`h.${i}.attn.c_proj.weight`, blk.attn.c_proj.weight);
    byName.set(`h.${i}.mlp.c_fc.weight`, blk.mlp.c_fc.weight);
    byName.set(`h.${i}.mlp.c_proj.weight`, blk.mlp.c_proj.weight);
  });
  return byName;
}

/**
 * Where int8 matrices come from: called with an HF weight name and the matrix's graph layout
 * [K, N] (per-column scales), or 'wte.weight' [V, C] (per-row scales), or an output-projection
 * block 'lm_head.{i}' [C, hi − lo] (rows lo..hi−1 of the int8 wte, transposed). The default
 * quantizes the fp32 weights.
 */
export type Int8Source = (name: string, K: number, N: number) => Int8Matrix;

/** The output projection's column blocks: ⌈V / 3072⌉ blocks of (nearly) equal width. */
export function lmHeadBlocks(vocabSize: number): { name: string; lo: number; hi: number }[] {
  const n = Math.ceil(vocabSize / 3072);
  const width = Math.ceil(vocabSize / n);
  return Array.from({ length: n }, (_, i) => ({ name: `lm_head.${i}`, lo: i * width, hi: Math.min(vocabSize, (i + 1) * width) }));
}

/** Serves the 'lm_head.{i}' blocks of a source from its per-row int8 wte (computed once). */
export function withLmHeadBlocks(cfg: GPT2Config, wteRows: () => Int8Matrix, rest: Int8Source): Int8Source {
  const blocks = new Map(lmHeadBlocks(cfg.vocabSize).map((b) => [b.name, b]));
  return (name, K, N) => {
    const block = blocks.get(name);
    return block ? rowsAsColumns(wteRows(), block.lo, block.hi, cfg.nEmbd) : rest(name, K, N);
  };
}

export function int8FromWeights(cfg: GPT2Config, w: GPT2Weights): Int8Source {
  const byName = linearWeights(w);
  let rows: Int8Matrix | null = null;
  const wteRows = () => (rows ??= quantizeRows(w.wte, cfg.vocabSize, cfg.nEmbd));
  return withLmHeadBlocks(cfg, wteRows, (name, K, N) => {
    if (name === 'wte.weight') return wteRows();
    const data = byName.get(name);
    if (!data) throw new RangeError(`int8FromWeights: no matrix "${name}"`);
    return quantizeColumns(data, K, N);
  });
}
