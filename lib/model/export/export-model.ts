// Node: writes a model folder the app and Hugging Face tools can both read.
//
//   config.json             HF GPT2LMHeadModel config
//   generation_config.json  bos/eos = 50256
//   decoder.onnx            the app's fast graph (decoder-graph.ts)
//   onnx/model.onnx         Optimum layout, for transformers.js (optimum-graph.ts)
//   compact.safetensors     8-bit/4-bit weights for a small download, expanded to fp32 at load (compact.ts)
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
  /** Files already in outDir to list in the manifest too, role → relative path (e.g. tokenizer.json). */
  include?: Record<string, string>;
  sha256?: (bytes: Uint8Array) => Promise<string> | string;
  /** Called after each file is written. */
  onFile?: (role: string, file: ManifestFile) => void;
}

export const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function generationConfig(): Record<string, unknown> {
  return { _from_model_config: true, bos_token_id: EOT_TOKEN_ID, eos_token_id: EOT_TOKEN_ID };
}

export async function exportModel(opts: ExportOptions): Promise<Manifest> {
  const { weights, outDir } = opts;
  const config = validateConfig(opts.config);
  if (weights.h.length !== config.nLayer) throw new ExportError(`weights have ${weights.h.length} blocks, config says ${config.nLayer}`);
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

  await put('config', 'config.json', json(toHFConfig(config)));
  await put('generation_config', 'generation_config.json', json(generationConfig()));
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
