import { describe, expect, it } from 'vitest';
import { ManifestError } from './errors';
import { MANIFEST_FORMAT, parseManifest } from './manifest';

const SHA = 'a'.repeat(64);
const good = () => ({
  format: MANIFEST_FORMAT,
  name: 'demo',
  demo: true,
  config: { blockSize: 64, vocabSize: 50257, nLayer: 2, nHead: 2, nEmbd: 64 },
  files: { compact: { path: 'compact.safetensors', bytes: 10, sha256: SHA } },
});

describe('manifest.json: one reader for the worker, the CLI and the export', () => {
  it('reads a manifest, filling the LayerNorm epsilon; an older one without "format" reads as format 1', () => {
    const m = parseManifest(JSON.stringify(good()));
    expect(m.config.layerNormEpsilon).toBe(1e-5);
    const { format: _, ...old } = good();
    expect(parseManifest(JSON.stringify(old)).format).toBe(1);
  });

  it.each<[string, (m: Record<string, unknown>) => unknown, RegExp]>([
    ['not JSON', () => '{', /not valid JSON/],
    ['a newer format', (m) => ({ ...m, format: 2 }), /format 2, but this app reads format 1/],
    ['no name', (m) => ({ ...m, name: 3 }), /"name" is not a string/],
    ['demo as text', (m) => ({ ...m, demo: 'yes' }), /"demo" is not true or false/],
    ['no config', (m) => ({ ...m, config: undefined }), /"config" is missing/],
    ['a bad config', (m) => ({ ...m, config: { ...(m.config as object), nHead: 3 } }), /"config": /],
    ['no files', (m) => ({ ...m, files: {} }), /"files" lists no files/],
    [
      'a file outside the folder',
      (m) => ({ ...m, files: { compact: { path: '../x', bytes: 1, sha256: SHA } } }),
      /"files\.compact" needs a relative path/,
    ],
    ['a file without a sha256', (m) => ({ ...m, files: { compact: { path: 'x', bytes: 1 } } }), /"files\.compact" needs/],
  ])('%s is refused, naming what is wrong', (_name, change, message) => {
    const changed = change(good() as unknown as Record<string, unknown>);
    const text = typeof changed === 'string' ? changed : JSON.stringify(changed);
    expect(() => parseManifest(text)).toThrow(ManifestError);
    expect(() => parseManifest(text)).toThrow(message);
  });

  it('a malformed accuracy record is left out, not an error', () => {
    expect(parseManifest(JSON.stringify({ ...good(), accuracy: { positions: 'x' } })).accuracy).toBeUndefined();
    const entry = { positions: 8, top1Agree: 9, maxLogitError: 0, meanLogitError: 0, maxAbsLogit: 1 }; // agrees more often than it ran
    expect(
      parseManifest(JSON.stringify({ ...good(), accuracy: { text: 't', positions: 8, compact: { int8: entry } } })).accuracy,
    ).toBeUndefined();
    const accuracy = {
      text: 't',
      positions: 8,
      compact: { int8: { positions: 8, top1Agree: 7, maxLogitError: 0, meanLogitError: 0, maxAbsLogit: 1 } },
    };
    expect(parseManifest(JSON.stringify({ ...good(), accuracy })).accuracy).toEqual(accuracy);
  });

  describe('trained: a demo trained by model:demo', () => {
    const trained = { corpus: "this pamphlet's lessons", steps: 600, tokens: 614400, seed: 0, valLoss: 5.97 };
    it('is read when whole', () => {
      expect(parseManifest(JSON.stringify({ ...good(), demo: true, trained })).trained).toEqual(trained);
    });
    it('is left out when malformed (the model then reads as random weights)', () => {
      for (const bad of [{ ...trained, steps: -1 }, { ...trained, valLoss: 'low' }, { ...trained, corpus: 3 }, 'yes']) {
        expect(parseManifest(JSON.stringify({ ...good(), demo: true, trained: bad })).trained).toBeUndefined();
      }
    });
  });

  describe('source.hub: where the original weights are', () => {
    const hub = {
      repo: 'openai-community/gpt2',
      revision: '607a30d783dfa663caf39e06633721c8d4cfcd7e',
      file: 'model.safetensors',
      bytes: 548_105_171,
      sha256: 'b'.repeat(64),
    };
    const withHub = (h: Record<string, unknown>) => JSON.stringify({ ...good(), source: { hub: h } });

    it('is read as written; a manifest without it stays valid', () => {
      expect(parseManifest(withHub(hub)).source).toEqual({ hub });
      expect(parseManifest(withHub({ ...hub, repo: 'local/demo', revision: 'main' })).source?.hub.revision).toBe('main');
      expect(parseManifest(JSON.stringify(good()))).not.toHaveProperty('source');
    });

    it.each<[string, Record<string, unknown> | null, RegExp]>([
      ['no hub file', null, /"source" names no hub file/],
      ['a repo without an owner', { ...hub, repo: 'gpt2' }, /"source\.hub\.repo"/],
      ['a repo that climbs out', { ...hub, repo: '../gpt2' }, /"source\.hub\.repo"/],
      ['a revision with a slash', { ...hub, revision: 'refs/pr/1' }, /"source\.hub\.revision"/],
      ['a revision with a query', { ...hub, revision: 'main?x=1' }, /"source\.hub\.revision"/],
      ['a file that is not safetensors', { ...hub, file: 'pytorch_model.bin' }, /"source\.hub\.file"/],
      ['a file in a sub-folder', { ...hub, file: 'onnx/model.safetensors' }, /"source\.hub\.file"/],
      ['no byte count', { ...hub, bytes: 0 }, /"source\.hub\.bytes"/],
      ['a short sha256', { ...hub, sha256: 'abc' }, /"source\.hub\.sha256"/],
    ])('%s is refused, naming the field', (_name, h, message) => {
      const text = h ? withHub(h) : JSON.stringify({ ...good(), source: {} });
      expect(() => parseManifest(text)).toThrow(ManifestError);
      expect(() => parseManifest(text)).toThrow(message);
    });
  });
});
