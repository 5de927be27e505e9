import { describe, expect, it } from 'vitest';
import { ContextLengthError } from './errors';
import { KvCache } from './kv-cache';

describe('KvCache', () => {
  it('appends rows per layer into preallocated buffers and hands back views', () => {
    const cache = new KvCache(2, 4, 3);
    const buffers = [...cache.keys];
    for (const layer of [0, 1]) cache.append(layer, new Float32Array([1, 2, 3, 4, 5, 6]), new Float32Array([7, 8, 9, 10, 11, 12]));
    expect(cache.length).toBe(2);
    cache.append(0, new Float32Array([13, 14, 15]), new Float32Array([16, 17, 18]));
    cache.append(1, new Float32Array([13, 14, 15]), new Float32Array([16, 17, 18]));
    const { keys, values } = cache.views();
    expect(Array.from(keys[1])).toEqual([1, 2, 3, 4, 5, 6, 13, 14, 15]);
    expect(Array.from(values[0])).toEqual([7, 8, 9, 10, 11, 12, 16, 17, 18]);
    expect(keys[0].buffer).toBe(buffers[0].buffer); // zero-copy
    expect(cache.views(1).keys[0].length).toBe(3);
    expect(cache.remaining).toBe(1);
  });

  it('refuses to overflow the window and to view rows a layer lacks', () => {
    const cache = new KvCache(1, 2, 2);
    cache.append(0, new Float32Array(4), new Float32Array(4));
    expect(() => cache.append(0, new Float32Array(2), new Float32Array(2))).toThrow(ContextLengthError);
    const two = new KvCache(2, 4, 2);
    two.append(0, new Float32Array(2), new Float32Array(2));
    expect(() => two.views(1)).toThrow(RangeError);
  });

  it('reset empties it without reallocating', () => {
    const cache = new KvCache(1, 2, 2);
    const buf = cache.values[0];
    cache.append(0, new Float32Array(2), new Float32Array(2));
    cache.reset();
    expect(cache.length).toBe(0);
    expect(cache.values[0]).toBe(buf);
    expect(cache.views().keys[0].length).toBe(0);
  });
});
