// The original checkpoint → the fp32 decoder graph (what the worker builds from the hub's
// model.safetensors) against the exported decoder.onnx of the same weights, run by onnxruntime-web.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCheckpoint, demoDecoder, HELLO_IDS, maxAbsDiff } from '@/test/fixtures/demo-model';
import { weightsToTensors } from './checkpoint';
import { checkpointDecoderModelExternal } from './checkpoint-graph';
import { Decoder } from './decoder';
import { CheckpointError } from './errors';
import { sessionSource } from './session-source';
import { serializeSafetensors } from './safetensors';
import { argmax } from './sampling';

const { config, weights } = demoCheckpoint();
const V = config.vocabSize;
const C = config.nEmbd;

/** model.safetensors as writeCheckpointDir writes it (what `npm run model:demo` exports from). */
const ours = serializeSafetensors(weightsToTensors(config, weights), { format: 'pt' });

/**
 * A file laid out like the hub's openai-community/gpt2 one: the attention-mask buffers beside the
 * weights, and (here) every key with GPT2LMHeadModel's `transformer.` prefix; its header is one
 * byte longer, so no tensor is 4-byte aligned and each is read through a copy.
 */
function hubStyle(): Uint8Array {
  const tensors = [
    ...weightsToTensors(config, weights).map((t) => ({ ...t, name: 'transformer.' + t.name })),
    ...Array.from({ length: config.nLayer }, (_, i) => ({
      name: `transformer.h.${i}.attn.bias`,
      dtype: 'F32' as const,
      shape: [1, 1, 4, 4],
      data: new Float32Array(16).fill(1),
    })),
  ];
  const file = serializeSafetensors(tensors, { format: 'pt' });
  const n = Number(new DataView(file.buffer).getBigUint64(0, true));
  const out = new Uint8Array(file.byteLength + 1);
  new DataView(out.buffer).setBigUint64(0, BigInt(n + 1), true);
  out.set(file.subarray(8, 8 + n), 8);
  out[8 + n] = 0x20; // one more space of header padding
  out.set(file.subarray(8 + n), 9 + n);
  return out;
}

const fromFile = (bytes: Uint8Array) => {
  const src = sessionSource('checkpoint', bytes, 'int8', config);
  return Decoder.load(src.onnx, config, { externalData: src.externalData });
};

let exported: Decoder;
beforeAll(async () => {
  exported = await demoDecoder(); // the bytes export-model writes as decoder.onnx
});
afterAll(() => exported.release());

describe('model.safetensors → the fp32 decoder graph', () => {
  it.each([
    ['as model:demo writes it', () => ours],
    ['laid out like the hub’s (transformer. prefix, mask buffers, unaligned)', hubStyle],
  ])('%s: the logits of the exported decoder.onnx within 1e-5, prefill and cached steps', async (_name, file) => {
    const built = await fromFile(file());
    expect(maxAbsDiff(await built.prefill(HELLO_IDS), await exported.prefill(HELLO_IDS))).toBeLessThanOrEqual(1e-5);
    let a = await built.step(50256);
    let b = await exported.step(50256);
    for (let n = 0; n < 8; n++) {
      expect(a.length).toBe(V);
      expect(maxAbsDiff(a, b)).toBeLessThanOrEqual(1e-5);
      const id = argmax(b);
      expect(argmax(a)).toBe(id);
      [a, b] = await Promise.all([built.step(id), exported.step(id)]);
    }
    await built.release();
  });

  it('is fp32 whatever precision is asked, with the graph small and the weights outside it', () => {
    const src = sessionSource('checkpoint', ours, 'q4', config);
    expect(src.precision).toBe('fp32');
    const weightsBytes = src.externalData![0].data as Uint8Array;
    expect(src.onnx.byteLength).toBeLessThan(100_000);
    expect(weightsBytes.byteLength).toBe(ours.byteLength - (Number(new DataView(ours.buffer).getBigUint64(0, true)) + 8)); // every weight, once
    expect(src.graphBytes).toBe(src.onnx.byteLength + weightsBytes.byteLength);
  });

  it('refuses a checkpoint that does not fit the manifest’s config, naming the tensor', () => {
    const wider = { ...config, nEmbd: 2 * C };
    expect(() => checkpointDecoderModelExternal(ours, wider)).toThrow(CheckpointError);
    expect(() => checkpointDecoderModelExternal(ours, wider)).toThrow(
      /tensor "wte.weight" has shape \[50257,64\], the config needs \[50257,128\]/,
    );
    const deeper = { ...config, nLayer: config.nLayer + 1 };
    expect(() => checkpointDecoderModelExternal(ours, deeper)).toThrow(/missing tensor "h.2.ln_1.weight"/);
  });

  it('needs the config: the file has none', () => {
    expect(() => sessionSource('checkpoint', ours)).toThrow(CheckpointError);
  });
});
