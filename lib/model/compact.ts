// A compact download format for the weights (≈ 89 MB for GPT-2 124M instead of 498 MB), turned at
// load time into what the backend runs well (compact-graph.ts): onnxruntime-web's WASM backend has
// no 4-bit kernel (docs/performance.md), so there the blocks become int8 matrices
// (q4ToInt8Columns); WebGPU runs the 4-bit blocks as they are; fp32 expansion is kept as an option.
//
//   wte, wpe                       int8, symmetric, one fp16 scale per row:      w ≈ q · scale
//   every block's linear weights   4-bit, asymmetric, blocks of 32 along the input dim (K), one fp16
//                                  scale and one 4-bit zero point per block:     w ≈ (q − zp) · scale
//                                  stored like com.microsoft MatMulNBits: q [N, K/32, 16] (low nibble
//                                  first), scales [N, K/32], zero points [N, ⌈(K/32)/2⌉] packed
//   LayerNorm params, biases       float32 as is
//
// One safetensors file; its __metadata__ holds the GPT2Config. Browser-safe (no Node imports).

import type { GPT2Config } from './config';
import { gpt2TensorSpecs, loadWeights, weightsToTensors, type Checkpoint, type GPT2Weights, type NamedShape } from './checkpoint';
import { CheckpointError } from './errors';
import type { Int8Matrix } from './int8';
import {
  floatToHalf,
  halfToFloat,
  numel,
  parseSafetensors,
  serializeSafetensors,
  toFloat32,
  type SafetensorsFile,
  type TensorEntry,
  type TensorToWrite,
} from './safetensors';

export const COMPACT_FORMAT = 'gpt2-pamphlet-compact/1';
export const Q4_BLOCK = 32;

/** Symmetric int8 per row. w: [rows, cols] → q [rows, cols], scale fp16 bits [rows] */
export function quantizeQ8Rows(w: Float32Array, rows: number, cols: number): { q: Int8Array; scales: Uint16Array } {
  const q = new Int8Array(rows * cols);
  const scales = new Uint16Array(rows);
  for (let r = 0; r < rows; r++) {
    let absmax = 0;
    for (let c = 0; c < cols; c++) absmax = Math.max(absmax, Math.abs(w[r * cols + c]));
    scales[r] = floatToHalf(absmax / 127 || 1);
    const s = halfToFloat(scales[r]);
    for (let c = 0; c < cols; c++) q[r * cols + c] = Math.max(-127, Math.min(127, Math.round(w[r * cols + c] / s)));
  }
  return { q, scales };
}

export function dequantizeQ8Rows(q: Int8Array, scales: Float32Array, rows: number, cols: number): Float32Array {
  const w = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) w[r * cols + c] = q[r * cols + c] * scales[r];
  return w;
}

/** 4-bit blocks along K of a Conv1D weight w: [K, N] (y = x·w), MatMulNBits layout. */
export function quantizeQ4(w: Float32Array, K: number, N: number): { q: Uint8Array; scales: Uint16Array; zeroPoints: Uint8Array } {
  const nb = Math.ceil(K / Q4_BLOCK);
  const zpBytes = Math.ceil(nb / 2);
  const q = new Uint8Array(N * nb * (Q4_BLOCK / 2));
  const scales = new Uint16Array(N * nb);
  const zeroPoints = new Uint8Array(N * zpBytes);
  for (let n = 0; n < N; n++) {
    for (let b = 0; b < nb; b++) {
      const k0 = b * Q4_BLOCK;
      const k1 = Math.min(K, k0 + Q4_BLOCK);
      let min = 0; // the range always holds 0, so zero stays exact
      let max = 0;
      for (let k = k0; k < k1; k++) {
        const v = w[k * N + n];
        if (v < min) min = v;
        if (v > max) max = v;
      }
      scales[n * nb + b] = floatToHalf((max - min) / 15 || 1);
      const s = halfToFloat(scales[n * nb + b]);
      const zp = Math.max(0, Math.min(15, Math.round(-min / s)));
      zeroPoints[n * zpBytes + (b >> 1)] |= b & 1 ? zp << 4 : zp;
      for (let k = k0; k < k1; k++) {
        const v = Math.max(0, Math.min(15, Math.round(w[k * N + n] / s) + zp));
        const i = (n * nb + b) * (Q4_BLOCK / 2) + ((k - k0) >> 1);
        q[i] |= (k - k0) & 1 ? v << 4 : v;
      }
    }
  }
  return { q, scales, zeroPoints };
}

export function dequantizeQ4(q: Uint8Array, scales: Float32Array, zeroPoints: Uint8Array, K: number, N: number): Float32Array {
  const nb = Math.ceil(K / Q4_BLOCK);
  const zpBytes = Math.ceil(nb / 2);
  const w = new Float32Array(K * N);
  for (let n = 0; n < N; n++) {
    for (let b = 0; b < nb; b++) {
      const s = scales[n * nb + b];
      const zpByte = zeroPoints[n * zpBytes + (b >> 1)];
      const zp = b & 1 ? zpByte >> 4 : zpByte & 15;
      const base = (n * nb + b) * (Q4_BLOCK / 2);
      for (let k = b * Q4_BLOCK, j = 0; k < Math.min(K, (b + 1) * Q4_BLOCK); k++, j++) {
        const byte = q[base + (j >> 1)];
        w[k * N + n] = ((j & 1 ? byte >> 4 : byte & 15) - zp) * s;
      }
    }
  }
  return w;
}

// the smaller and the larger of a byte's two nibbles
const NIBBLE_MIN = Uint8Array.from({ length: 256 }, (_, b) => Math.min(b & 15, b >> 4));
const NIBBLE_MAX = Uint8Array.from({ length: 256 }, (_, b) => Math.max(b & 15, b >> 4));

/**
 * 4-bit blocks → int8 with one scale per column, the same numbers as
 * quantizeColumns(dequantizeQ4(…)) without the fp32 matrix: a block holds 16 possible values, so
 * each block gets a 16-entry table. Columns go in groups of 64, so a block's reads and a row's
 * writes stay within a few cache lines.
 */
export function q4ToInt8Columns(q: Uint8Array, scales: Float32Array, zeroPoints: Uint8Array, K: number, N: number): Int8Matrix {
  const nb = Math.ceil(K / Q4_BLOCK);
  const zpBytes = Math.ceil(nb / 2);
  const half = Q4_BLOCK / 2;
  const out = new Int8Array(K * N);
  const scale = new Float32Array(N);
  const inv = new Float32Array(N);
  const zpOf = (n: number, b: number) => {
    const byte = zeroPoints[n * zpBytes + (b >> 1)];
    return b & 1 ? byte >> 4 : byte & 15;
  };
  // scales: the largest |value| a column holds, from the extreme nibbles of each block
  const absmax = new Float32Array(1);
  for (let n = 0; n < N; n++) {
    absmax[0] = 0;
    for (let b = 0; b < nb; b++) {
      const base = (n * nb + b) * half;
      const count = Math.min(K, (b + 1) * Q4_BLOCK) - b * Q4_BLOCK;
      let lo = 15;
      let hi = 0;
      for (let i = 0; i < count >> 1; i++) {
        const byte = q[base + i];
        lo = Math.min(lo, NIBBLE_MIN[byte]);
        hi = Math.max(hi, NIBBLE_MAX[byte]);
      }
      if (count & 1) {
        const v = q[base + (count >> 1)] & 15;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      const s = scales[n * nb + b];
      const zp = zpOf(n, b);
      absmax[0] = Math.max(absmax[0], Math.abs(Math.fround((lo - zp) * s)), Math.abs(Math.fround((hi - zp) * s)));
    }
    scale[n] = absmax[0] / 127 || 1;
    inv[n] = 1 / scale[n];
  }
  // values: per column and block, a 16-entry table; one byte holds rows k and k+1. Columns go in
  // groups of 64 so the 32 rows × 64 columns a block writes stay in cache.
  const GROUP = 64;
  const table = new Int8Array(16);
  for (let n0 = 0; n0 < N; n0 += GROUP) {
    const n1 = Math.min(N, n0 + GROUP);
    for (let b = 0; b < nb; b++) {
      const k0 = b * Q4_BLOCK;
      const count = Math.min(K, k0 + Q4_BLOCK) - k0;
      for (let n = n0; n < n1; n++) {
        const s = scales[n * nb + b];
        const zp = zpOf(n, b);
        const r = inv[n];
        for (let v = 0; v < 16; v++) table[v] = Math.round(Math.fround((v - zp) * s) * r); // |·| ≤ 127: absmax · inv
        const base = (n * nb + b) * half;
        let at = k0 * N + n;
        if (count === Q4_BLOCK) {
          for (let i = 0; i < half; i++, at += 2 * N) {
            const byte = q[base + i];
            out[at] = table[byte & 15];
            out[at + N] = table[byte >> 4];
          }
        } else {
          for (let j = 0; j < count; j++, at += N) {
            const byte = q[base + (j >> 1)];
            out[at] = table[j & 1 ? byte >> 4 : byte & 15];
          }
        }
      }
    }
  }
  return { q: out, scale };
}

const isEmbedding = (name: string) => name === 'wte.weight' || name === 'wpe.weight';
export const isLinearWeight = (name: string) => /^h\.\d+\.(attn|mlp)\.c_\w+\.weight$/.test(name);

/** The compact file's tensors, from fp32 weights. */
export function compactTensors(config: GPT2Config, weights: GPT2Weights): TensorToWrite[] {
  const out: TensorToWrite[] = [];
  for (const t of weightsToTensors(config, weights)) {
    const w = t.data as Float32Array;
    const [rows, cols] = t.shape;
    if (isEmbedding(t.name)) {
      const { q, scales } = quantizeQ8Rows(w, rows, cols);
      out.push(
        { name: t.name + '.q8', dtype: 'I8', shape: t.shape, data: q },
        { name: t.name + '.scales', dtype: 'F16', shape: [rows], data: scales },
      );
    } else if (isLinearWeight(t.name)) {
      const [K, N] = t.shape;
      const nb = Math.ceil(K / Q4_BLOCK);
      const { q, scales, zeroPoints } = quantizeQ4(w, K, N);
      out.push(
        { name: t.name + '.q4', dtype: 'U8', shape: [N, nb, Q4_BLOCK / 2], data: q },
        { name: t.name + '.scales', dtype: 'F16', shape: [N, nb], data: scales },
        { name: t.name + '.zero_points', dtype: 'U8', shape: [N, Math.ceil(nb / 2)], data: zeroPoints },
      );
    } else {
      out.push(t);
    }
  }
  return out;
}

/** The compact file's bytes. Wider dtypes first, so every tensor stays aligned (zero-copy reads). */
export function serializeCompact(config: GPT2Config, weights: GPT2Weights): Uint8Array {
  const width = { F32: 4, F16: 2, I8: 1, U8: 1 } as Record<string, number>;
  const tensors = compactTensors(config, weights).sort((a, b) => width[b.dtype] - width[a.dtype]); // stable sort
  return serializeSafetensors(tensors, { format: COMPACT_FORMAT, config: JSON.stringify(config), q4_block: String(Q4_BLOCK) });
}

/** Reads a compact file's header: its config, and its tensors as views into `bytes`. */
export function openCompact(bytes: Uint8Array): { config: GPT2Config; file: SafetensorsFile } {
  const file = parseSafetensors(bytes);
  if (file.metadata.format !== COMPACT_FORMAT)
    throw new CheckpointError(`not a compact checkpoint (format "${file.metadata.format}", expected "${COMPACT_FORMAT}")`);
  return { config: JSON.parse(file.metadata.config) as GPT2Config, file };
}

/** One stored tensor of a compact file, or a clear error naming it. */
export function compactTensor(file: SafetensorsFile, name: string): TensorEntry {
  const t = file.tensors.get(name);
  if (!t) throw new CheckpointError(`compact checkpoint is missing tensor "${name}"`, name);
  return t;
}

/** One weight in fp32 (int8 rows, 4-bit blocks, or as stored). */
export function expandCompactTensor(file: SafetensorsFile, { name, shape }: NamedShape): Float32Array {
  const raw = (suffix: string) => compactTensor(file, name + suffix);
  if (file.tensors.has(name + '.q8')) {
    const q = raw('.q8').bytes;
    return dequantizeQ8Rows(new Int8Array(q.buffer, q.byteOffset, q.byteLength), toFloat32(raw('.scales')), shape[0], shape[1]);
  }
  if (file.tensors.has(name + '.q4')) {
    return dequantizeQ4(raw('.q4').bytes, toFloat32(raw('.scales')), raw('.zero_points').bytes, shape[0], shape[1]);
  }
  const t = raw('');
  if (numel(t.shape) !== numel(shape))
    throw new CheckpointError(`tensor "${name}" has shape [${t.shape}], the config needs [${shape}]`, name);
  return toFloat32(t);
}

/** Reads a compact file back into fp32 weights (the same shapes the exporters take). */
export function expandCompact(bytes: Uint8Array): Checkpoint {
  const { config, file } = openCompact(bytes);
  const shapes = new Map(gpt2TensorSpecs(config).map((s) => [s.name, s.shape]));
  const weights = loadWeights(config, (name) => {
    const shape = shapes.get(name)!;
    // a tensor stored as is reports its own shape, so loadWeights checks it
    return { shape: file.tensors.get(name)?.shape ?? shape, data: expandCompactTensor(file, { name, shape }) };
  });
  return { config, weights };
}
