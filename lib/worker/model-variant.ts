// Which file a load fetches: compact.safetensors (the default when the manifest lists it: ≈ 18 % of
// the download, expanded to the fp32 graph in the worker) or decoder.onnx (as exported).

import { ModelCorruptError, type ManifestFile } from './model-files';
import type { ModelVariant, VariantChoice } from './protocol';

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
