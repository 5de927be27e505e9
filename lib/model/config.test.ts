import { describe, expect, it } from 'vitest';
import { countParameters, fromHFConfig, GPT2_SMALL, toHFConfig } from './config';
import { buildDemoCheckpoint, DEMO_CONFIG } from './demo-checkpoint';
import { weightsToTensors } from './checkpoint';
import { CheckpointError } from './errors';

describe('config', () => {
  it('GPT-2 small has exactly 124,439,808 parameters', () => {
    const count = countParameters(GPT2_SMALL);
    expect(count.total).toBe(124_439_808);
    expect(count.perBlock).toBe(7_087_872);
    expect(count.modules.find((m) => m.name === 'wte')!.params).toBe(38_597_376);
    expect(count.modules.find((m) => m.name === 'lm_head')!.params).toBe(0);
  });

  it('the breakdown equals the tensor sizes of a built checkpoint, module by module', () => {
    const cfg = { ...DEMO_CONFIG, nLayer: 3 };
    const tensors = weightsToTensors(cfg, buildDemoCheckpoint(cfg, 7).weights);
    const actual = new Map<string, number>();
    for (const t of tensors) {
      const module = t.name.replace(/\.(weight|bias)$/, '');
      actual.set(module, (actual.get(module) ?? 0) + (t.data as Float32Array).length);
    }
    const count = countParameters(cfg);
    for (const m of count.modules) expect(actual.get(m.name) ?? 0, m.name).toBe(m.params);
    expect([...actual.values()].reduce((a, b) => a + b, 0)).toBe(count.total);
  });

  it('round-trips the HF config.json of openai-community/gpt2', () => {
    const hf = {
      activation_function: 'gelu_new',
      architectures: ['GPT2LMHeadModel'],
      bos_token_id: 50256,
      eos_token_id: 50256,
      layer_norm_epsilon: 1e-5,
      model_type: 'gpt2',
      n_ctx: 1024,
      n_embd: 768,
      n_head: 12,
      n_layer: 12,
      n_positions: 1024,
      vocab_size: 50257,
    };
    expect(fromHFConfig(hf)).toEqual(GPT2_SMALL);
    const back = toHFConfig(GPT2_SMALL);
    expect(back).toMatchObject({ ...hf, tie_word_embeddings: true });
    expect(fromHFConfig(back)).toEqual(GPT2_SMALL);
  });

  it('rejects configs that are not GPT-2', () => {
    expect(() => fromHFConfig({ model_type: 'llama' })).toThrow(CheckpointError);
    expect(() => fromHFConfig({ ...toHFConfig(GPT2_SMALL), n_head: 5 })).toThrow(/divisible/);
    expect(() => fromHFConfig({ ...toHFConfig(GPT2_SMALL), activation_function: 'relu' })).toThrow(/activation/);
  });
});
