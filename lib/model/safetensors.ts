// The safetensors format (huggingface/safetensors):
//   [u64 little-endian N][N bytes of JSON header][tensor data]
// header = { "__metadata__": {str: str}, name: { dtype, shape, data_offsets: [begin, end] }, ... }
// with offsets relative to the start of the data. Reading gives views into the file (no copy)
// wherever the alignment allows; writing pads the header with spaces so the data starts 8-aligned.

import { SafetensorsError } from './errors';

export type Dtype = 'F64' | 'F32' | 'F16' | 'BF16' | 'I64' | 'I32' | 'I16' | 'I8' | 'U8' | 'BOOL';

const DTYPE_BYTES: Record<Dtype, number> = { F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U8: 1, BOOL: 1 };

export interface TensorEntry {
  dtype: Dtype;
  shape: number[];
  /** The tensor's bytes: a view into the file buffer. */
  bytes: Uint8Array;
}

export interface SafetensorsFile {
  metadata: Record<string, string>;
  tensors: Map<string, TensorEntry>;
}

export interface TensorSpec {
  name: string;
  dtype: Dtype;
  shape: number[];
}

export interface TensorToWrite extends TensorSpec {
  /** Raw little-endian data, e.g. a Float32Array for F32 or a Uint8Array of packed nibbles for U8. */
  data: ArrayBufferView;
}

export function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Parses and validates a whole file; throws SafetensorsError on anything inconsistent. */
export function parseSafetensors(file: Uint8Array): SafetensorsFile {
  if (file.byteLength < 8) throw new SafetensorsError(`file is ${file.byteLength} bytes, too short for the 8-byte header length`);
  const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const n = Number(dv.getBigUint64(0, true));
  if (n > file.byteLength - 8) {
    throw new SafetensorsError(
      `header claims ${n} bytes but the file has only ${file.byteLength - 8} after the length (truncated or not safetensors)`,
    );
  }
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(8, 8 + n)));
  } catch (e) {
    throw new SafetensorsError(`header is not valid UTF-8 JSON (${(e as Error).message})`);
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) throw new SafetensorsError('header is not a JSON object');
  const data = file.subarray(8 + n);
  const metadata: Record<string, string> = {};
  const tensors = new Map<string, TensorEntry>();
  const ranges: [number, number, string][] = [];
  for (const [name, raw] of Object.entries(header)) {
    if (name === '__metadata__') {
      for (const [k, v] of Object.entries((raw ?? {}) as Record<string, unknown>)) metadata[k] = String(v);
      continue;
    }
    const info = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const dtype = info?.dtype as Dtype;
    if (!(typeof dtype === 'string' && dtype in DTYPE_BYTES))
      throw new SafetensorsError(`tensor "${name}": unsupported dtype ${String(info?.dtype)}`);
    const shape = info.shape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
      throw new SafetensorsError(`tensor "${name}": bad shape ${JSON.stringify(shape)}`);
    const off = info.data_offsets;
    if (!Array.isArray(off) || off.length !== 2 || !off.every((o) => Number.isInteger(o) && o >= 0) || off[1] < off[0]) {
      throw new SafetensorsError(`tensor "${name}": bad data_offsets ${JSON.stringify(off)}`);
    }
    const [begin, end] = off as [number, number];
    const expected = numel(shape) * DTYPE_BYTES[dtype];
    if (end - begin !== expected)
      throw new SafetensorsError(`tensor "${name}": ${end - begin} bytes for shape [${shape}] ${dtype}, expected ${expected}`);
    if (end > data.byteLength) {
      throw new SafetensorsError(
        `tensor "${name}" ends at byte ${end} of the data but the file holds only ${data.byteLength} (truncated file)`,
      );
    }
    ranges.push([begin, end, name]);
    tensors.set(name, { dtype, shape: shape.slice(), bytes: data.subarray(begin, end) });
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i][0] < ranges[i - 1][1]) throw new SafetensorsError(`tensors "${ranges[i - 1][2]}" and "${ranges[i][2]}" overlap`);
  }
  return { metadata, tensors };
}

/** Any float tensor as Float32Array: a zero-copy view for aligned F32, a converted copy otherwise. */
export function toFloat32(entry: TensorEntry): Float32Array {
  const { bytes, dtype } = entry;
  const n = bytes.byteLength / DTYPE_BYTES[dtype];
  switch (dtype) {
    case 'F32':
      if (bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, n);
      return new Float32Array(Uint8Array.prototype.slice.call(bytes).buffer); // (a Node Buffer's own slice() is a view)
    case 'F16': {
      const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = halfToFloat(dv.getUint16(2 * i, true));
      return out;
    }
    case 'BF16': {
      const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const bits = new Uint32Array(n);
      for (let i = 0; i < n; i++) bits[i] = dv.getUint16(2 * i, true) << 16; // bf16 = top half of an f32
      return new Float32Array(bits.buffer);
    }
    case 'F64': {
      const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = dv.getFloat64(8 * i, true);
      return out;
    }
    default:
      throw new SafetensorsError(`dtype ${dtype} is not a float type`);
  }
}

/** IEEE 754 binary16 bits → number. */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24; // subnormal
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** number → IEEE 754 binary16 bits, round to nearest even. */
export function floatToHalf(x: number): number {
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a >= 65520) return sign | 0x7c00; // rounds to infinity
  if (a < 2 ** -14) return sign | roundEven(a / 2 ** -24); // subnormal (may round up into the normals)
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a)
    e--; // guard log2 rounding at powers of two
  else if (2 ** (e + 1) <= a) e++;
  const m = roundEven((a / 2 ** e - 1) * 1024); // may be 1024: carries into the exponent below
  return sign | (((e + 15) << 10) + m);
}

function roundEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  return d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
}

/**
 * The first part of a file for these tensors, in this order: 8-byte length + padded JSON header.
 * `offsets[i]` is where tensor i starts in the data; the data that follows is `dataBytes` long.
 */
export function safetensorsHeader(
  specs: TensorSpec[],
  metadata?: Record<string, string>,
): { header: Uint8Array; offsets: number[]; dataBytes: number } {
  const json: Record<string, unknown> = {};
  if (metadata && Object.keys(metadata).length) json.__metadata__ = metadata;
  const offsets: number[] = [];
  let pos = 0;
  for (const s of specs) {
    if (s.name === '__metadata__' || s.name in json) throw new SafetensorsError(`duplicate or reserved tensor name "${s.name}"`);
    const bytes = numel(s.shape) * DTYPE_BYTES[s.dtype];
    offsets.push(pos);
    json[s.name] = { dtype: s.dtype, shape: s.shape, data_offsets: [pos, pos + bytes] };
    pos += bytes;
  }
  const text = new TextEncoder().encode(JSON.stringify(json));
  const padded = Math.ceil(text.byteLength / 8) * 8; // data starts 8-aligned
  const header = new Uint8Array(8 + padded).fill(0x20); // pad with spaces, as the reference writer does
  new DataView(header.buffer).setBigUint64(0, BigInt(padded), true);
  header.set(text, 8);
  return { header, offsets, dataBytes: pos };
}

/** A whole file in memory. For big checkpoints, stream `safetensorsHeader` + each tensor instead. */
export function serializeSafetensors(tensors: TensorToWrite[], metadata?: Record<string, string>): Uint8Array {
  const { header, offsets, dataBytes } = safetensorsHeader(tensors, metadata);
  const out = new Uint8Array(header.byteLength + dataBytes);
  out.set(header, 0);
  tensors.forEach((t, i) => {
    const bytes = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
    const expected = numel(t.shape) * DTYPE_BYTES[t.dtype];
    if (bytes.byteLength !== expected)
      throw new SafetensorsError(`tensor "${t.name}": ${bytes.byteLength} bytes of data, shape needs ${expected}`);
    out.set(bytes, header.byteLength + offsets[i]);
  });
  return out;
}
