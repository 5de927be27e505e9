import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHFConfig } from '../config';
import { demoCheckpoint } from '@/test/fixtures/demo-model';
import { exportModel, type Manifest } from './export-model';
import { buildDecoderGraph } from '@/lib/model/graph/decoder-graph';
import { encodeModel, encodeModelChunks } from '@/lib/model/graph/graph-builder';
import { createSession, release } from '../ort';

const { config, weights } = demoCheckpoint();
let root: string;
let first: Manifest;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'export-'));
  first = await exportModel({ weights, config, outDir: join(root, 'a'), demo: true, name: 'demo' });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('exportModel', () => {
  it('writes the folder and a manifest whose sizes and hashes match the files', async () => {
    expect(Object.keys(first.files)).toEqual(['config', 'generation_config', 'decoder', 'optimum', 'compact']);
    expect(first.files.decoder.path).toBe('decoder.onnx');
    expect(first.files.optimum.path).toBe('onnx/model.onnx');
    expect(first).toMatchObject({ name: 'demo', demo: true, config });
    for (const f of Object.values(first.files)) {
      const bytes = await readFile(join(root, 'a', f.path));
      expect(bytes.byteLength).toBe(f.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
    }
    const onDisk = JSON.parse(await readFile(join(root, 'a', 'manifest.json'), 'utf8'));
    expect(onDisk).toEqual(first);
    expect(fromHFConfig(JSON.parse(await readFile(join(root, 'a', 'config.json'), 'utf8')))).toEqual(config);
  });

  it('streams the same bytes as a one-buffer encode, and onnxruntime loads the file', async () => {
    const model = buildDecoderGraph(config, weights);
    const chunks = [...encodeModelChunks(model)];
    const joined = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    chunks.reduce((at, c) => (joined.set(c, at), at + c.byteLength), 0);
    expect(Buffer.from(joined).equals(Buffer.from(encodeModel(model)))).toBe(true);
    const onDisk = await readFile(join(root, 'a', 'decoder.onnx'));
    expect(Buffer.from(onDisk).equals(Buffer.from(joined))).toBe(true);
    const session = await createSession(onDisk);
    expect(session.outputNames).toContain('logits');
    await release(session);
  });

  it('is deterministic: same weights → same bytes', async () => {
    const again = await exportModel({ weights, config, outDir: join(root, 'b'), demo: true, name: 'demo' });
    expect(again).toEqual(first);
  });

  it('uses an injected hash function (e.g. crypto.subtle in a browser)', async () => {
    const subtle = async (b: Uint8Array) =>
      Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', b as Uint8Array<ArrayBuffer>)), (x) =>
        x.toString(16).padStart(2, '0'),
      ).join('');
    const m = await exportModel({
      weights,
      config,
      outDir: join(root, 'c'),
      variants: ['decoder'],
      sha256: subtle,
      name: 'demo',
      demo: true,
    });
    expect(m.files.decoder).toEqual(first.files.decoder);
    expect(m.files.optimum).toBeUndefined();
  });
});
