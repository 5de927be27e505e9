/**
 * How a stream of token ids becomes next-token training examples (nanoGPT's get_batch):
 *
 *   x = ids[i     : i + blockSize]        // [blockSize] inputs
 *   y = ids[i + 1 : i + blockSize + 1]    // [blockSize] targets: x shifted left by one
 *
 * and one chunk holds blockSize examples at once: context x[0..t] → target y[t] for
 * t = 0..blockSize-1. GPT-2 itself trains with blockSize = 1024.
 */

export interface Chunk {
  /** inputs, ids[start : start + blockSize] */
  x: number[];
  /** targets, ids[start + 1 : start + blockSize + 1] */
  y: number[];
}

export interface TrainingExample {
  /** position in the chunk, 0..blockSize-1 */
  t: number;
  /** x[0..t], t + 1 ids */
  context: number[];
  /** y[t], the id that follows the context */
  target: number;
}

function assertBlockSize(blockSize: number): void {
  if (!Number.isInteger(blockSize) || blockSize < 1) {
    throw new RangeError(`blockSize must be an integer >= 1, got ${String(blockSize)}`);
  }
}

/**
 * The last valid chunk start for `length` ids: length - blockSize - 1, because y reaches
 * one id past x. -1 when the ids are too few for even one chunk.
 */
export function lastChunkStart(length: number, blockSize: number): number {
  assertBlockSize(blockSize);
  return Math.max(-1, length - blockSize - 1);
}

/** The chunk at `start`; throws RangeError unless 0 <= start <= lastChunkStart. */
export function chunk(ids: readonly number[], start: number, blockSize: number): Chunk {
  const last = lastChunkStart(ids.length, blockSize);
  if (last < 0) {
    throw new RangeError(`a chunk needs blockSize + 1 = ${blockSize + 1} tokens, but there are only ${ids.length}`);
  }
  if (!Number.isInteger(start) || start < 0 || start > last) {
    throw new RangeError(
      `chunk start ${String(start)} is out of range: with ${ids.length} tokens and blockSize ${blockSize}, start must be 0..${last}`,
    );
  }
  return {
    x: ids.slice(start, start + blockSize),
    y: ids.slice(start + 1, start + blockSize + 1),
  };
}

/** The x.length examples inside one chunk: x[0..t] → y[t]. */
export function examples(x: readonly number[], y: readonly number[]): TrainingExample[] {
  if (x.length !== y.length) {
    throw new RangeError(`x and y must have the same length, got ${x.length} and ${y.length}`);
  }
  return x.map((_, t) => ({ t, context: x.slice(0, t + 1), target: y[t] }));
}
