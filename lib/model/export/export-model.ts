// Node: writes a model folder the app and Hugging Face tools can both read. The files and the
// manifest come from export-files.ts (shared with the browser's export-memory.ts); this module only
// streams them to disk, hashes them as they go and adds files already in the folder (the tokenizer's).
//
// Hashing is injectable (the browser has crypto.subtle, Node has node:crypto).

import { createHash } from 'node:crypto';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { GPT2Config } from '../config';
import type { GPT2Weights } from '../checkpoint';
import type { Manifest, ManifestFile } from '../manifest';
import type { TokenMap } from '../token-map';
import { exportModelFiles, type ExportSink, type ExportVariant } from './export-files';
import { serializeManifest } from './folder-json';

export type { ExportVariant, Manifest, ManifestFile };
export { generationConfig } from './folder-json';

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

/** Each file written piece by piece at its offset, hashed on the way (or read back for an injected hash). */
export function folderSink(outDir: string, sha256?: ExportOptions['sha256']): ExportSink {
  return {
    async put(_role, path, chunks) {
      const file = join(outDir, path);
      await mkdir(dirname(file), { recursive: true });
      const fh = await open(file, 'w');
      const h = createHash('sha256');
      let bytes = 0;
      try {
        for (const c of chunks) {
          await fh.write(c, 0, c.byteLength, bytes);
          if (!sha256) h.update(c);
          bytes += c.byteLength;
        }
      } finally {
        await fh.close();
      }
      return { path, bytes, sha256: sha256 ? await sha256(await readFile(file)) : h.digest('hex') };
    },
  };
}

export async function exportModel(opts: ExportOptions): Promise<Manifest> {
  const { outDir } = opts;
  const manifest = await exportModelFiles(folderSink(outDir, opts.sha256), {
    weights: opts.weights,
    config: opts.config,
    name: opts.name ?? basename(outDir),
    demo: opts.demo,
    variants: opts.variants,
    tokenMap: opts.tokenMap,
    onFile: opts.onFile,
  });
  for (const [role, path] of Object.entries(opts.include ?? {})) {
    const bytes = await readFile(join(outDir, path));
    manifest.files[role] = { path, bytes: bytes.byteLength, sha256: await (opts.sha256 ?? nodeSha256)(bytes) };
  }
  await writeFile(join(outDir, 'manifest.json'), serializeManifest(manifest));
  return manifest;
}
