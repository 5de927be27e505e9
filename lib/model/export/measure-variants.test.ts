import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCheckpoint, demoDecoder } from '@/test/fixtures/demo-model';
import { compareWithReference, teacherForcedLogits } from '../variant-accuracy';
import { exportModel, type Manifest } from './export-model';
import { accuracyTokens, measureVariants } from './measure-variants';

const { config, weights } = demoCheckpoint();
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'measure-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('variant accuracy', () => {
  it('a decoder against its own logits: no error, every position agrees', async () => {
    const d = await demoDecoder();
    const tokens = accuracyTokens(24);
    const ref = await teacherForcedLogits(d, tokens);
    expect(ref).toHaveLength(24);
    const same = await compareWithReference(ref, d, tokens);
    expect(same).toMatchObject({ positions: 24, maxLogitError: 0, meanLogitError: 0, top1Agree: 24 });
    // a disturbed reference is noticed
    ref[5] = ref[5].map((x, i) => (i === 7 ? x + 0.5 : x));
    const off = await compareWithReference(ref, d, tokens);
    expect(off.maxLogitError).toBeCloseTo(0.5, 5);
    await expect(compareWithReference(ref.slice(1), d, tokens)).rejects.toThrow(/23 reference positions for 24 tokens/);
    await d.release();
  });

  it('measureVariants records compact fp32 and int8 against decoder.onnx in the manifest', async () => {
    const dir = join(root, 'demo');
    await exportModel({ weights, config, outDir: dir, demo: true, name: 'demo' });
    const a = await measureVariants(dir, 40);
    const written = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(written.accuracy).toEqual(JSON.parse(JSON.stringify(a)));
    expect(written.files.compact.path).toBe('compact.safetensors'); // the rest of the manifest is kept
    expect(a.positions).toBe(40);
    for (const p of ['fp32', 'int8', 'q4'] as const) {
      const r = a.compact[p];
      expect(r.positions).toBe(40);
      expect(r.maxLogitError).toBeGreaterThan(0); // 4-bit weights are not the fp32 ones
      expect(r.maxLogitError).toBeLessThan(0.2);
      expect(r.top1Agree).toBeGreaterThanOrEqual(30);
      expect(r.top1Agree).toBeLessThanOrEqual(40);
    }
    // q4 runs the very numbers the fp32 expansion holds (onnxruntime's CPU kernel dequantizes them)
    expect(a.compact.q4.maxLogitError).toBeCloseTo(a.compact.fp32.maxLogitError, 5);
  });

  it('needs both files', async () => {
    const dir = join(root, 'only-decoder');
    await exportModel({ weights, config, outDir: dir, variants: ['decoder'], demo: true, name: 'demo' });
    await expect(measureVariants(dir)).rejects.toThrow(/needs both decoder.onnx and compact.safetensors/);
  });
});
