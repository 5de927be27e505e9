// A GPT-2 checkpoint as typed arrays: the HF tensor names, their shapes, and a shape-checked loader.
// Weights keep the HF (Conv1D) layout: every linear weight is stored [in, out], so y = x·W + b.

import { fromHFConfig, type GPT2Config } from './config';
import { CheckpointError } from './errors';
import type { TokenMap } from './token-map';
import { numel, parseSafetensors, toFloat32, type SafetensorsFile, type TensorToWrite } from './safetensors';

export interface Linear {
  weight: Float32Array; // [in, out]
  bias: Float32Array; // [out]
}

export interface LayerNormParams {
  weight: Float32Array; // [C] (gain, HF "weight")
  bias: Float32Array; // [C]
}

export interface BlockWeights {
  ln_1: LayerNormParams;
  attn: { c_attn: Linear /* [C, 3C] */; c_proj: Linear /* [C, C] */ };
  ln_2: LayerNormParams;
  mlp: { c_fc: Linear /* [C, 4C] */; c_proj: Linear /* [4C, C] */ };
}

export interface GPT2Weights {
  wte: Float32Array; // [V, C] token embeddings; also the output projection (tied lm_head)
  wpe: Float32Array; // [blockSize, C] position embeddings
  h: BlockWeights[]; // nLayer blocks
  ln_f: LayerNormParams;
}

export interface Checkpoint {
  config: GPT2Config;
  weights: GPT2Weights;
  /** A vocabulary smaller than GPT-2's (token_map.json beside config.json); absent: GPT-2's own. */
  tokenMap?: TokenMap;
}

export interface NamedShape {
  name: string;
  shape: number[];
}

/** Every parameter tensor of a GPT-2, HF names, canonical order (wte, wpe, h.0 … h.{n-1}, ln_f). */
export function gpt2TensorSpecs(cfg: GPT2Config): NamedShape[] {
  const { vocabSize: V, blockSize, nEmbd: C } = cfg;
  const specs: NamedShape[] = [
    { name: 'wte.weight', shape: [V, C] },
    { name: 'wpe.weight', shape: [blockSize, C] },
  ];
  for (let i = 0; i < cfg.nLayer; i++) {
    const p = `h.${i}.`;
    specs.push(
      { name: p + 'ln_1.weight', shape: [C] },
      { name: p + 'ln_1.bias', shape: [C] },
      { name: p + 'attn.c_attn.weight', shape: [C, 3 * C] },
      { name: p + 'attn.c_attn.bias', shape: [3 * C] },
      { name: p + 'attn.c_proj.weight', shape: [C, C] },
      { name: p + 'attn.c_proj.bias', shape: [C] },
      { name: p + 'ln_2.weight', shape: [C] },
      { name: p + 'ln_2.bias', shape: [C] },
      { name: p + 'mlp.c_fc.weight', shape: [C, 4 * C] },
      { name: p + 'mlp.c_fc.bias', shape: [4 * C] },
      { name: p + 'mlp.c_proj.weight', shape: [4 * C, C] },
      { name: p + 'mlp.c_proj.bias', shape: [C] },
    );
  }
  specs.push({ name: 'ln_f.weight', shape: [C] }, { name: 'ln_f.bias', shape: [C] });
  return specs;
}

/** Finds a tensor by its canonical name; undefined when absent. */
export type TensorLookup = (name: string) => { shape: number[]; data: Float32Array } | undefined;

/** One tensor of `spec` from `lookup`, its shape checked: a CheckpointError names a missing or misshapen one. */
export function checkedTensor(lookup: TensorLookup, { name, shape }: NamedShape): Float32Array {
  const t = lookup(name);
  if (!t) throw new CheckpointError(`checkpoint is missing tensor "${name}" (expected shape [${shape}])`, name);
  if (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i])) {
    throw new CheckpointError(`tensor "${name}" has shape [${t.shape}], the config needs [${shape}]`, name);
  }
  if (t.data.length !== numel(shape))
    throw new CheckpointError(`tensor "${name}" holds ${t.data.length} values, shape needs ${numel(shape)}`, name);
  return t.data;
}

/** Assembles GPT2Weights, checking every shape against the config. */
export function loadWeights(cfg: GPT2Config, lookup: TensorLookup): GPT2Weights {
  const get = new Map<string, Float32Array>();
  for (const spec of gpt2TensorSpecs(cfg)) get.set(spec.name, checkedTensor(lookup, spec));
  const w = (name: string) => get.get(name)!;
  const lin = (p: string): Linear => ({ weight: w(p + '.weight'), bias: w(p + '.bias') });
  const ln = (p: string): LayerNormParams => ({ weight: w(p + '.weight'), bias: w(p + '.bias') });
  const h: BlockWeights[] = [];
  for (let i = 0; i < cfg.nLayer; i++) {
    const p = `h.${i}.`;
    h.push({
      ln_1: ln(p + 'ln_1'),
      attn: { c_attn: lin(p + 'attn.c_attn'), c_proj: lin(p + 'attn.c_proj') },
      ln_2: ln(p + 'ln_2'),
      mlp: { c_fc: lin(p + 'mlp.c_fc'), c_proj: lin(p + 'mlp.c_proj') },
    });
  }
  return { wte: w('wte.weight'), wpe: w('wpe.weight'), h, ln_f: ln('ln_f') };
}

/**
 * A parsed safetensors file's tensors by canonical name, as float32. Accepts keys with or without
 * the `transformer.` prefix (GPT2LMHeadModel vs GPT2Model state dicts); the `attn.bias` /
 * `attn.masked_bias` mask buffers and `lm_head.weight` (tied to wte) are never asked for.
 */
export function safetensorsLookup(file: SafetensorsFile): TensorLookup {
  return (name) => {
    const entry = file.tensors.get(name) ?? file.tensors.get('transformer.' + name);
    if (!entry) return undefined;
    try {
      return { shape: entry.shape, data: toFloat32(entry) };
    } catch (e) {
      throw new CheckpointError(`tensor "${name}": ${(e as Error).message}`, name);
    }
  };
}

/** Weights from a parsed safetensors file (see safetensorsLookup for the names it accepts). */
export function weightsFromSafetensors(cfg: GPT2Config, file: SafetensorsFile): GPT2Weights {
  return loadWeights(cfg, safetensorsLookup(file));
}

/** A checkpoint from its HF config.json object and model.safetensors bytes. */
export function loadCheckpoint(configJson: Record<string, unknown>, safetensors: Uint8Array): Checkpoint {
  const config = fromHFConfig(configJson);
  return { config, weights: weightsFromSafetensors(config, parseSafetensors(safetensors)) };
}

/** The weights as F32 tensors under their HF names, canonical order (for writing a file). */
export function weightsToTensors(cfg: GPT2Config, weights: GPT2Weights): TensorToWrite[] {
  const byName = new Map<string, Float32Array>([
    ['wte.weight', weights.wte],
    ['wpe.weight', weights.wpe],
    ['ln_f.weight', weights.ln_f.weight],
    ['ln_f.bias', weights.ln_f.bias],
  ]);
  weights.h.forEach((b, i) => {
    const p = `h.${i}.`;
    const put = (n: string, x: { weight: Float32Array; bias: Float32Array }) => {
      byName.set(p + n + '.weight', x.weight);
      byName.set(p + n + '.bias', x.bias);
    };
    put('ln_1', b.ln_1);
    put('attn.c_attn', b.attn.c_attn);
    put('attn.c_proj', b.attn.c_proj);
    put('ln_2', b.ln_2);
    put('mlp.c_fc', b.mlp.c_fc);
    put('mlp.c_proj', b.mlp.c_proj);
  });
  return gpt2TensorSpecs(cfg).map(({ name, shape }) => ({ name, shape, dtype: 'F32' as const, data: byName.get(name)! }));
}
