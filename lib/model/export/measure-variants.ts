// Node: after an export, how far the compact weights are from decoder.onnx (fp32), in each precision
// the app can run them in. The result goes into manifest.json ("accuracy"), so the figures for the
// real GPT-2 are measured on the real weights the moment `npm run model:gpt2` exports them, and the
// app can show them next to the variant it loaded.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sessionSource } from '../session-source';
import { Decoder } from '../decoder';
import { createSession } from '../ort';
import { encode } from '@/lib/tokenizer';
import { ACCURACY_TEXT, compareWithReference, teacherForcedLogits, type VariantAccuracy } from '../variant-accuracy';
import type { Precision } from '@/lib/model/graph/precision';
import { parseManifest, type ManifestAccuracy } from '../manifest';
import { TokenMap } from '../token-map';

export type { ManifestAccuracy };

/**
 * Teacher-forced positions of the accuracy text (repeated as needed); with a token map, the text's
 * tokens the model has, as model ids (all of its vocabulary in order if it has none of them).
 */
export function accuracyTokens(positions: number, tokenMap?: TokenMap): number[] {
  let once = encode(ACCURACY_TEXT);
  if (tokenMap) {
    const known = once.filter((id) => tokenMap.has(id));
    once = known.length ? tokenMap.toModel(known) : Array.from(tokenMap.gpt2Ids.keys());
  }
  const out: number[] = [];
  while (out.length < positions) out.push(...once);
  return out.slice(0, positions);
}

/** Measures a model folder that has decoder.onnx and compact.safetensors, and records it in its manifest. */
export async function measureVariants(
  dir: string,
  positions = 128,
): Promise<ManifestAccuracy & { compact: Record<Precision, VariantAccuracy> }> {
  const manifest = parseManifest(await readFile(join(dir, 'manifest.json'), 'utf8'));
  const { decoder, compact } = manifest.files;
  if (!decoder || !compact) throw new Error(`${dir}: the manifest needs both decoder.onnx and compact.safetensors to compare them`);
  const config = manifest.config;
  // Compared in the model's own ids: a token map's −∞ logits would make every difference NaN.
  const tokenMap =
    manifest.files.token_map && TokenMap.parse(await readFile(join(dir, manifest.files.token_map.path), 'utf8'), config.vocabSize);
  const tokens = accuracyTokens(Math.min(positions, config.blockSize), tokenMap);
  // one session at a time: the reference's logits are kept (positions × V floats), its session is not
  const fp32 = await Decoder.load(await readFile(join(dir, decoder.path)), config);
  const reference = await teacherForcedLogits(fp32, tokens);
  await fp32.release();
  const compactBytes = await readFile(join(dir, compact.path));
  const result = {} as Record<Precision, VariantAccuracy>;
  for (const precision of ['fp32', 'int8', 'q4'] as const) {
    const src = sessionSource('compact', compactBytes, precision);
    const d = new Decoder(await createSession(src.onnx, { externalData: src.externalData }), config);
    result[precision] = await compareWithReference(reference, d, tokens);
    await d.release();
  }
  const accuracy = {
    text: 'the accuracy paragraph of lib/model/variant-accuracy.ts, teacher-forced',
    positions: tokens.length,
    compact: result,
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, accuracy }, null, 2) + '\n');
  return accuracy;
}
