import { describe, expect, it } from 'vitest';
import { SafetensorsError } from './errors';
import { floatToHalf, halfToFloat, parseSafetensors, serializeSafetensors, toFloat32 } from './safetensors';

const sample = () =>
  serializeSafetensors(
    [
      { name: 'a', dtype: 'F32', shape: [2, 3], data: new Float32Array([1, 2, 3, 4, 5, 6]) },
      { name: 'b', dtype: 'F16', shape: [3], data: Uint16Array.from([1, -2.5, 65504], floatToHalf) },
      {
        name: 'c',
        dtype: 'BF16',
        shape: [2],
        data: Uint16Array.from([1.5, -3], (x) => new Uint32Array(new Float32Array([x]).buffer)[0] >>> 16),
      },
    ],
    { format: 'pt' },
  );

describe('safetensors', () => {
  it('round-trips F32, F16 and BF16 with metadata', () => {
    const file = parseSafetensors(sample());
    expect(file.metadata).toEqual({ format: 'pt' });
    expect([...file.tensors.keys()]).toEqual(['a', 'b', 'c']);
    expect(file.tensors.get('a')!.shape).toEqual([2, 3]);
    expect(Array.from(toFloat32(file.tensors.get('a')!))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(toFloat32(file.tensors.get('b')!))).toEqual([1, -2.5, 65504]);
    expect(Array.from(toFloat32(file.tensors.get('c')!))).toEqual([1.5, -3]);
  });

  it('gives zero-copy F32 views when aligned, copies when not', () => {
    const bytes = sample();
    const a = toFloat32(parseSafetensors(bytes).tensors.get('a')!);
    expect(a.buffer).toBe(bytes.buffer);
    const shifted = new Uint8Array(bytes.byteLength + 1).subarray(1);
    shifted.set(bytes);
    const b = toFloat32(parseSafetensors(shifted).tensors.get('a')!);
    expect(b.buffer).not.toBe(shifted.buffer);
    expect(Array.from(b)).toEqual([1, 2, 3, 4, 5, 6]);
    const buf = Buffer.alloc(bytes.byteLength + 1).subarray(1); // as from fs.readFile
    buf.set(bytes);
    expect(Array.from(toFloat32(parseSafetensors(buf).tensors.get('a')!))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('pads the header so tensor data starts 8-aligned', () => {
    const n = Number(new DataView(sample().buffer).getBigUint64(0, true));
    expect((8 + n) % 8).toBe(0);
  });

  it.each([
    ['truncated data', (b: Uint8Array) => b.subarray(0, b.byteLength - 3), /truncated/],
    ['truncated header', (b: Uint8Array) => b.subarray(0, 20), /header claims/],
    ['too short', (b: Uint8Array) => b.subarray(0, 5), /too short/],
    [
      'garbage header',
      (b: Uint8Array) => {
        const c = b.slice();
        c[9] = 0x7b;
        c[10] = 0x7b;
        return c;
      },
      /not valid UTF-8 JSON/,
    ],
  ])('throws SafetensorsError on %s', (_, corrupt, message) => {
    const bad = corrupt(sample());
    expect(() => parseSafetensors(bad)).toThrow(SafetensorsError);
    expect(() => parseSafetensors(bad)).toThrow(message);
  });

  it('rejects inconsistent headers', () => {
    const make = (header: object, dataBytes: number) => {
      const json = new TextEncoder().encode(JSON.stringify(header));
      const out = new Uint8Array(8 + json.byteLength + dataBytes);
      new DataView(out.buffer).setBigUint64(0, BigInt(json.byteLength), true);
      out.set(json, 8);
      return out;
    };
    expect(() => parseSafetensors(make({ x: { dtype: 'F32', shape: [2], data_offsets: [0, 4] } }, 8))).toThrow(/expected 8/);
    expect(() => parseSafetensors(make({ x: { dtype: 'Q7', shape: [1], data_offsets: [0, 1] } }, 8))).toThrow(/unsupported dtype/);
    expect(() =>
      parseSafetensors(
        make({ x: { dtype: 'F32', shape: [1], data_offsets: [0, 4] }, y: { dtype: 'F32', shape: [1], data_offsets: [2, 6] } }, 8),
      ),
    ).toThrow(/overlap/);
  });

  it('converts half floats exactly where representable', () => {
    for (const x of [0, 1, -1, 0.5, 2 ** -14, 2 ** -24, 65504, 0.333251953125]) expect(halfToFloat(floatToHalf(x))).toBe(x);
    expect(halfToFloat(floatToHalf(1e6))).toBe(Infinity);
    expect(halfToFloat(floatToHalf(1 + 2 ** -11))).toBe(1); // ties to even
    expect(halfToFloat(floatToHalf(1 + 3 * 2 ** -11))).toBe(1 + 2 ** -9);
  });
});
