// What a session is created from, for each file a plan can name (lib/model/load-plan.ts): the
// browser worker, the Node CLI and the Node benchmark all go through here, so they run the same
// graph the same way.
//   compact:    compact.safetensors → the decoder graph, weights passed as ONNX external data; its
//               matrices in int8 (WASM's default: a third of the fp32 memory, and onnxruntime has
//               integer kernels there), as the stored 4-bit blocks (WebGPU's default) or in fp32
//               (see choosePrecision in lib/model/load-plan.ts)
//   decoder:    decoder.onnx as exported
//   checkpoint: the original model.safetensors → the fp32 decoder graph (the numbers of decoder.onnx),
//               weights as external data; it needs the manifest's config
import { checkpointDecoderModelExternal } from './checkpoint-graph';
import { compactDecoderModelExternal } from './compact-graph';
import type { GPT2Config } from './config';
import { CheckpointError } from './errors';
import { EXTERNAL_WEIGHTS, type ExternalModel } from './external-graph';
import type { Precision } from '@/lib/model/graph/precision';
import type { WeightsFile } from './load-plan';
import type { SessionOptions } from './ort';

export type { WeightsFile };

export interface SessionSource {
  onnx: Uint8Array;
  externalData?: NonNullable<SessionOptions['externalData']>;
  /** Graph plus external weights, in bytes. */
  graphBytes: number;
  /** What the matrices compute in. */
  precision: Precision;
}

const external = (m: ExternalModel, precision: Precision): SessionSource => ({
  onnx: m.onnx,
  externalData: [{ path: EXTERNAL_WEIGHTS, data: m.weights }],
  graphBytes: m.onnx.byteLength + m.weights.byteLength,
  precision,
});

/**
 * `bytes` are compact.safetensors, decoder.onnx or model.safetensors, as `file` says; they may be
 * dropped afterwards. `precision` applies to 'compact' (the others are fp32); `config` is needed
 * for 'checkpoint' (the file has none).
 */
export function sessionSource(file: WeightsFile, bytes: Uint8Array, precision: Precision = 'int8', config?: GPT2Config): SessionSource {
  if (file === 'decoder') return { onnx: bytes, graphBytes: bytes.byteLength, precision: 'fp32' };
  if (file === 'checkpoint') {
    if (!config) throw new CheckpointError('building a graph from model.safetensors needs the model config (the manifest’s)');
    return external(checkpointDecoderModelExternal(bytes, config), 'fp32');
  }
  return external(compactDecoderModelExternal(bytes, { precision }), precision);
}
