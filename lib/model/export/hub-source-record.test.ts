import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManifestError } from '../errors';
import { parseManifest } from '../manifest';
import { recordHubSource } from './hub-source-record';

const manifest = {
  format: 1,
  name: 'demo',
  demo: true,
  config: { blockSize: 64, vocabSize: 50257, nLayer: 2, nHead: 2, nEmbd: 64 },
  files: { compact: { path: 'compact.safetensors', bytes: 10, sha256: 'a'.repeat(64) } },
};
const checkpoint = Uint8Array.from({ length: 5000 }, (_, i) => (i * 31) & 0xff);
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-source-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(join(dir, 'model.safetensors'), checkpoint);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('recordHubSource', () => {
  it('writes source.hub with the file’s own size and sha256, read back by the one manifest reader', async () => {
    const at = { repo: 'openai-community/gpt2', revision: '607a30d783dfa663caf39e06633721c8d4cfcd7e' };
    await recordHubSource(dir, join(dir, 'model.safetensors'), at);
    const read = parseManifest(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(read.source).toEqual({
      hub: { ...at, file: 'model.safetensors', bytes: 5000, sha256: createHash('sha256').update(checkpoint).digest('hex') },
    });
    expect(read.files).toEqual(manifest.files); // the rest as it was
  });

  it('leaves the file untouched when the record is already there', async () => {
    const at = { repo: 'local/demo', revision: 'main' };
    await recordHubSource(dir, join(dir, 'model.safetensors'), at);
    const { mtimeMs } = await stat(join(dir, 'manifest.json'));
    await new Promise((r) => setTimeout(r, 20));
    await recordHubSource(dir, join(dir, 'model.safetensors'), at);
    expect((await stat(join(dir, 'manifest.json'))).mtimeMs).toBe(mtimeMs);
  });

  it('refuses a repo the browser could not build a URL from', async () => {
    await expect(recordHubSource(dir, join(dir, 'model.safetensors'), { repo: 'gpt2', revision: 'main' })).rejects.toThrow(ManifestError);
  });
});
