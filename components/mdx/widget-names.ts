// The live widgets a lesson can place, with the text their placeholder shows.
export const WIDGETS = {
  tokenizer: {
    title: 'Tokenizer playground',
    what: 'type any text and see GPT-2’s tokens, ids and bytes, and step through the BPE merges of a word.',
    minHeight: 640,
  },
  'training-pairs': {
    title: 'Training-pairs maker',
    what: 'turn a Shakespeare excerpt into (context → next token) training pairs, with a block_size slider.',
    minHeight: 560,
  },
  attention: {
    title: 'Attention explorer',
    what: 'see the real attention weights of every layer and head for your prompt, with the Q·K step by step.',
    minHeight: 470,
  },
  'kv-cache': {
    title: 'KV cache',
    what: 'watch how many positions are cached, the measured cost of the prompt versus each new token, and the same tokens without the cache.',
    minHeight: 750,
  },
  residual: {
    title: 'Residual stream',
    what: 'follow the residual stream through every layer and see what each LayerNorm does to it.',
    minHeight: 640,
  },
  'next-token': {
    title: 'Next-token probabilities',
    what: 'see the model’s top next tokens for your prompt, and what temperature, top-k and top-p remove.',
    minHeight: 720,
  },
  generator: {
    title: 'Generator',
    what: 'write a prompt and let the model continue it, with temperature, top-k, top-p and a seed.',
    minHeight: 420,
  },
  trainer: {
    title: 'Trainer',
    what: 'train a small GPT-2 on the lessons or your own text, right in this tab, and watch its loss fall.',
    minHeight: 900,
  },
} as const;

export type WidgetName = keyof typeof WIDGETS;
