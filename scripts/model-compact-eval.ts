// tsx scripts/model-compact-eval.ts [--model models/demo] [--positions 256]
// Accuracy of compact.safetensors (8-bit embeddings, 4-bit blocks), run in fp32 and in int8, against
// the fp32 decoder.onnx of the same folder: teacher-forced through a fixed paragraph, next-token
// logits compared at every position (lib/model/variant-accuracy.ts). The export does the same with
// 128 positions and records it in manifest.json; this re-measures a folder, e.g. with more positions.

import { measureVariants } from '@/lib/model/export/measure-variants';
import { intFlag, parseFlags, runCli } from './cli-flags';
import { printAccuracy } from './model-cli';

runCli(async () => {
  const { values } = parseFlags(
    { model: { type: 'string', default: 'models/demo' }, positions: { type: 'string' } },
    process.argv.slice(2),
  );
  const positions = intFlag('positions', values.positions, 256, 1, 100_000);
  const t0 = performance.now();
  printAccuracy(await measureVariants(values.model!, positions));
  console.log(`  (${values.model}: ${((performance.now() - t0) / 1000).toFixed(1)} s; manifest.json updated)`);
});
