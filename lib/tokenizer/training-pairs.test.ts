import { describe, expect, it } from 'vitest';
import { chunk, examples, lastChunkStart } from './training-pairs';
import { encode } from './index';

// ids 100..109 make the shift easy to read
const IDS = Array.from({ length: 10 }, (_, i) => 100 + i);

describe('chunk', () => {
  it.each([
    { start: 0, blockSize: 4, x: [100, 101, 102, 103], y: [101, 102, 103, 104] },
    { start: 3, blockSize: 4, x: [103, 104, 105, 106], y: [104, 105, 106, 107] },
    { start: 5, blockSize: 4, x: [105, 106, 107, 108], y: [106, 107, 108, 109] }, // last chunk
    { start: 0, blockSize: 1, x: [100], y: [101] },
    { start: 8, blockSize: 1, x: [108], y: [109] },
    { start: 0, blockSize: 9, x: IDS.slice(0, 9), y: IDS.slice(1, 10) }, // whole stream
  ])('start $start, blockSize $blockSize', ({ start, blockSize, x, y }) => {
    const c = chunk(IDS, start, blockSize);
    expect(c).toEqual({ x, y });
    expect(c.y.slice(0, -1)).toEqual(c.x.slice(1)); // y is x shifted left by one
  });

  it('stops where y would run past the end', () => {
    expect(lastChunkStart(10, 4)).toBe(5);
    expect(lastChunkStart(10, 9)).toBe(0);
    expect(lastChunkStart(10, 10)).toBe(-1);
    expect(() => chunk(IDS, 6, 4)).toThrow(
      new RangeError('chunk start 6 is out of range: with 10 tokens and blockSize 4, start must be 0..5'),
    );
  });

  it.each([
    { start: -1, blockSize: 4, message: /start -1 is out of range/ },
    { start: 1.5, blockSize: 4, message: /start 1.5 is out of range/ },
    { start: 100, blockSize: 4, message: /start 100 is out of range/ },
    { start: 0, blockSize: 0, message: /blockSize must be an integer >= 1, got 0/ },
    { start: 0, blockSize: -3, message: /blockSize must be an integer >= 1/ },
    { start: 0, blockSize: 2.5, message: /blockSize must be an integer >= 1/ },
    { start: 0, blockSize: 10, message: /needs blockSize \+ 1 = 11 tokens, but there are only 10/ },
  ])('throws RangeError for start $start, blockSize $blockSize', ({ start, blockSize, message }) => {
    expect(() => chunk(IDS, start, blockSize)).toThrow(RangeError);
    expect(() => chunk(IDS, start, blockSize)).toThrow(message);
  });

  it('does not alias the input', () => {
    const ids = [1, 2, 3];
    const c = chunk(ids, 0, 2);
    c.x[0] = 99;
    expect(ids).toEqual([1, 2, 3]);
  });
});

describe('examples', () => {
  it('gives blockSize examples: x[0..t] → y[t]', () => {
    const { x, y } = chunk(IDS, 2, 3);
    expect(examples(x, y)).toEqual([
      { t: 0, context: [102], target: 103 },
      { t: 1, context: [102, 103], target: 104 },
      { t: 2, context: [102, 103, 104], target: 105 },
    ]);
  });

  it('gives one example for blockSize 1', () => {
    const { x, y } = chunk(IDS, 0, 1);
    expect(examples(x, y)).toEqual([{ t: 0, context: [100], target: 101 }]);
  });

  it('has each target be the token right after its context in the stream', () => {
    const ids = encode("Shall I compare thee to a summer's day?");
    const start = 2;
    const { x, y } = chunk(ids, start, 5);
    for (const { context, target } of examples(x, y)) {
      expect(context).toEqual(ids.slice(start, start + context.length));
      expect(target).toBe(ids[start + context.length]);
    }
  });

  it('rejects x and y of different lengths', () => {
    expect(() => examples([1, 2], [2])).toThrow(RangeError);
  });
});
