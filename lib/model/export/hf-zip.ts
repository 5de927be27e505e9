// Browser-safe: a model trained in the page, downloadable as a Hugging Face checkpoint folder in a .zip:
//
//   <folder>/config.json         HF GPT2LMHeadModel config (the export's own config.json)
//   <folder>/model.safetensors   fp32 weights under HF names, Conv1D layout (../checkpoint.ts)
//   <folder>/token_map.json      model id → GPT-2 id, for a model with its own small vocabulary
//
// The same three files `writeCheckpointDir` (../checkpoint-files.ts) writes, so once unzipped,
// `npm run model:export -- --from <folder>` turns it back into an app model folder.

import { zipSync, type Zippable } from 'fflate';
import type { GPT2Config } from '../config';
import { weightsToTensors, type GPT2Weights } from '../checkpoint';
import { serializeSafetensors } from '../safetensors';
import { TOKEN_MAP_FILE, type TokenMap } from '../token-map';
import { hfConfigJson, tokenMapJson } from './folder-json';

export interface HFCheckpointFiles {
  /** config.json's bytes. */
  config: Uint8Array;
  /** model.safetensors' bytes (`checkpointSafetensors`). */
  safetensors: Uint8Array;
  /** token_map.json's bytes, when the model has its own vocabulary. */
  tokenMap?: Uint8Array;
}

/** model.safetensors as writeCheckpointDir writes it: F32 tensors in canonical order, metadata format "pt". */
export function checkpointSafetensors(config: GPT2Config, weights: GPT2Weights): Uint8Array {
  return serializeSafetensors(weightsToTensors(config, weights), { format: 'pt' });
}

/** A folder name from a model's name: lowercase ASCII letters, digits and dashes ("My model #2" → "my-model-2"). */
export function folderName(name: string): string {
  return (
    name
      .normalize('NFKD') // "é" → "e" + a combining accent, dropped next
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64) || 'my-gpt2'
  );
}

/**
 * The .zip's bytes, every file inside `folder`/ so that unzipping makes one folder. Entries carry a
 * fixed date: same files → same zip. The weights are stored, not deflated: trained float32 values
 * hardly compress, and deflating megabytes would hold up the page for nothing.
 */
export function hfFolderZip(folder: string, files: HFCheckpointFiles): Uint8Array {
  const dir = folderName(folder);
  const mtime = new Date(Date.UTC(2000, 0, 1));
  const tree: Zippable = {
    [`${dir}/config.json`]: [files.config, { mtime }],
    [`${dir}/model.safetensors`]: [files.safetensors, { mtime, level: 0 }],
  };
  if (files.tokenMap) tree[`${dir}/${TOKEN_MAP_FILE}`] = [files.tokenMap, { mtime }];
  return zipSync(tree);
}

/** Weights in memory (e.g. just trained) → the .zip and the name to save it under. */
export function checkpointZip(
  name: string,
  { config, weights, tokenMap }: { config: GPT2Config; weights: GPT2Weights; tokenMap?: TokenMap },
): { fileName: string; bytes: Uint8Array } {
  const bytes = hfFolderZip(name, {
    config: hfConfigJson(config, tokenMap),
    safetensors: checkpointSafetensors(config, weights),
    tokenMap: tokenMap && tokenMapJson(tokenMap),
  });
  return { fileName: `${folderName(name)}.zip`, bytes };
}
