// Node: a HF checkpoint folder (config.json + model.safetensors) → an app model folder. Shared by
// `npm run model:demo`, `model:export` and `model:gpt2`, so all three write the same layout.

import { copyFile, mkdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { readCheckpointDir } from '../checkpoint-files';
import { exportModel, type ExportVariant, type Manifest } from './export-model';
import { measureVariants } from './measure-variants';
import { writeTokenizerFiles } from '@/lib/tokenizer/hf-files';

const TOKENIZER_FILES: Record<string, string> = {
  tokenizer: 'tokenizer.json',
  tokenizer_config: 'tokenizer_config.json',
  vocab: 'vocab.json',
  merges: 'merges.txt',
};

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

export interface ExportFolderOptions {
  from: string;
  out: string;
  name?: string;
  demo?: boolean;
  variants?: ExportVariant[];
  onFile?: (path: string, bytes: number) => void;
  /** Told what is about to happen (the export and the accuracy check each take a while for 124M). */
  onStep?: (what: string) => void;
  /** Measure the compact weights against decoder.onnx into the manifest (default true). */
  measure?: boolean;
}

export async function exportFolder(opts: ExportFolderOptions): Promise<Manifest> {
  const { config, weights, tokenMap } = await readCheckpointDir(opts.from);
  await mkdir(opts.out, { recursive: true });
  // Tokenizer files: the checkpoint's own when it has them, else the project's.
  if (await exists(join(opts.from, 'tokenizer.json'))) {
    for (const file of Object.values(TOKENIZER_FILES)) {
      if (resolve(opts.from) !== resolve(opts.out) && (await exists(join(opts.from, file))))
        await copyFile(join(opts.from, file), join(opts.out, file));
    }
  } else {
    await writeTokenizerFiles(opts.out); // a tokenizer bug here fails the export, as it should
  }
  const include: Record<string, string> = {};
  for (const [role, file] of Object.entries(TOKENIZER_FILES)) if (await exists(join(opts.out, file))) include[role] = file;
  opts.onStep?.(`exporting into ${opts.out} (decoder.onnx, onnx/model.onnx, compact.safetensors)…`);
  const manifest = await exportModel({
    weights,
    config,
    outDir: opts.out,
    name: opts.name ?? basename(resolve(opts.out)),
    demo: opts.demo ?? false,
    variants: opts.variants,
    tokenMap,
    include,
  });
  for (const f of Object.values(manifest.files)) opts.onFile?.(f.path, f.bytes);
  if (opts.measure === false || !manifest.files.decoder || !manifest.files.compact) return manifest;
  opts.onStep?.('measuring the compact weights against decoder.onnx (fp32, int8 and 4-bit compute, 128 positions)…');
  return { ...manifest, accuracy: await measureVariants(opts.out) };
}
