// What a session is created from, for either weights variant: the browser worker, the Node CLI and
// the Node benchmark all go through here, so they run the same graph the same way.
//   compact: compact.safetensors → the fp32 decoder graph, weights passed as ONNX external data
//   fp32:    decoder.onnx as exported
import { compactDecoderModelExternal, EXTERNAL_WEIGHTS } from './compact-graph';
import type { LensWeights } from './logit-lens';
import type { SessionOptions } from './ort';

export type WeightsVariant = 'compact' | 'fp32';

export interface SessionSource {
  onnx: Uint8Array;
  externalData?: NonNullable<SessionOptions['externalData']>;
  /** ln_f and the int8 wte for the logit lens: only the compact weights keep them. */
  lens: LensWeights | null;
  /** Graph plus external weights, in bytes. */
  graphBytes: number;
}

/** `file` is compact.safetensors for 'compact', decoder.onnx for 'fp32'; it may be dropped afterwards. */
export function sessionSource(variant: WeightsVariant, file: Uint8Array): SessionSource {
  if (variant === 'fp32') return { onnx: file, lens: null, graphBytes: file.byteLength };
  const m = compactDecoderModelExternal(file);
  return {
    onnx: m.onnx,
    externalData: [{ path: EXTERNAL_WEIGHTS, data: m.weights }],
    lens: m.lens,
    graphBytes: m.onnx.byteLength + m.weights.byteLength,
  };
}
