// Which file a load fetches: compact.safetensors (the default when the manifest lists it: ≈ 18 % of
// the download, built into the decoder graph in the worker) or decoder.onnx (as exported); and what
// the graph built from compact weights computes in.

import { ModelCorruptError, type ManifestFile } from './model-files';
import type { Backend, ModelVariant, Precision, PrecisionChoice, VariantChoice } from './protocol';

export interface VariantPlan {
  variant: ModelVariant;
  entry: ManifestFile;
  /** Why the variant asked for is not the one loaded, for `ready.fellBack`. */
  note?: string;
}

export function chooseVariant(files: Record<string, ManifestFile>, want: VariantChoice = 'auto'): VariantPlan {
  if (files.compact && want !== 'fp32') return { variant: 'compact', entry: files.compact };
  if (!files.decoder) {
    throw new ModelCorruptError('manifest.json', want === 'fp32' ? 'it lists no decoder.onnx' : 'it lists neither compact.safetensors nor decoder.onnx');
  }
  return { variant: 'fp32', entry: files.decoder, note: want === 'compact' ? 'fp32 graph: the manifest lists no compact weights' : undefined };
}

/**
 * For compact weights: int8 on WASM (a quarter of the session memory; onnxruntime's CPU backend has
 * integer kernels), the 4-bit blocks as they are on WebGPU (it has 4-bit kernels; WASM does not),
 * or what is asked for. decoder.onnx is fp32 as exported.
 */
export function choosePrecision(variant: ModelVariant, backend: Backend, want: PrecisionChoice = 'auto'): Precision {
  if (variant === 'fp32') return 'fp32';
  if (want !== 'auto') return want;
  return backend === 'webgpu' ? 'q4' : 'int8';
}
