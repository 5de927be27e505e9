/**
 * The whole model on one map: every part GPT-2 runs, in order, with the tensor shape that leaves it
 * and where the pamphlet teaches it (a lesson section, and the live widget that shows it). Shapes
 * come from the config; T is the number of tokens (at most blockSize).
 */
import { headSize, type GPT2Config } from '../model/config';
import { count } from '../format';

export interface MapLink {
  /** `/lessons/<slug>/#<heading id>` */
  href: string;
  label: string;
}

export interface MapPart {
  /** the module's name in GPT-2's code (`wte`, `ln_1`, …) or what the step is */
  name: string;
  /** what it does, in a few words */
  does: string;
  /** the shape of what it hands on, e.g. "[T, 768]" */
  out: string;
  lesson: MapLink;
  /** the live widget that shows this part, at the section that holds it */
  widget?: MapLink;
}

export interface ModelMap {
  /** before the blocks: text to the residual stream */
  input: MapPart[];
  /** one block, repeated nLayer times */
  block: MapPart[];
  nLayer: number;
  /** after the blocks: the stream to one new token */
  output: MapPart[];
}

const link = (slug: string, anchor: string, label: string): MapLink => ({ href: `/lessons/${slug}/#${anchor}`, label });

export function modelMap(cfg: GPT2Config): ModelMap {
  const C = count(cfg.nEmbd);
  const V = count(cfg.vocabSize);
  const tokenizer = link('tokenization', 'tiktoken', 'Tokenizer playground');
  const attention = link('attention', 'a-worked-example-by-hand', 'Attention explorer');
  const residual = link('architecture', 'what-layernorm-does', 'Residual stream');
  const nextToken = link('sampling', 'temperature', 'Next-token probabilities');
  return {
    input: [
      {
        name: 'tokenizer',
        does: `byte-level BPE: text to token ids (0 to ${count(cfg.vocabSize - 1)})`,
        out: '[T]',
        lesson: link('tokenization', 'byte-pair-encoding', 'Byte-pair encoding'),
        widget: tokenizer,
      },
      {
        name: 'wte + wpe',
        does: `a ${V} × ${C} token row plus a ${count(cfg.blockSize)} × ${C} position row per token`,
        out: `[T, ${C}]`,
        lesson: link('architecture', 'wte-the-token-embedding', 'wte and wpe'),
      },
    ],
    block: [
      {
        name: 'ln_1',
        does: 'LayerNorm of the stream, for the attention branch',
        out: `[T, ${C}]`,
        lesson: link('architecture', 'pre-norm-versus-post-norm', 'Pre-norm'),
        widget: residual,
      },
      {
        name: 'attn.c_attn',
        does: `q, k and v for every token, split into ${cfg.nHead} heads of ${headSize(cfg)}`,
        out: `3 × [${cfg.nHead}, T, ${headSize(cfg)}]`,
        lesson: link('attention', 'where-q-k-and-v-come-from', 'Where Q, K and V come from'),
        widget: attention,
      },
      {
        name: 'softmax(QKᵀ/√d_k + mask) V',
        does: `causal attention in each head: a T × T table of weights, then a weighted sum of values`,
        out: `[${cfg.nHead}, T, ${headSize(cfg)}]`,
        lesson: link('attention', 'multi-head-attention', 'Multi-head attention'),
        widget: link('attention', 'reusing-keys-and-values-the-kv-cache', 'KV cache'),
      },
      {
        name: 'attn.c_proj, +',
        does: 'heads joined and projected, then added to the stream',
        out: `[T, ${C}]`,
        lesson: link('attention', 'multi-head-attention', 'Multi-head attention'),
      },
      {
        name: 'ln_2 → mlp.c_fc → GELU',
        does: `each token on its own, widened to ${count(4 * cfg.nEmbd)}`,
        out: `[T, ${count(4 * cfg.nEmbd)}]`,
        lesson: link('architecture', 'inside-the-mlp', 'Inside the MLP'),
      },
      {
        name: 'mlp.c_proj, +',
        does: `back to ${C}, added to the stream`,
        out: `[T, ${C}]`,
        lesson: link('architecture', 'inside-the-mlp', 'Inside the MLP'),
        widget: residual,
      },
    ],
    nLayer: cfg.nLayer,
    output: [
      {
        name: 'ln_f',
        does: 'one last LayerNorm of the stream',
        out: `[T, ${C}]`,
        lesson: link('architecture', 'ln_f-and-lm_head', 'ln_f and lm_head'),
      },
      {
        name: 'lm_head',
        does: `a score per vocabulary entry (weights shared with wte)`,
        out: `[T, ${V}]`,
        lesson: link('architecture', 'ln_f-and-lm_head', 'ln_f and lm_head'),
        widget: link('architecture', 'predicting-the-next-token', 'Next-token probabilities'),
      },
      {
        name: 'softmax → sample',
        does: 'the last position’s logits into probabilities, then one token id',
        out: '[1]',
        lesson: link('sampling', 'from-logits-to-probabilities', 'From logits to probabilities'),
        widget: nextToken,
      },
    ],
  };
}
