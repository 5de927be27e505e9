// Node only: checkpoint folders on disk, HF layout (config.json + model.safetensors).

import { open, readFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toHFConfig, type GPT2Config } from './config';
import { gpt2TensorSpecs, loadCheckpoint, type Checkpoint } from './checkpoint';
import { CheckpointError, SafetensorsError } from './errors';
import { safetensorsHeader, type TensorToWrite } from './safetensors';

/** Reads `config.json` + `model.safetensors` from a folder. */
export async function readCheckpointDir(dir: string): Promise<Checkpoint> {
  let configJson: Record<string, unknown>;
  try {
    configJson = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
  } catch (e) {
    throw new CheckpointError(`cannot read ${join(dir, 'config.json')}: ${(e as Error).message}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(dir, 'model.safetensors'));
  } catch (e) {
    throw new CheckpointError(`cannot read ${join(dir, 'model.safetensors')}: ${(e as Error).message}`);
  }
  return loadCheckpoint(configJson, bytes);
}

/**
 * Writes a safetensors file tensor by tensor: the header first (from the specs), then each tensor as
 * the iterable produces it, so only one tensor need be in memory. Tensors must come in spec order.
 */
export async function writeSafetensorsFile(
  path: string,
  tensors: Iterable<TensorToWrite>,
  specs: Omit<TensorToWrite, 'data'>[],
  metadata?: Record<string, string>,
): Promise<number> {
  const { header, offsets, dataBytes } = safetensorsHeader(specs, metadata);
  const fh = await open(path, 'w');
  try {
    await fh.write(header, 0, header.byteLength, 0);
    let i = 0;
    for (const t of tensors) {
      const spec = specs[i];
      if (!spec || spec.name !== t.name) throw new SafetensorsError(`tensor "${t.name}" arrived out of order (expected "${spec?.name}")`);
      const bytes = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
      await fh.write(bytes, 0, bytes.byteLength, header.byteLength + offsets[i]);
      i++;
    }
    if (i !== specs.length) throw new SafetensorsError(`only ${i} of ${specs.length} tensors were written`);
  } finally {
    await fh.close();
  }
  return header.byteLength + dataBytes;
}

/** A HF-layout checkpoint folder from a stream of F32 tensors in `gpt2TensorSpecs` order. */
export async function writeCheckpointDir(
  dir: string,
  config: GPT2Config,
  tensors: Iterable<TensorToWrite>,
): Promise<{ config: number; safetensors: number }> {
  await mkdir(dir, { recursive: true });
  const json = JSON.stringify(toHFConfig(config), null, 2) + '\n';
  await writeFile(join(dir, 'config.json'), json);
  const specs = gpt2TensorSpecs(config).map((s) => ({ ...s, dtype: 'F32' as const }));
  const safetensors = await writeSafetensorsFile(join(dir, 'model.safetensors'), tensors, specs, { format: 'pt' });
  return { config: Buffer.byteLength(json), safetensors };
}
