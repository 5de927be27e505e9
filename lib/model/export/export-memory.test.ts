// One exporter, two sinks: the browser's in-memory export must be the folder export, byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildDemoCheckpoint, DEMO_CONFIG } from '../demo-checkpoint';
import { parseManifest } from '../manifest';
import { TokenMap } from '../token-map';
import { demoCheckpoint } from '@/test/fixtures/demo-model';
import { exportModel } from './export-model';
import { serializeManifest } from './folder-json';
import { BROWSER_VARIANTS, exportToMemory } from './export-memory';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'export-memory-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** A small vocabulary: <|endoftext|> and 95 other GPT-2 ids, as a trained model would keep. */
function smallVocabModel() {
  const tokenMap = TokenMap.fromTokens(Array.from({ length: 95 }, (_, i) => 100 + i * 37));
  const config = { ...DEMO_CONFIG, vocabSize: tokenMap.size, blockSize: 64 };
  return { ...buildDemoCheckpoint(config, 7), tokenMap };
}

describe('exportToMemory', () => {
  const cases = [
    { label: 'GPT-2 vocabulary, all variants', model: () => demoCheckpoint(), variants: ['decoder', 'optimum', 'compact'] as const },
    { label: 'own vocabulary (token_map.json), browser variants', model: smallVocabModel, variants: BROWSER_VARIANTS },
  ];

  it.each(cases)('gives the folder export’s files and manifest, byte for byte: $label', async ({ label, model, variants }) => {
    const { config, weights, tokenMap } = model();
    const dir = join(root, label.replace(/\W+/g, '-'));
    const onDisk = await exportModel({ weights, config, tokenMap, outDir: dir, name: 'mine', variants: [...variants] });
    const inMemory = await exportToMemory({ weights, config, tokenMap, name: 'mine', variants });

    expect(inMemory.manifest).toEqual(onDisk);
    expect(Object.keys(inMemory.manifest.files)).toEqual(Object.keys(onDisk.files)); // same order → same manifest.json
    const manifestJson = await readFile(join(dir, 'manifest.json'));
    expect(Buffer.from(serializeManifest(inMemory.manifest)).equals(manifestJson)).toBe(true);
    expect(parseManifest(manifestJson.toString('utf8'))).toEqual(inMemory.manifest);

    expect((await filesUnder(dir)).sort()).toEqual([...inMemory.files.keys(), 'manifest.json'].sort());
    for (const [path, bytes] of inMemory.files) expect(Buffer.from(bytes).equals(await readFile(join(dir, path))), path).toBe(true);
    expect(inMemory.files.has('token_map.json')).toBe(!!tokenMap);
  });

  it('defaults to decoder.onnx and compact.safetensors (no Optimum graph) and hashes what it keeps', async () => {
    const { config, weights } = demoCheckpoint();
    const { manifest, files } = await exportToMemory({ weights, config, name: 'mine' });
    expect(Object.keys(manifest.files)).toEqual(['config', 'generation_config', 'decoder', 'compact']);
    expect(manifest).toMatchObject({ name: 'mine', demo: false, config });
    for (const f of Object.values(manifest.files)) {
      const bytes = files.get(f.path)!;
      expect([bytes.byteLength, createHash('sha256').update(bytes).digest('hex')], f.path).toEqual([f.bytes, f.sha256]);
    }
  });
});
