// A model just trained in this browser (lib/train's weights) → exported in memory and kept in the
// browser's model store, in one call. Apart from my-models.ts because it pulls in the ONNX graph
// builders: the trainer's worker calls it, the page only lists, loads and deletes.

import type { GPT2Config } from '@/lib/model/config';
import type { GPT2Weights } from '@/lib/model/checkpoint';
import { exportToMemory } from '@/lib/model/export/export-memory';
import { checkpointSafetensors } from '@/lib/model/export/hf-zip';
import type { TokenMap } from '@/lib/model/token-map';
import { saveMyModel, type MyModel, type MyModelMeta } from './my-models';

export interface TrainedModel {
  config: GPT2Config;
  weights: GPT2Weights;
  /** The corpus's vocabulary (lib/train's corpus.tokenMap). */
  tokenMap?: TokenMap;
  meta: MyModelMeta;
}

/** Exports decoder.onnx + compact.safetensors (and model.safetensors for the download) and keeps them. */
export async function keepTrainedModel(model: TrainedModel, siteHref?: string): Promise<MyModel> {
  const { config, weights, tokenMap, meta } = model;
  const { manifest, files } = await exportToMemory({ weights, config, tokenMap, name: meta.name });
  return saveMyModel({ manifest, files, checkpoint: checkpointSafetensors(config, weights), meta }, siteHref);
}
