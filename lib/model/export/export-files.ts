// Browser-safe: the files of an app model folder, in order, handed to a sink that keeps them (a
// folder on disk in Node: export-model.ts; memory in the browser: export-memory.ts).
//
//   config.json             HF GPT2LMHeadModel config
//   generation_config.json  bos/eos = 50256 (the token map's id of it, for a model with one)
//   token_map.json          only for a model with its own small vocabulary (../token-map.ts)
//   decoder.onnx            the app's fast graph (decoder-graph.ts)
//   onnx/model.onnx         Optimum layout, for transformers.js (optimum-graph.ts)
//   compact.safetensors     8-bit/4-bit weights for a small download, expanded to fp32 at load (compact.ts)
//
// manifest.json, { format, name, demo, config, files: { role: { path, bytes, sha256 } } }, lists them
// (../manifest.ts). Same weights → same bytes (no timestamps, fixed order), whichever the sink.

import { validateConfig, type GPT2Config } from '../config';
import type { GPT2Weights } from '../checkpoint';
import { serializeCompact } from '../compact';
import { ExportError } from '../errors';
import { buildDecoderGraph } from '@/lib/model/graph/decoder-graph';
import { encodeModelChunks } from '@/lib/model/graph/graph-builder';
import { generationConfigJson, hfConfigJson, tokenMapJson } from './folder-json';
import { buildOptimumGraph } from './optimum-graph';
import { MANIFEST_FORMAT, type Manifest, type ManifestFile } from '../manifest';
import { TOKEN_MAP_FILE, type TokenMap } from '../token-map';

export type ExportVariant = 'decoder' | 'optimum' | 'compact';

export const ALL_VARIANTS: readonly ExportVariant[] = ['decoder', 'optimum', 'compact'];

/** Where the files go. `chunks` arrive lazily (a graph never exists as one buffer); the sink hashes them. */
export interface ExportSink {
  put(role: string, path: string, chunks: Iterable<Uint8Array>): Promise<ManifestFile>;
}

export interface ModelFilesOptions {
  weights: GPT2Weights;
  config: GPT2Config;
  /** The manifest's name. */
  name: string;
  /** Random weights: the UI must say so. Default false. */
  demo?: boolean;
  /** What to write. Default all three. */
  variants?: readonly ExportVariant[];
  /** The model's vocabulary when it is not GPT-2's 50,257 tokens: written as token_map.json. */
  tokenMap?: TokenMap;
  /** Called after each file is kept. */
  onFile?: (role: string, file: ManifestFile) => void;
}

/** Writes every file of the model into `sink`; returns the manifest that lists them, in write order. */
export async function exportModelFiles(sink: ExportSink, opts: ModelFilesOptions): Promise<Manifest> {
  const { weights, tokenMap } = opts;
  const config = validateConfig(opts.config);
  if (weights.h.length !== config.nLayer) throw new ExportError(`weights have ${weights.h.length} blocks, config says ${config.nLayer}`);
  if (tokenMap && tokenMap.size !== config.vocabSize)
    throw new ExportError(`the token map has ${tokenMap.size} tokens, the config's vocab_size is ${config.vocabSize}`);
  const variants = opts.variants ?? ALL_VARIANTS;
  const files: Record<string, ManifestFile> = {};

  const put = async (role: string, path: string, chunks: Iterable<Uint8Array>) => {
    files[role] = await sink.put(role, path, chunks);
    opts.onFile?.(role, files[role]);
  };
  await put('config', 'config.json', [hfConfigJson(config, tokenMap)]);
  await put('generation_config', 'generation_config.json', [generationConfigJson(tokenMap)]);
  if (tokenMap) await put('token_map', TOKEN_MAP_FILE, [tokenMapJson(tokenMap)]);
  // Streamed: memory stays ≈ the weights plus one encoded tensor (for a sink that does not collect).
  if (variants.includes('decoder')) await put('decoder', 'decoder.onnx', encodeModelChunks(buildDecoderGraph(config, weights)));
  if (variants.includes('optimum')) await put('optimum', 'onnx/model.onnx', encodeModelChunks(buildOptimumGraph(config, weights)));
  if (variants.includes('compact')) await put('compact', 'compact.safetensors', [serializeCompact(config, weights)]);
  return { format: MANIFEST_FORMAT, name: opts.name, demo: opts.demo ?? false, config, files };
}
