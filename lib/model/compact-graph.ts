// compact.safetensors → the decoder graph, in the browser or in Node: the same buildDecoderGraph
// the exporter uses, with the weights as ONNX external data in one buffer.
//
// Why not encodeModel(buildDecoderGraph(expandCompact(file))): that holds the fp32 weights (498 MB
// for 124M) and their encoded copy (another 498 MB) at once. Here the graph is built over
// placeholder weights (views of one untouched scratch buffer, so they cost address space, not
// memory), and each weight is dequantized with compact.ts's own functions and written into its
// place in the weights buffer one tensor at a time. The session computes exactly what the
// encodeModel path computes (compact-graph.test.ts compares the logits).
//
// With `precision: 'int8'` (the CPU default) the matrices are not expanded to fp32 but to int8 with
// one scale per column (int8.ts): the session then holds ≈ 166 MB of weights for 124M (wte twice,
// see graph/layers.ts), not 498 MB. With 'q4' (WebGPU) the 4-bit blocks go in as stored.

import { gpt2TensorSpecs, loadWeights } from './checkpoint';
import { compactTensor, expandCompactTensor, isLinearWeight, openCompact, Q4_BLOCK, q4ToInt8Columns } from './compact';
import type { GPT2Config } from './config';
import { buildDecoderGraph, type DecoderGraphOptions } from '@/lib/model/graph/decoder-graph';
import { encodeModel, onnx, type ModelProto } from '@/lib/model/graph/graph-builder';
import { lmHeadBlocks, withLmHeadBlocks, type Int8Source, type Q4Source } from '@/lib/model/graph/precision';
import { quantizeColumns, type Int8Matrix } from './int8';
import { numel, toFloat32, type SafetensorsFile } from './safetensors';

export interface CompactModel {
  config: GPT2Config;
  /** The decoder graph's bytes, its weights built from the compact file in the precision asked for. */
  onnx: Uint8Array;
}

/**
 * int8 matrices straight from the compact file (for `precision: 'int8'`): wte is its int8 rows and
 * their scales as they are (exactly the compact embedding; the output-projection blocks are those
 * rows transposed), and each 4-bit block matrix is requantized to one int8 scale per column.
 */
export function int8FromCompact(file: SafetensorsFile, config: GPT2Config): Int8Source {
  let rows: Int8Matrix | null = null;
  const wteRows = () => {
    if (rows) return rows;
    const q = compactTensor(file, 'wte.weight.q8').bytes;
    return (rows = { q: new Int8Array(q.buffer, q.byteOffset, q.byteLength), scale: toFloat32(compactTensor(file, 'wte.weight.scales')) });
  };
  return withLmHeadBlocks(config, wteRows, (name, K, N) => {
    if (name === 'wte.weight') return wteRows();
    if (file.tensors.has(name + '.q4')) {
      const t = (suffix: string) => compactTensor(file, name + suffix);
      return q4ToInt8Columns(t('.q4').bytes, toFloat32(t('.scales')), t('.zero_points').bytes, K, N);
    }
    return quantizeColumns(expandCompactTensor(file, { name, shape: [K, N] }), K, N);
  });
}

/**
 * The bytes of each weight initializer of the decoder graph built with `opts`, by initializer name
 * (undefined for the graph's own small constants). Meant to be called in initializer order: an
 * int8 matrix is computed once for its values and the '_scale' that follows them.
 */
function compactWeightBytes(
  file: SafetensorsFile,
  config: GPT2Config,
  opts: DecoderGraphOptions,
): (name: string) => ArrayBufferView | undefined {
  const specs = new Map(gpt2TensorSpecs(config).map((s) => [s.name, s]));
  const blocks = new Map(lmHeadBlocks(config.vocabSize).map((b) => [b.name, b]));
  const int8 = int8FromCompact(file, config);
  const shapeOf = (name: string): number[] => {
    if (name === 'wte.weight') return [config.vocabSize, config.nEmbd];
    const block = blocks.get(name);
    return block ? [config.nEmbd, block.hi - block.lo] : specs.get(name)!.shape;
  };
  let last: { name: string; m: Int8Matrix } | null = null;
  const matrix = (name: string) => {
    if (last?.name !== name) {
      const [K, N] = shapeOf(name);
      last = null; // let the previous matrix go before the next one is built
      last = { name, m: int8(name, K, N) };
    }
    return last.m;
  };
  return (name) => {
    if (opts.precision === 'q4') {
      // the 4-bit blocks as stored; only the scales widen from fp16 to fp32
      const t = file.tensors.get(name);
      if (t && /\.(q4|zero_points)$/.test(name)) return t.bytes;
      if (t && name.endsWith('.scales')) return toFloat32(t);
    }
    if (opts.precision === 'int8') {
      if (name === 'wte.weight_q') return matrix('wte.weight').q;
      if (name.endsWith('_scale')) return matrix(name.slice(0, -'_scale'.length)).scale;
      if (isLinearWeight(name) || blocks.has(name)) return matrix(name).q;
    }
    return specs.has(name) ? expandCompactTensor(file, specs.get(name)!) : undefined;
  };
}

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

/** Name of the external weights file the graph of compactDecoderModelExternal refers to. */
export const EXTERNAL_WEIGHTS = 'weights.bin';

export interface CompactExternalModel extends CompactModel {
  /** Every weight initializer, concatenated; the graph points into it (ONNX external data). */
  weights: Uint8Array;
}

/**
 * The decoder graph from compact.safetensors, its weights not inside the ONNX bytes: the graph's
 * weight initializers are ONNX external data in `weights` (EXTERNAL_WEIGHTS). onnxruntime-web then
 * copies each weight from this buffer straight into its tensor, instead of first copying a 500 MB
 * model into its heap and the weights out of it, which lowers the peak memory of session creation.
 */
export function compactDecoderModelExternal(bytes: Uint8Array, opts: DecoderGraphOptions = {}): CompactExternalModel {
  const { config, file } = openCompact(bytes);
  const model = placeholderGraph(config, opts);
  const weightOf = compactWeightBytes(file, config, opts);
  const inits = (model.graph!.initializer ?? []).filter((t) => !t.name!.startsWith('const_'));
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
    if (!w) throw new RangeError(`compact weights have nothing for initializer "${t.name}"`);
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
