// What a session is created from, for either weights variant: the browser worker, the Node CLI and
// the Node benchmark all go through here, so they run the same graph the same way.
//   compact: compact.safetensors → the decoder graph, weights passed as ONNX external data; its
//            matrices in int8 (WASM's default: a third of the fp32 memory, and onnxruntime has
//            integer kernels there), as the stored 4-bit blocks (WebGPU's default) or in fp32
//            (see choosePrecision in lib/model/load-plan.ts)
//   fp32:    decoder.onnx as exported
import { compactDecoderModelExternal, EXTERNAL_WEIGHTS } from './compact-graph';
import type { Precision } from '@/lib/model/graph/precision';
import type { SessionOptions } from './ort';

export type WeightsVariant = 'compact' | 'fp32';

export interface SessionSource {
  onnx: Uint8Array;
  externalData?: NonNullable<SessionOptions['externalData']>;
  /** Graph plus external weights, in bytes. */
  graphBytes: number;
  /** What the matrices compute in. */
  precision: Precision;
}

/**
 * `file` is compact.safetensors for 'compact', decoder.onnx for 'fp32'; it may be dropped
 * afterwards. `precision` applies to 'compact' (decoder.onnx is fp32 as exported).
 */
export function sessionSource(variant: WeightsVariant, file: Uint8Array, precision: Precision = 'int8'): SessionSource {
  if (variant === 'fp32') return { onnx: file, graphBytes: file.byteLength, precision: 'fp32' };
  const m = compactDecoderModelExternal(file, { precision });
  return {
    onnx: m.onnx,
    externalData: [{ path: EXTERNAL_WEIGHTS, data: m.weights }],
    graphBytes: m.onnx.byteLength + m.weights.byteLength,
    precision,
  };
}
