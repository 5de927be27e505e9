import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gpt2TensorSpecs, loadCheckpoint, weightsToTensors } from './checkpoint';
import { readCheckpointDir, writeCheckpointDir } from './checkpoint-files';
import { toHFConfig } from './config';
import { buildDemoCheckpoint, DEMO_CONFIG } from './demo-checkpoint';
import { CheckpointError, SafetensorsError } from './errors';
import { serializeSafetensors, type TensorToWrite } from './safetensors';

const cfg = { ...DEMO_CONFIG, vocabSize: 300, blockSize: 16, nLayer: 2 }; // tiny: fast to build
const tensors = () => weightsToTensors(cfg, buildDemoCheckpoint(cfg, 3).weights);
const hfConfig = toHFConfig(cfg);

describe('checkpoint', () => {
  it('loads HF-named tensors, with or without the transformer. prefix, ignoring mask buffers and lm_head', () => {
    const plain = loadCheckpoint(hfConfig, serializeSafetensors(tensors()));
    const extra: TensorToWrite[] = [
      ...tensors().map((t) => ({ ...t, name: 'transformer.' + t.name })),
      { name: 'transformer.h.0.attn.bias', dtype: 'F32', shape: [1, 1, 16, 16], data: new Float32Array(256) },
      { name: 'lm_head.weight', dtype: 'F32', shape: [300, 64], data: new Float32Array(300 * 64) },
    ];
    const prefixed = loadCheckpoint(hfConfig, serializeSafetensors(extra));
    expect(prefixed.config).toEqual(cfg);
    expect(prefixed.weights.h[1].mlp.c_proj.weight).toEqual(plain.weights.h[1].mlp.c_proj.weight);
    expect(prefixed.weights.wte).toEqual(plain.weights.wte);
  });

  it('names a missing tensor', () => {
    const missing = tensors().filter((t) => t.name !== 'h.1.ln_2.bias');
    const err = (() => {
      try {
        loadCheckpoint(hfConfig, serializeSafetensors(missing));
      } catch (e) {
        return e as CheckpointError;
      }
    })();
    expect(err).toBeInstanceOf(CheckpointError);
    expect(err!.tensor).toBe('h.1.ln_2.bias');
    expect(err!.message).toMatch(/missing tensor "h.1.ln_2.bias"/);
  });

  it('names a misshapen tensor', () => {
    const bad = tensors().map((t) => (t.name === 'h.0.attn.c_attn.weight' ? { ...t, shape: [192, 64] } : t));
    expect(() => loadCheckpoint(hfConfig, serializeSafetensors(bad))).toThrow(
      /"h.0.attn.c_attn.weight" has shape \[192,64\], the config needs \[64,192\]/,
    );
  });

  it('passes a corrupt file on as SafetensorsError', () => {
    const bytes = serializeSafetensors(tensors());
    expect(() => loadCheckpoint(hfConfig, bytes.subarray(0, bytes.byteLength - 100))).toThrow(SafetensorsError);
  });

  it('writes and reads a checkpoint folder (streamed writer)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ckpt-'));
    try {
      await writeCheckpointDir(dir, cfg, tensors());
      const back = await readCheckpointDir(dir);
      expect(back.config).toEqual(cfg);
      expect(weightsToTensors(cfg, back.weights).map((t) => t.name)).toEqual(gpt2TensorSpecs(cfg).map((s) => s.name));
      expect(back.weights.wpe).toEqual(buildDemoCheckpoint(cfg, 3).weights.wpe);
      await expect(readCheckpointDir(join(dir, 'nope'))).rejects.toThrow(CheckpointError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
