// The decoder graph with its weights outside the ONNX bytes, as onnxruntime's external data: one
// definition for every file the worker builds a graph from (compact.safetensors in
// compact-graph.ts, an original checkpoint in checkpoint-graph.ts).
//
// Why: encodeModel(buildDecoderGraph(weights)) holds the fp32 weights (498 MB for 124M) and their
// encoded copy (another 498 MB) at once, and onnxruntime-web then copies the whole model into its
// heap before copying the weights out of it. Here the graph is built over placeholder weights
// (views of one untouched scratch buffer: they cost address space, not memory), and each weight is
// written into its place in one buffer by the caller, one tensor at a time; onnxruntime-web copies
// each weight from that buffer straight into its tensor.

import { gpt2TensorSpecs, loadWeights } from './checkpoint';
import { Q4_BLOCK } from './compact';
import type { GPT2Config } from './config';
import { buildDecoderGraph, type DecoderGraphOptions } from '@/lib/model/graph/decoder-graph';
import { encodeModel, onnx, type ModelProto } from '@/lib/model/graph/graph-builder';
import type { Int8Source, Q4Source } from '@/lib/model/graph/precision';
import { numel } from './safetensors';

/** Name of the external weights file the graph refers to (ONNX external data "location"). */
export const EXTERNAL_WEIGHTS = 'weights.bin';

export interface ExternalModel {
  config: GPT2Config;
  /** The decoder graph's bytes, without the weights. */
  onnx: Uint8Array;
  /** Every weight initializer, concatenated; the graph points into it (EXTERNAL_WEIGHTS). */
  weights: Uint8Array;
}

/**
 * The bytes of one weight initializer of the graph, by initializer name (undefined: the source has
 * nothing for it). Called once per initializer, in the graph's order.
 */
export type WeightBytes = (name: string) => ArrayBufferView | undefined;

/** The decoder graph over placeholder weights (views of one untouched buffer): its layout, no values. */
function placeholderGraph(config: GPT2Config, opts: DecoderGraphOptions): ModelProto {
  const specs = new Map(gpt2TensorSpecs(config).map((s) => [s.name, s]));
  const largest = Math.max(...[...specs.values()].map((s) => numel(s.shape)));
  const scratch = new ArrayBuffer(4 * largest); // never written: the placeholders only give lengths
  const weights = loadWeights(config, (name) => {
    const shape = specs.get(name)!.shape;
    return { shape, data: new Float32Array(scratch, 0, numel(shape)) };
  });
  const int8: Int8Source = (name, K, N) => ({
    q: new Int8Array(scratch, 0, K * N),
    scale: new Float32Array(scratch, 0, name === 'wte.weight' ? K : N),
  }); // wte: one scale per row
  const q4: Q4Source = (_name, K, N) => {
    const nb = Math.ceil(K / Q4_BLOCK);
    return {
      q: new Uint8Array(scratch, 0, N * nb * (Q4_BLOCK / 2)),
      scales: new Float32Array(scratch, 0, N * nb),
      zeroPoints: new Uint8Array(scratch, 0, N * Math.ceil(nb / 2)),
    };
  };
  return buildDecoderGraph(config, weights, { ...opts, int8, q4 });
}

/**
 * The decoder graph for `config` built with `opts`, each weight initializer's bytes from `weightOf`
 * placed in one buffer that the graph refers to as external data. A weight of the wrong length is
 * a RangeError naming it.
 */
export function externalDecoderModel(config: GPT2Config, opts: DecoderGraphOptions, weightOf: WeightBytes): ExternalModel {
  const model = placeholderGraph(config, opts);
  const inits = (model.graph!.initializer ?? []).filter((t) => !t.name!.startsWith('const_')); // the graph's own constants stay inside
  let total = 0;
  const place = new Map<string, number>();
  for (const t of inits) {
    place.set(t.name!, total);
    total += (t.rawData as Uint8Array).byteLength;
  }
  const weights = new Uint8Array(total);
  for (const t of inits) {
    const offset = place.get(t.name!)!;
    const w = weightOf(t.name!); // one expanded tensor alive at a time
    if (!w) throw new RangeError(`the weights have nothing for initializer "${t.name}"`);
    const length = (t.rawData as Uint8Array).byteLength;
    if (w.byteLength !== length)
      throw new RangeError(`initializer "${t.name}": ${w.byteLength} bytes of weights, the graph declares ${length}`);
    weights.set(new Uint8Array(w.buffer, w.byteOffset, w.byteLength), offset);
    t.externalData = [
      { key: 'location', value: EXTERNAL_WEIGHTS },
      { key: 'offset', value: String(offset) },
      { key: 'length', value: String(length) },
    ];
    t.dataLocation = onnx.TensorProto.DataLocation.EXTERNAL;
    t.rawData = null;
  }
  return { config, onnx: encodeModel(model), weights };
}
