/**
 * Reading the worker's analysis tensors (`client.analyze` → `tensors`): names are 'kind.layer'
 * ('attn.0', 'q.11', 'resid.12'); data is row-major float32.
 *   attn.i              [nh, T, T]  rows = query position, columns = key position
 *   resid.i (0..nLayer) [T, C]      resid.i enters block i; resid.nLayer is the input of ln_f
 *   resid_mid.i, ln_1.i, ln_2.i, q.i, key.i, value.i  [T, C], heads side by side:
 *                                   head h = columns h·hs .. (h+1)·hs − 1
 */
import type { AnalysisKind } from '../worker/protocol';

export interface AnalysisTensor {
  dims: number[];
  data: Float32Array;
}
export type AnalysisTensors = Record<string, AnalysisTensor>;

export class MissingTensorError extends Error {
  constructor(
    readonly tensorName: string,
    detail = 'the model did not return it',
  ) {
    super(`Analysis tensor ${tensorName}: ${detail}.`);
    this.name = 'MissingTensorError';
  }
}

/** The tensor `kind.layer`, checked to have the expected dims (−1 = any size). */
export function tensorOf(tensors: AnalysisTensors, kind: AnalysisKind, layer: number, dims?: number[]): AnalysisTensor {
  const name = `${kind}.${layer}`;
  const t = tensors[name];
  if (!t) throw new MissingTensorError(name);
  if (dims && (t.dims.length !== dims.length || dims.some((d, i) => d >= 0 && t.dims[i] !== d))) {
    throw new MissingTensorError(name, `expected dims [${dims.join(', ')}], got [${t.dims.join(', ')}]`);
  }
  const size = t.dims.reduce((a, b) => a * b, 1);
  if (t.data.length !== size) throw new MissingTensorError(name, `${t.data.length} numbers for dims [${t.dims.join(', ')}]`);
  return t;
}

/** Row t of a [T, C] tensor: a view, no copy. */
export function rowOf(x: AnalysisTensor, t: number): Float32Array {
  const C = x.dims[1];
  return x.data.subarray(t * C, (t + 1) * C);
}

/** Head h of row t of a [T, C] tensor with nHead heads side by side: [hs], a view. */
export function headRow(x: AnalysisTensor, t: number, head: number, nHead: number): Float32Array {
  const C = x.dims[1];
  const hs = C / nHead;
  return x.data.subarray(t * C + head * hs, t * C + (head + 1) * hs);
}

/** Attention probabilities of one head and one query position, over all T keys: [T], a view. */
export function attnRow(attn: AnalysisTensor, head: number, query: number): Float32Array {
  const [, T, L] = attn.dims;
  const start = (head * T + query) * L;
  return attn.data.subarray(start, start + L);
}

/** The [T, T] probability matrix of one head, as a view. */
export function attnHead(attn: AnalysisTensor, head: number): Float32Array {
  const [, T, L] = attn.dims;
  return attn.data.subarray(head * T * L, (head + 1) * T * L);
}
