// An original GPT-2 checkpoint (the Hugging Face model.safetensors that `npm run model:gpt2`
// exported, fetched from the hub by a site that does not serve decoder.onnx) → the fp32 decoder
// graph, in the browser or in Node. It is the graph decoder.onnx holds, built by the same
// buildDecoderGraph over the same weights (checkpoint-graph.test.ts compares the logits), with the
// weights as ONNX external data (external-graph.ts).
//
// The checkpoint carries no config (config.json is a separate hub file): the manifest's, which the
// export read from the same checkpoint, gives the shapes; every tensor is checked against them.

import { checkedTensor, gpt2TensorSpecs, safetensorsLookup } from './checkpoint';
import type { GPT2Config } from './config';
import { externalDecoderModel, type ExternalModel } from './external-graph';
import { parseSafetensors } from './safetensors';

/** The fp32 decoder graph from model.safetensors bytes; a CheckpointError names a missing or misshapen tensor. */
export function checkpointDecoderModelExternal(bytes: Uint8Array, config: GPT2Config): ExternalModel {
  const lookup = safetensorsLookup(parseSafetensors(bytes));
  const specs = new Map(gpt2TensorSpecs(config).map((s) => [s.name, s]));
  return externalDecoderModel(config, { precision: 'fp32' }, (name) => {
    const spec = specs.get(name);
    return spec && checkedTensor(lookup, spec); // a view into `bytes` for aligned F32, else one converted copy
  });
}
