// The GPT-2 hyperparameters, their Hugging Face config.json spelling, and a parameter count.

import { CheckpointError } from './errors';

export interface GPT2Config {
  /** Context window: rows of wpe, the most positions one forward pass can see (HF n_positions / n_ctx). */
  blockSize: number;
  /** Rows of wte: 50,000 BPE merges + 256 byte tokens + <|endoftext|> = 50257 (HF vocab_size). */
  vocabSize: number;
  /** Transformer blocks stacked (HF n_layer). */
  nLayer: number;
  /** Attention heads per block; head size hs = nEmbd / nHead (HF n_head). */
  nHead: number;
  /** Residual stream width C (HF n_embd). The MLP hidden width is 4·C (HF n_inner = null). */
  nEmbd: number;
  /** Added to the variance inside every LayerNorm (HF layer_norm_epsilon). */
  layerNormEpsilon: number;
}

/** openai-community/gpt2, the 124M model. */
export const GPT2_SMALL: GPT2Config = {
  blockSize: 1024,
  vocabSize: 50257,
  nLayer: 12,
  nHead: 12,
  nEmbd: 768,
  layerNormEpsilon: 1e-5,
};

/** The id of <|endoftext|>, GPT-2's only special token (bos = eos = pad). */
export const EOT_TOKEN_ID = 50256;

/** Head size hs = C / nh. */
export function headSize(cfg: GPT2Config): number {
  return cfg.nEmbd / cfg.nHead;
}

/** Throws a CheckpointError when the numbers cannot describe a GPT-2. */
export function validateConfig(cfg: GPT2Config): GPT2Config {
  const ints: (keyof GPT2Config)[] = ['blockSize', 'vocabSize', 'nLayer', 'nHead', 'nEmbd'];
  for (const k of ints) {
    const v = cfg[k];
    if (!Number.isInteger(v) || v <= 0) throw new CheckpointError(`config: ${k} must be a positive integer, got ${v}`);
  }
  if (cfg.nEmbd % cfg.nHead !== 0) {
    throw new CheckpointError(`config: nEmbd ${cfg.nEmbd} is not divisible by nHead ${cfg.nHead}`);
  }
  if (!(cfg.layerNormEpsilon > 0)) throw new CheckpointError(`config: layerNormEpsilon must be > 0`);
  return cfg;
}

/** Reads a Hugging Face GPT-2 config.json object. */
export function fromHFConfig(json: Record<string, unknown>): GPT2Config {
  if (json.model_type !== undefined && json.model_type !== 'gpt2') {
    throw new CheckpointError(`config.json: model_type is "${json.model_type}", expected "gpt2"`);
  }
  const act = json.activation_function;
  if (act !== undefined && act !== 'gelu_new' && act !== 'gelu_pytorch_tanh') {
    throw new CheckpointError(`config.json: activation_function "${act}" is not supported (GPT-2 uses gelu_new)`);
  }
  const nEmbd = Number(json.n_embd);
  if (json.n_inner != null && Number(json.n_inner) !== 4 * nEmbd) {
    throw new CheckpointError(`config.json: n_inner ${json.n_inner} is not 4·n_embd`);
  }
  return validateConfig({
    blockSize: Number(json.n_positions ?? json.n_ctx),
    vocabSize: Number(json.vocab_size),
    nLayer: Number(json.n_layer),
    nHead: Number(json.n_head),
    nEmbd,
    layerNormEpsilon: Number(json.layer_norm_epsilon ?? 1e-5),
  });
}

/**
 * The config.json that transformers / transformers.js expect for a GPT2LMHeadModel. `eotId`: the
 * model id of <|endoftext|> (not 50256 for a model with a token map, token-map.ts).
 */
export function toHFConfig(cfg: GPT2Config, eotId = EOT_TOKEN_ID): Record<string, unknown> {
  return {
    architectures: ['GPT2LMHeadModel'],
    model_type: 'gpt2',
    activation_function: 'gelu_new',
    n_positions: cfg.blockSize,
    n_ctx: cfg.blockSize,
    vocab_size: cfg.vocabSize,
    n_layer: cfg.nLayer,
    n_head: cfg.nHead,
    n_embd: cfg.nEmbd,
    n_inner: null,
    layer_norm_epsilon: cfg.layerNormEpsilon,
    initializer_range: 0.02,
    attn_pdrop: 0.1,
    embd_pdrop: 0.1,
    resid_pdrop: 0.1,
    scale_attn_weights: true,
    bos_token_id: eotId,
    eos_token_id: eotId,
    tie_word_embeddings: true,
    use_cache: true,
  };
}

export interface ParameterCount {
  /** Module path (HF naming without '.weight'/'.bias') → number of parameters. */
  modules: { name: string; params: number }[];
  /** Parameters of one block (all blocks have the same shapes). */
  perBlock: number;
  total: number;
}

/** Parameters module by module; lm_head is tied to wte and adds nothing. */
export function countParameters(cfg: GPT2Config): ParameterCount {
  const { vocabSize: V, blockSize, nEmbd: C, nLayer } = cfg;
  const block: [string, number][] = [
    ['ln_1', 2 * C], // weight + bias
    ['attn.c_attn', C * 3 * C + 3 * C], // q, k, v projections
    ['attn.c_proj', C * C + C],
    ['ln_2', 2 * C],
    ['mlp.c_fc', C * 4 * C + 4 * C],
    ['mlp.c_proj', 4 * C * C + C],
  ];
  const perBlock = block.reduce((s, [, n]) => s + n, 0);
  const modules = [
    { name: 'wte', params: V * C },
    { name: 'wpe', params: blockSize * C },
  ];
  for (let i = 0; i < nLayer; i++) for (const [name, params] of block) modules.push({ name: `h.${i}.${name}`, params });
  modules.push({ name: 'ln_f', params: 2 * C }, { name: 'lm_head', params: 0 });
  return { modules, perBlock, total: modules.reduce((s, m) => s + m.params, 0) };
}
