// Shared bits of the model CLIs: byte formatting and the listing of what was written.

import type { Manifest } from '@/lib/model/export/export-model';
import type { ManifestAccuracy } from '@/lib/model/export/measure-variants';

export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} B`;
}

export function printManifest(dir: string, manifest: Manifest, extra: Record<string, number> = {}): void {
  const rows: [string, number][] = [
    ...Object.entries(extra),
    ...Object.values(manifest.files).map((f) => [f.path, f.bytes] as [string, number]),
  ];
  const width = Math.max(...rows.map(([p]) => p.length));
  const demo = manifest.trained
    ? `, demo: trained on ${manifest.trained.corpus}, validation loss ${manifest.trained.valLoss.toFixed(3)}`
    : ', demo: random weights';
  console.log(`${dir}/  (${manifest.name}${manifest.demo ? demo : ''})`);
  for (const [path, bytes] of rows) console.log(`  ${path.padEnd(width)}  ${formatBytes(bytes).padStart(9)}`);
  console.log(`  ${'manifest.json'.padEnd(width)}`);
  const hub = manifest.source?.hub;
  if (hub) console.log(`original weights: ${hub.repo} at ${hub.revision}, ${hub.file} (${formatBytes(hub.bytes)}), on the hub`);
  if (manifest.accuracy) printAccuracy(manifest.accuracy);
}

/** The export's accuracy record: compact weights in each precision against decoder.onnx. */
export function printAccuracy(a: ManifestAccuracy): void {
  console.log(`compact weights vs decoder.onnx (fp32), ${a.positions} teacher-forced positions:`);
  for (const [precision, r] of Object.entries(a.compact)) {
    console.log(
      `  ${precision} compute: top-1 agreement ${r.top1Agree}/${r.positions} (${((100 * r.top1Agree) / r.positions).toFixed(1)}%), max |logit error| ${r.maxLogitError.toPrecision(3)}, mean ${r.meanLogitError.toPrecision(3)} (max |logit| ${r.maxAbsLogit.toPrecision(3)})`,
    );
  }
}
