// One plan for loading a model, used by the browser worker, the Node CLI and the tests: which file
// (compact.safetensors, the default when the manifest lists it: ≈ 18 % of the download, built into
// the decoder graph at load; decoder.onnx as exported; or, asked for full precision on a site that
// leaves decoder.onnx out, the original model.safetensors from the Hugging Face hub, built into the
// same fp32 graph) and what its matrices compute in.

import type { Precision } from '@/lib/model/graph/precision';
import { ManifestError } from './errors';
import { hubFolderUrl } from './hub-source';
import type { Manifest, ManifestFile } from './manifest';
import type { VariantAccuracy } from './variant-accuracy';
import type { Backend } from './ort';

export type { Backend, Precision };
export type BackendChoice = Backend | 'auto';
/**
 * What the session's weights are: 'compact' = compact.safetensors (int8 embeddings, 4-bit blocks)
 * built into the decoder graph; 'fp32' = the exported weights exactly (decoder.onnx, or the
 * checkpoint it was exported from). 'auto' = compact when the manifest lists it.
 */
export type ModelVariant = 'compact' | 'fp32';
export type VariantChoice = ModelVariant | 'auto';
/**
 * What the matrices compute in: 'int8' (compact weights on WASM by default: a third of the fp32
 * memory; activations quantized per call), 'q4' (compact weights on WebGPU by default: the 4-bit
 * blocks as downloaded) or 'fp32' (decoder.onnx, or when asked for).
 */
export type PrecisionChoice = Precision | 'auto';

/** What choosePrecision reads of the export's accuracy record (manifest.json "accuracy"). */
type AccuracyRecord = { compact?: Partial<Record<Precision, Pick<VariantAccuracy, 'positions' | 'top1Agree'>>> };

/** The file a session is built from (lib/model/session-source.ts). */
export type WeightsFile = 'compact' | 'decoder' | 'checkpoint';

/** Who serves a checkpoint that is not in the model folder, as the status line names it. */
export const HUB_NAME = 'the Hugging Face hub';

export interface VariantPlan {
  variant: ModelVariant;
  file: WeightsFile;
  entry: ManifestFile;
  /** Where `entry.path` is when the model folder does not hold it: the hub's resolve folder. */
  baseUrl?: string;
  /** The status line's words for these weights, e.g. 'full-precision weights from the Hugging Face hub'. */
  label: string;
  /** Why the variant asked for is not the one loaded, for `ready.fellBack`. */
  note?: string;
}

/**
 * `hubUrl`: the build's HUB_URL; without it (the Node CLI) a hub source is never used.
 * 'auto' never picks the hub: a 500 MB download is the learner's choice, not a default.
 */
export function chooseVariant(manifest: Pick<Manifest, 'files' | 'source'>, want: VariantChoice = 'auto', hubUrl?: string): VariantPlan {
  const { files } = manifest;
  const hub = manifest.source?.hub;
  if (files.compact && want !== 'fp32') return { variant: 'compact', file: 'compact', entry: files.compact, label: 'compact weights' };
  // A site may leave decoder.onnx out (about 500 MB for GPT-2: over a static host's per-file limit).
  if (want === 'fp32' && !files.decoder && hub && hubUrl) {
    return {
      variant: 'fp32',
      file: 'checkpoint',
      entry: { path: hub.file, bytes: hub.bytes, sha256: hub.sha256 },
      baseUrl: hubFolderUrl(hubUrl, hub),
      label: `full-precision weights from ${HUB_NAME}`,
    };
  }
  if (files.compact && !files.decoder) {
    return {
      variant: 'compact',
      file: 'compact',
      entry: files.compact,
      label: 'compact weights',
      note: 'this site does not serve the full-precision decoder.onnx; compact weights',
    };
  }
  if (!files.decoder) throw new ManifestError('it lists neither compact.safetensors nor decoder.onnx');
  return {
    variant: 'fp32',
    file: 'decoder',
    entry: files.decoder,
    label: 'full-precision weights',
    note: want === 'compact' ? 'fp32 graph: the manifest lists no compact weights' : undefined,
  };
}

/** How many points of top-1 agreement int8 may lose against fp32 compute before it is not the default. */
export const INT8_MAX_AGREEMENT_LOSS = 0.05;

/**
 * For compact weights: int8 on WASM (a third of the fp32 weights' memory; onnxruntime's CPU backend has
 * integer kernels), the 4-bit blocks as they are on WebGPU (it has 4-bit kernels; WASM does not),
 * or what is asked for. decoder.onnx is fp32 as exported. The export measured each precision (see
 * export/measure-variants.ts): when int8 picks the fp32 graph's top token clearly less often than
 * fp32 compute of the same weights does, WASM computes in fp32 instead (more memory, the model as
 * exported).
 */
export function choosePrecision(
  variant: ModelVariant,
  backend: Backend,
  want: PrecisionChoice = 'auto',
  accuracy?: AccuracyRecord,
): Precision {
  if (variant === 'fp32') return 'fp32';
  if (want !== 'auto') return want;
  if (backend === 'webgpu') return 'q4';
  const int8 = accuracy?.compact?.int8;
  const fp32 = accuracy?.compact?.fp32;
  if (int8 && fp32 && int8.positions > 0 && fp32.positions > 0) {
    const loss = fp32.top1Agree / fp32.positions - int8.top1Agree / int8.positions;
    if (loss > INT8_MAX_AGREEMENT_LOSS + 1e-9) return 'fp32';
  }
  return 'int8';
}

export interface LoadPlan extends VariantPlan {
  precision: Precision;
  /** Set when the export's accuracy record changed the precision from the backend's default. */
  precisionNote?: string;
}

/** The whole plan: the file, and what it computes in on `backend`. `want.hubUrl` as for chooseVariant. */
export function planLoad(
  manifest: Pick<Manifest, 'files' | 'accuracy' | 'source'>,
  backend: Backend,
  want: { variant?: VariantChoice; precision?: PrecisionChoice; hubUrl?: string } = {},
): LoadPlan {
  const plan = chooseVariant(manifest, want.variant, want.hubUrl);
  const precision = choosePrecision(plan.variant, backend, want.precision, manifest.accuracy);
  const changed = precision !== choosePrecision(plan.variant, backend, want.precision);
  return {
    ...plan,
    precision,
    ...(changed ? { precisionNote: `${precision} compute: in the export’s accuracy check int8 picked the fp32 top token too rarely` } : {}),
  };
}
