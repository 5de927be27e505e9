// Node: writes a model folder the app and Hugging Face tools can both read.
//
//   config.json             HF GPT2LMHeadModel config
//   generation_config.json  bos/eos = 50256 (the token map's id of it, for a model with one)
//   decoder.onnx            the app's fast graph (decoder-graph.ts)
//   onnx/model.onnx         Optimum layout, for transformers.js (optimum-graph.ts)
//   compact.safetensors     8-bit/4-bit weights for a small download, expanded to fp32 at load (compact.ts)
//   token_map.json          only for a model with its own small vocabulary (../token-map.ts)
//   manifest.json           { format, name, demo, config, files: { role: { path, bytes, sha256 } } } (../manifest.ts)
//                           (+ accuracy, when export-folder.ts measures the compact weights)
//
// Same weights → same bytes (no timestamps, fixed order). Hashing is injectable (the browser has
// crypto.subtle, Node has node:crypto).

import { createHash } from 'node:crypto';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EOT_TOKEN_ID, toHFConfig, validateConfig, type GPT2Config } from '../config';
import type { GPT2Weights } from '../checkpoint';
import { serializeCompact } from '../compact';
import { ExportError } from '../errors';
import { buildDecoderGraph } from '@/lib/model/graph/decoder-graph';
import { encodeModelChunks } from '@/lib/model/graph/graph-builder';
import { buildOptimumGraph } from './optimum-graph';
import { MANIFEST_FORMAT, type Manifest, type ManifestFile } from '../manifest';
import { TOKEN_MAP_FILE, type TokenMap } from '../token-map';

export type { Manifest, ManifestFile };

export type ExportVariant = 'decoder' | 'optimum' | 'compact';

export interface ExportOptions {
  weights: GPT2Weights;
  config: GPT2Config;
  outDir: string;
  /** What to write. Default all three. */
  variants?: ExportVariant[];
  /** Manifest name; default the folder's name. */
  name?: string;
  demo?: boolean;
  /** The model's vocabulary when it is not GPT-2's 50,257 tokens: written as token_map.json. */
  tokenMap?: TokenMap;
  /** Files already in outDir to list in the manifest too, role → relative path (e.g. tokenizer.json). */
  include?: Record<string, string>;
  sha256?: (bytes: Uint8Array) => Promise<string> | string;
  /** Called after each file is written. */
  onFile?: (role: string, file: ManifestFile) => void;
}

export const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function generationConfig(eotId = EOT_TOKEN_ID): Record<string, unknown> {
  return { _from_model_config: true, bos_token_id: eotId, eos_token_id: eotId };
}

export async function exportModel(opts: ExportOptions): Promise<Manifest> {
  const { weights, outDir } = opts;
  const config = validateConfig(opts.config);
  if (weights.h.length !== config.nLayer) throw new ExportError(`weights have ${weights.h.length} blocks, config says ${config.nLayer}`);
  const { tokenMap } = opts;
  if (tokenMap && tokenMap.size !== config.vocabSize)
    throw new ExportError(`the token map has ${tokenMap.size} tokens, the config's vocab_size is ${config.vocabSize}`);
  const variants = opts.variants ?? ['decoder', 'optimum', 'compact'];
  const files: Record<string, ManifestFile> = {};

  /** Writes the pieces one by one (a graph never exists as one buffer) and hashes as it goes. */
  const put = async (role: string, path: string, chunks: Iterable<Uint8Array>) => {
    const file = join(outDir, path);
    await mkdir(dirname(file), { recursive: true });
    const fh = await open(file, 'w');
    const h = createHash('sha256');
    let bytes = 0;
    try {
      for (const c of chunks) {
        await fh.write(c, 0, c.byteLength, bytes);
        if (!opts.sha256) h.update(c);
        bytes += c.byteLength;
      }
    } finally {
      await fh.close();
    }
    const sha256 = opts.sha256 ? await opts.sha256(await readFile(file)) : h.digest('hex');
    files[role] = { path, bytes, sha256 };
    opts.onFile?.(role, files[role]);
  };
  const json = (o: unknown) => [new TextEncoder().encode(JSON.stringify(o, null, 2) + '\n')];

  await put('config', 'config.json', json(toHFConfig(config, tokenMap?.eot)));
  await put('generation_config', 'generation_config.json', json(generationConfig(tokenMap?.eot)));
  if (tokenMap) await put('token_map', TOKEN_MAP_FILE, [new TextEncoder().encode(tokenMap.serialize())]);
  // Streamed: memory stays ≈ the weights plus one encoded tensor.
  if (variants.includes('decoder')) await put('decoder', 'decoder.onnx', encodeModelChunks(buildDecoderGraph(config, weights)));
  if (variants.includes('optimum')) await put('optimum', 'onnx/model.onnx', encodeModelChunks(buildOptimumGraph(config, weights)));
  if (variants.includes('compact')) await put('compact', 'compact.safetensors', [serializeCompact(config, weights)]);
  for (const [role, path] of Object.entries(opts.include ?? {})) {
    const bytes = await readFile(join(outDir, path));
    files[role] = { path, bytes: bytes.byteLength, sha256: await (opts.sha256 ?? nodeSha256)(bytes) };
  }

  const manifest: Manifest = { format: MANIFEST_FORMAT, name: opts.name ?? basename(outDir), demo: opts.demo ?? false, config, files };
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
