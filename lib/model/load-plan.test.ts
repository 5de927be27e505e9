import { describe, expect, it } from 'vitest';
import { choosePrecision, chooseVariant, HUB_NAME, planLoad } from './load-plan';

const decoder = { path: 'decoder.onnx', bytes: 100, sha256: 'a' };
const compact = { path: 'compact.safetensors', bytes: 18, sha256: 'b' };

describe('chooseVariant', () => {
  it('prefers the compact weights when the manifest lists them', () => {
    expect(chooseVariant({ files: { decoder, compact } })).toEqual({
      variant: 'compact',
      file: 'compact',
      entry: compact,
      label: 'compact weights',
    });
    expect(chooseVariant({ files: { decoder, compact } }, 'compact').variant).toBe('compact');
    expect(chooseVariant({ files: { compact } }, 'auto').entry).toBe(compact);
  });

  it('?variant=fp32 loads decoder.onnx', () => {
    expect(chooseVariant({ files: { decoder, compact } }, 'fp32')).toEqual({
      variant: 'fp32',
      file: 'decoder',
      entry: decoder,
      label: 'full-precision weights',
      note: undefined,
    });
  });

  it('falls back to decoder.onnx without compact weights, and says so when compact was asked for', () => {
    expect(chooseVariant({ files: { decoder } }).variant).toBe('fp32');
    expect(chooseVariant({ files: { decoder } }).note).toBeUndefined();
    expect(chooseVariant({ files: { decoder } }, 'compact').note).toMatch(/no compact weights/);
  });

  it('asked for fp32 on a site that left decoder.onnx out (a host limit): the compact weights, and says so', () => {
    const plan = chooseVariant({ files: { compact } }, 'fp32');
    expect(plan).toMatchObject({ variant: 'compact', file: 'compact', entry: compact });
    expect(plan.note).toMatch(/does not serve the full-precision decoder.onnx/);
  });

  it('a manifest with neither file is corrupt', () => {
    expect(() => chooseVariant({ files: {} })).toThrow(/neither compact.safetensors nor decoder.onnx/);
  });
});

describe('chooseVariant with the original weights on the hub (manifest "source.hub")', () => {
  const hub = { repo: 'openai-community/gpt2', revision: 'c0ffee', file: 'model.safetensors', bytes: 548, sha256: 'c'.repeat(64) };
  const HUB = 'https://hub.example';

  it('asked for fp32 on a site without decoder.onnx: the checkpoint from the hub, at its revision, checked by its sha256', () => {
    const plan = chooseVariant({ files: { compact }, source: { hub } }, 'fp32', HUB);
    expect(plan).toEqual({
      variant: 'fp32',
      file: 'checkpoint',
      entry: { path: 'model.safetensors', bytes: 548, sha256: hub.sha256 },
      baseUrl: 'https://hub.example/openai-community/gpt2/resolve/c0ffee/',
      label: `full-precision weights from ${HUB_NAME}`,
    });
    expect(new URL(plan.entry.path, plan.baseUrl).href).toBe('https://hub.example/openai-community/gpt2/resolve/c0ffee/model.safetensors');
  });

  it('decoder.onnx from the site when it serves it: the same numbers, no second host', () => {
    expect(chooseVariant({ files: { decoder, compact }, source: { hub } }, 'fp32', HUB)).toMatchObject({ file: 'decoder', entry: decoder });
  });

  it('auto and compact keep the compact weights: the hub is only ever the learner’s explicit choice', () => {
    expect(chooseVariant({ files: { compact }, source: { hub } }, 'auto', HUB)).toEqual(chooseVariant({ files: { compact } }));
    expect(chooseVariant({ files: { compact }, source: { hub } }, 'compact', HUB)).toMatchObject({ file: 'compact' });
  });

  it('without a hub URL (the Node CLI) the hub source is not used: compact, with the usual note', () => {
    const plan = chooseVariant({ files: { compact }, source: { hub } }, 'fp32');
    expect(plan).toMatchObject({ file: 'compact' });
    expect(plan.note).toMatch(/does not serve the full-precision decoder.onnx/);
  });

  it('planLoad passes the hub URL on, and the checkpoint computes in fp32 whatever is asked', () => {
    const plan = planLoad({ files: { compact }, source: { hub } }, 'webgpu', { variant: 'fp32', precision: 'q4', hubUrl: HUB });
    expect(plan).toMatchObject({ file: 'checkpoint', precision: 'fp32' });
  });
});

describe('choosePrecision', () => {
  it('int8 for compact weights on WASM unless fp32 is asked for', () => {
    expect(choosePrecision('compact', 'wasm')).toBe('int8');
    expect(choosePrecision('compact', 'wasm', 'int8')).toBe('int8');
    expect(choosePrecision('compact', 'wasm', 'fp32')).toBe('fp32');
  });

  it('the 4-bit blocks as they are on WebGPU, unless something else is asked for', () => {
    expect(choosePrecision('compact', 'webgpu')).toBe('q4');
    expect(choosePrecision('compact', 'webgpu', 'fp32')).toBe('fp32');
  });

  it('fp32 for decoder.onnx, whatever is asked', () => {
    expect(choosePrecision('fp32', 'wasm', 'int8')).toBe('fp32');
    expect(choosePrecision('fp32', 'webgpu', 'q4')).toBe('fp32');
  });
});

describe('choosePrecision reads the export’s accuracy record', () => {
  const record = (fp32: number, int8: number) => ({
    compact: { fp32: { positions: 100, top1Agree: fp32 }, int8: { positions: 100, top1Agree: int8 } },
  });

  it('keeps int8 when it agrees with fp32 about as often as fp32 compute does', () => {
    expect(choosePrecision('compact', 'wasm', 'auto', record(97, 96))).toBe('int8');
    expect(choosePrecision('compact', 'wasm', 'auto', record(97, 92))).toBe('int8'); // exactly 5 points
    expect(choosePrecision('compact', 'wasm', 'auto', { compact: {} })).toBe('int8'); // nothing measured
  });

  it('computes in fp32 on WASM when int8 loses more than 5 points of top-1 agreement', () => {
    expect(choosePrecision('compact', 'wasm', 'auto', record(97, 91))).toBe('fp32');
    expect(choosePrecision('compact', 'wasm', 'int8', record(97, 60))).toBe('int8'); // asked for explicitly
    expect(choosePrecision('compact', 'webgpu', 'auto', record(97, 60))).toBe('q4');
  });
});
