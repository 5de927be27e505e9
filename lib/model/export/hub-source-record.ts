// Node: records in a model folder's manifest.json where the checkpoint it was exported from lives on
// the hub (manifest `source.hub`, lib/model/hub-source.ts), so a site that leaves decoder.onnx out
// can still offer the exact fp32 graph. Size and sha256 come from the file itself, the one the
// export read: the browser checks its download against them.

import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { hashFile } from '../hub-download';
import { parseHubSource } from '../hub-source';
import { parseManifest, type Manifest } from '../manifest';

/**
 * Adds `source.hub` for `checkpoint` (a model.safetensors at the top of `at.repo`, commit
 * `at.revision`) to `modelDir`/manifest.json. The file is rewritten only when the record changes,
 * so a build that compares modification times does not start again for nothing.
 */
export async function recordHubSource(modelDir: string, checkpoint: string, at: { repo: string; revision: string }): Promise<Manifest> {
  const path = join(modelDir, 'manifest.json');
  const before = await readFile(path, 'utf8');
  const manifest = parseManifest(before);
  const hub = parseHubSource({
    repo: at.repo,
    revision: at.revision,
    file: basename(checkpoint),
    bytes: (await stat(checkpoint)).size,
    sha256: await hashFile(checkpoint, 'sha256'),
  });
  const recorded: Manifest = { ...manifest, source: { hub } };
  const text = JSON.stringify(recorded, null, 2) + '\n';
  if (text !== before) await writeFile(path, text);
  return recorded;
}
