// npm run model:gpt2 [-- --repo owner/name --revision main]
// Downloads openai-community/gpt2 into models/.cache/gpt2/ (resumable, verified against the hub's
// hashes) at the commit `--revision` points at now, exports it into models/gpt2/ and records in its
// manifest where model.safetensors is on the hub (source.hub: repo, commit, size, sha256), so a site
// that leaves decoder.onnx out can still offer the exact fp32 graph. Offline it fails within seconds
// and says what to do.

import { join } from 'node:path';
import { exportFolder } from '@/lib/model/export/export-folder';
import { recordHubSource } from '@/lib/model/export/hub-source-record';
import { downloadRepoFiles, fetchWithTimeout, formatProgress, resolveCommit, type Progress } from '@/lib/model/hub-download';
import { intFlag, parseFlags, runCli } from './cli-flags';
import { printManifest } from './model-cli';

const FLAGS = {
  repo: { type: 'string', default: 'openai-community/gpt2' },
  revision: { type: 'string', default: 'main' },
  cache: { type: 'string', default: 'models/.cache/gpt2' },
  out: { type: 'string', default: 'models/gpt2' },
  timeout: { type: 'string' },
} as const;
const FILES = [
  'config.json',
  'generation_config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'vocab.json',
  'merges.txt',
  'model.safetensors',
];

let current = '';
let started = 0;
let startBytes = 0;
let lastDraw = 0;
function onProgress(p: Progress) {
  const now = performance.now();
  if (p.file !== current) {
    if (current) process.stderr.write('\n');
    current = p.file;
    started = now;
    startBytes = p.loaded; // a resumed file starts part-way
  }
  if (now - lastDraw < 200 && p.loaded < p.total) return;
  lastDraw = now;
  process.stderr.write(`\r${formatProgress(p, now - started, startBytes)}   `);
}

runCli(async () => {
  const { values } = parseFlags(FLAGS, process.argv.slice(2));
  const timeoutMs = intFlag('timeout', values.timeout, 15_000, 100, 600_000);
  try {
    const repo = values.repo!;
    const commit = await resolveCommit(repo, values.revision, { fetch: fetchWithTimeout(timeoutMs) });
    const files = await downloadRepoFiles({ repo, revision: commit, paths: FILES, dir: values.cache!, timeoutMs, onProgress });
    if (current) process.stderr.write('\n');
    console.log(`${values.cache}: ${files.length} files verified (${repo} at commit ${commit})`);
    await exportFolder({
      from: values.cache!,
      out: values.out!,
      name: 'gpt2',
      demo: false,
      onStep: (s) => console.error(s),
    });
    const manifest = await recordHubSource(values.out!, join(values.cache!, 'model.safetensors'), { repo, revision: commit });
    printManifest(values.out!, manifest);
  } catch (e) {
    if (current) process.stderr.write('\n');
    throw e; // HubDownloadError messages say what to do; runCli prints them on one line
  }
});
