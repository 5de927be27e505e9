// The KV cache of the fast decoder graph: per layer, preallocated [blockSize, C] buffers for keys and
// values, time-major with heads side by side (exactly the k / v column blocks of c_attn's output).
// The graph returns only the new rows; `append` copies them in with set(), and `views(P)` hands the
// first P rows back as zero-copy subarrays. Nothing is reallocated while generating.
//
// Sliding: GPT-2 has absolute position embeddings, so cached K/V are tied to their positions. A full
// window is never shifted; the caller re-encodes the last W tokens at positions 0..W−1 instead.

import { ContextLengthError } from './errors';

export class KvCache {
  readonly keys: Float32Array[]; // nLayer × [blockSize, C]
  readonly values: Float32Array[]; // nLayer × [blockSize, C]
  private readonly filled: number[]; // rows written per layer

  constructor(
    readonly nLayer: number,
    readonly blockSize: number,
    readonly nEmbd: number,
  ) {
    this.keys = Array.from({ length: nLayer }, () => new Float32Array(blockSize * nEmbd));
    this.values = Array.from({ length: nLayer }, () => new Float32Array(blockSize * nEmbd));
    this.filled = new Array(nLayer).fill(0);
  }

  /** Cached positions P (every layer holds the same number once a forward pass is appended). */
  get length(): number {
    return this.filled[0];
  }

  /** Positions left before the window is full. */
  get remaining(): number {
    return this.blockSize - this.length;
  }

  /** Appends new rows k, v: [T, C] to one layer. */
  append(layer: number, k: Float32Array, v: Float32Array): void {
    const C = this.nEmbd;
    const T = k.length / C;
    if (v.length !== k.length || !Number.isInteger(T)) throw new RangeError(`KvCache.append: k and v must both be [T, ${C}]`);
    const at = this.filled[layer];
    if (at + T > this.blockSize) throw new ContextLengthError(at + T, this.blockSize);
    this.keys[layer].set(k, at * C);
    this.values[layer].set(v, at * C);
    this.filled[layer] = at + T;
  }

  /** The first P rows of every layer as views: keys[i], values[i]: [P, C]. */
  views(P: number = this.length): { keys: Float32Array[]; values: Float32Array[] } {
    if (this.filled.some((f) => f < P)) throw new RangeError(`KvCache.views(${P}): layers hold ${this.filled.join(', ')} rows`);
    const n = P * this.nEmbd;
    return { keys: this.keys.map((k) => k.subarray(0, n)), values: this.values.map((v) => v.subarray(0, n)) };
  }

  /** Forgets everything (the buffers stay allocated). */
  reset(): void {
    this.filled.fill(0);
  }
}
