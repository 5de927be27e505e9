// compact.safetensors → the decoder graph, in the browser or in Node: the same buildDecoderGraph
// the exporter uses, with the weights as ONNX external data in one buffer (external-graph.ts says
// why). Each weight is dequantized with compact.ts's own functions and written into its place one
// tensor at a time. The session computes exactly what encodeModel(buildDecoderGraph(expandCompact(
// file))) computes (compact-graph.test.ts compares the logits).
//
// With `precision: 'int8'` (the CPU default) the matrices are not expanded to fp32 but to int8 with
// one scale per column (int8.ts): the session then holds ≈ 166 MB of weights for 124M (wte twice,
// see graph/layers.ts), not 498 MB. With 'q4' (WebGPU) the 4-bit blocks go in as stored.

import { gpt2TensorSpecs } from './checkpoint';
import { compactTensor, expandCompactTensor, isLinearWeight, openCompact, q4ToInt8Columns } from './compact';
import type { GPT2Config } from './config';
import { EXTERNAL_WEIGHTS, externalDecoderModel, type ExternalModel, type WeightBytes } from './external-graph';
import type { DecoderGraphOptions } from '@/lib/model/graph/decoder-graph';
import { lmHeadBlocks, withLmHeadBlocks, type Int8Source } from '@/lib/model/graph/precision';
import { quantizeColumns, type Int8Matrix } from './int8';
import { toFloat32, type SafetensorsFile } from './safetensors';

export { EXTERNAL_WEIGHTS };

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
function compactWeightBytes(file: SafetensorsFile, config: GPT2Config, opts: DecoderGraphOptions): WeightBytes {
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

/**
 * The decoder graph from compact.safetensors, its weights built in the precision asked for and
 * kept out of the ONNX bytes: the graph's weight initializers are ONNX external data in `weights`
 * (EXTERNAL_WEIGHTS).
 */
export function compactDecoderModelExternal(bytes: Uint8Array, opts: DecoderGraphOptions = {}): ExternalModel {
  const { config, file } = openCompact(bytes);
  return externalDecoderModel(config, opts, compactWeightBytes(file, config, opts));
}
