// Node only: checkpoint folders on disk, HF layout (config.json + model.safetensors), plus
// token_map.json for a model with its own small vocabulary (token-map.ts).

import { open, readFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toHFConfig, type GPT2Config } from './config';
import { gpt2TensorSpecs, loadCheckpoint, type Checkpoint } from './checkpoint';
import { CheckpointError, SafetensorsError } from './errors';
import { safetensorsHeader, type TensorToWrite } from './safetensors';
import { TOKEN_MAP_FILE, TokenMap } from './token-map';

/** token_map.json of a model folder, checked against the config's vocab_size; undefined when absent. */
export async function readTokenMapFile(dir: string, vocabSize: number): Promise<TokenMap | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, TOKEN_MAP_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CheckpointError(`cannot read ${join(dir, TOKEN_MAP_FILE)}: ${(e as Error).message}`);
  }
  return TokenMap.parse(text, vocabSize);
}

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
  const checkpoint = loadCheckpoint(configJson, bytes);
  const tokenMap = await readTokenMapFile(dir, checkpoint.config.vocabSize);
  return tokenMap ? { ...checkpoint, tokenMap } : checkpoint;
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

/**
 * A HF-layout checkpoint folder from a stream of F32 tensors in `gpt2TensorSpecs` order, with
 * token_map.json when the model has its own vocabulary.
 */
export async function writeCheckpointDir(
  dir: string,
  config: GPT2Config,
  tensors: Iterable<TensorToWrite>,
  tokenMap?: TokenMap,
): Promise<{ config: number; safetensors: number }> {
  await mkdir(dir, { recursive: true });
  if (tokenMap && tokenMap.size !== config.vocabSize)
    throw new CheckpointError(`the token map has ${tokenMap.size} tokens, the config's vocab_size is ${config.vocabSize}`);
  const json = JSON.stringify(toHFConfig(config, tokenMap?.eot), null, 2) + '\n';
  await writeFile(join(dir, 'config.json'), json);
  if (tokenMap) await writeFile(join(dir, TOKEN_MAP_FILE), tokenMap.serialize());
  const specs = gpt2TensorSpecs(config).map((s) => ({ ...s, dtype: 'F32' as const }));
  const safetensors = await writeSafetensorsFile(join(dir, 'model.safetensors'), tensors, specs, { format: 'pt' });
  return { config: Buffer.byteLength(json), safetensors };
}
