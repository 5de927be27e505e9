// Browser-safe: a model folder in memory, for a model trained in the page (lib/train) that is kept in
// Cache Storage (lib/worker/my-models.ts) rather than written to disk. Same files, bytes and manifest
// as export-model.ts writes for the same weights (export-memory.test.ts checks it).

import type { GPT2Config } from '../config';
import type { GPT2Weights } from '../checkpoint';
import type { Manifest, ManifestFile } from '../manifest';
import { sha256Hex } from '../sha256';
import type { TokenMap } from '../token-map';
import { exportModelFiles, type ExportSink, type ExportVariant } from './export-files';

export interface MemoryExportOptions {
  weights: GPT2Weights;
  config: GPT2Config;
  name: string;
  tokenMap?: TokenMap;
  /**
   * Default decoder.onnx and compact.safetensors: the worker loads one or the other (load-plan.ts);
   * the Optimum graph is only for transformers.js, which never sees a model kept in the browser.
   */
  variants?: readonly ExportVariant[];
  onFile?: (role: string, file: ManifestFile) => void;
}

export interface ModelInMemory {
  manifest: Manifest;
  /** path (as in the manifest) → the file's bytes. */
  files: Map<string, Uint8Array>;
}

export const BROWSER_VARIANTS: readonly ExportVariant[] = ['decoder', 'compact'];

/** Joins each file's chunks into one buffer (crypto.subtle hashes whole buffers only). */
export function memorySink(files: Map<string, Uint8Array>): ExportSink {
  return {
    async put(_role, path, chunks) {
      const parts = [...chunks];
      const bytes = new Uint8Array(parts.reduce((n, c) => n + c.byteLength, 0));
      parts.reduce((at, c) => (bytes.set(c, at), at + c.byteLength), 0);
      files.set(path, bytes);
      return { path, bytes: bytes.byteLength, sha256: await sha256Hex(bytes) };
    },
  };
}

export async function exportToMemory(opts: MemoryExportOptions): Promise<ModelInMemory> {
  const files = new Map<string, Uint8Array>();
  const manifest = await exportModelFiles(memorySink(files), { ...opts, variants: opts.variants ?? BROWSER_VARIANTS, demo: false });
  return { manifest, files };
}
