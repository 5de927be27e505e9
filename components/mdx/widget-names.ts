// The live widgets a lesson can place, with the text their placeholder shows.
export const WIDGETS = {
  tokenizer: { title: 'Tokenizer playground', what: 'type any text and see GPT-2’s tokens, ids and bytes, and step through the BPE merges of a word.', minHeight: 640, built: true },
  'training-pairs': { title: 'Training-pairs maker', what: 'turn a Shakespeare excerpt into (context → next token) training pairs, with a block_size slider.', minHeight: 560, built: true },
  attention: { title: 'Attention explorer', what: 'the real attention weights of every layer and head for your prompt, with the Q·K step by step.', minHeight: 160, built: false },
  'kv-cache': { title: 'KV cache', what: 'how many positions are cached, and the measured cost of the prompt versus each new token.', minHeight: 160, built: false },
  residual: { title: 'Residual stream', what: 'per layer: the size of the residual stream, what LayerNorm does to it, and the logit lens.', minHeight: 160, built: false },
  'next-token': { title: 'Next-token probabilities', what: 'the model’s top next tokens for your prompt, and what temperature, top-k and top-p remove.', minHeight: 160, built: false },
  generator: { title: 'Generator', what: 'write a prompt and let the model continue it, with temperature, top-k, top-p and a seed.', minHeight: 420, built: true },
} as const;

export type WidgetName = keyof typeof WIDGETS;
