// The glossary: each term of the pamphlet defined in one to three sentences, with the lesson
// section that teaches it. Numbers in the definitions are GPT-2 small's, checked against the model
// config by glossary.test.ts. Definitions are plain text (math as Unicode), rendered as text.

export interface GlossaryEntry {
  /** Anchor on the glossary page. */
  id: string;
  term: string;
  definition: string;
  /** The lesson section that teaches it; absent while no lesson does. */
  taughtIn: { href: string; label: string };
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'token',
    term: 'Token',
    definition:
      'A piece of text the model reads and writes: a word, part of a word, a word with its leading space, a punctuation mark or a single byte. Every text becomes a sequence of tokens before the model sees it.',
    taughtIn: { href: '/lessons/tokenization/#why-split-text-into-tokens', label: 'Tokenization § Why split text into tokens' },
  },
  {
    id: 'token-id',
    term: 'Token id',
    definition:
      "A token's number in the vocabulary, from 0 to 50,256. The model sees only these ids; decoding maps them back to bytes and then to text.",
    taughtIn: { href: '/lessons/tokenization/#the-vocabulary-50257-tokens', label: 'Tokenization § The vocabulary' },
  },
  {
    id: 'bpe',
    term: 'BPE (byte-pair encoding)',
    definition:
      "How GPT-2's tokens were made: start from the 256 byte values and repeatedly merge the most frequent adjacent pair into a new token. 256 bytes, 50,000 merges and <|endoftext|> give the 50,257 tokens.",
    taughtIn: { href: '/lessons/tokenization/#byte-pair-encoding', label: 'Tokenization § Byte-pair encoding' },
  },
  {
    id: 'embedding',
    term: 'Embedding',
    definition: 'A learned vector per token: GPT-2 small looks up row i of the 50,257 × 768 matrix wte for token id i.',
    taughtIn: { href: '/lessons/architecture/#wte-the-token-embedding', label: 'Architecture § wte: the token embedding' },
  },
  {
    id: 'position-embedding',
    term: 'Position embedding',
    definition:
      'A learned vector per position, 0 to 1,023 (the 1,024 × 768 matrix wpe), added to the token embedding so that the model knows where each token sits.',
    taughtIn: { href: '/lessons/architecture/#wpe-learned-positions', label: 'Architecture § wpe: learned positions' },
  },
  {
    id: 'logit',
    term: 'Logit',
    definition:
      'An unnormalized score. At every position lm_head gives one per vocabulary entry, 50,257 in all; a softmax turns them into probabilities.',
    taughtIn: { href: '/lessons/architecture/#ln_f-and-lm_head', label: 'Architecture § ln_f and lm_head' },
  },
  {
    id: 'softmax',
    term: 'Softmax',
    definition:
      'softmax(z)ᵢ = exp(zᵢ) / Σⱼ exp(zⱼ): turns a vector of scores into positive numbers that sum to 1. GPT-2 uses it for attention weights and for next-token probabilities.',
    taughtIn: { href: '/lessons/attention/#4-softmax-scores-into-probabilities', label: 'Attention § Softmax scores into probabilities' },
  },
  {
    id: 'residual-stream',
    term: 'Residual stream',
    definition:
      'The running vector at each position, from the embeddings through every block to ln_f. Each attention and MLP branch reads a normalized copy of it and adds its result back.',
    taughtIn: { href: '/lessons/architecture/#pre-norm-versus-post-norm', label: 'Architecture § Pre-norm versus post-norm' },
  },
  {
    id: 'attention-head',
    term: 'Attention head',
    definition:
      'One attention computation with its own queries, keys and values of 64 numbers each. GPT-2 small has 12 heads per block; their outputs are put side by side, back to 768 numbers.',
    taughtIn: { href: '/lessons/attention/#multi-head-attention', label: 'Attention § Multi-head attention' },
  },
  {
    id: 'block',
    term: 'Block',
    definition:
      'One transformer layer: LayerNorm, attention, add to the stream; LayerNorm, MLP, add to the stream. GPT-2 small stacks 12 of them, h.0 to h.11.',
    taughtIn: { href: '/lessons/architecture/#h0-to-h11-the-blocks', label: 'Architecture § h.0 to h.11: the blocks' },
  },
  {
    id: 'context-window',
    term: 'Context window',
    definition: 'The most tokens the model can see at once: block_size = 1,024 for GPT-2, one row of wpe per position.',
    taughtIn: { href: '/lessons/architecture/#the-config-five-numbers', label: 'Architecture § The config: five numbers' },
  },
  {
    id: 'causal-mask',
    term: 'Causal mask',
    definition:
      'Sets the attention scores from each position to every later position to −∞ before the softmax, so that a token attends only to itself and the tokens before it.',
    taughtIn: { href: '/lessons/attention/#the-causal-mask', label: 'Attention § The causal mask' },
  },
  {
    id: 'kv-cache',
    term: 'KV cache',
    definition:
      'The keys and values of the tokens already processed, kept between generation steps, so that each new token computes only its own query, key and value instead of running the whole text again.',
    taughtIn: { href: '/lessons/attention/#reusing-keys-and-values-the-kv-cache', label: 'Attention § The KV cache' },
  },
  {
    id: 'layernorm',
    term: 'LayerNorm',
    definition:
      "Normalizes each position's 768 numbers to mean 0 and variance 1, then scales and shifts them with learned parameters. GPT-2 applies one before each branch of a block and one at the end (ln_f).",
    taughtIn: { href: '/lessons/architecture/#what-layernorm-does', label: 'Architecture § What LayerNorm does' },
  },
  {
    id: 'query-key-value',
    term: 'Query, key, value',
    definition:
      "Three vectors each position computes from its normalized stream with c_attn. A position's query is compared with every key (score q·k/√64), and the values are averaged with the resulting weights.",
    taughtIn: { href: '/lessons/attention/#where-q-k-and-v-come-from', label: 'Attention § Where Q, K and V come from' },
  },
  {
    id: 'cross-entropy',
    term: 'Cross-entropy',
    definition:
      'The training loss: minus the log of the probability the model gave the actual next token, averaged over every position. A model that spreads its probability evenly over the 50,257 tokens scores ln 50,257 ≈ 10.8.',
    taughtIn: {
      href: '/lessons/sampling/#the-training-objective-cross-entropy',
      label: 'Sampling § The training objective: cross-entropy',
    },
  },
  {
    id: 'perplexity',
    term: 'Perplexity',
    definition:
      'exp(cross-entropy): the model is, on average, as unsure as if it chose uniformly among that many tokens. GPT-2 cut the perplexity on LAMBADA from 99.8 to 8.6.',
    taughtIn: { href: '/lessons/sampling/#perplexity', label: 'Sampling § Perplexity' },
  },
  {
    id: 'temperature',
    term: 'Temperature',
    definition:
      'Divides the logits before the softmax when sampling: below 1 it sharpens the distribution toward the most likely tokens, above 1 it flattens it; towards 0 sampling becomes greedy.',
    taughtIn: { href: '/lessons/sampling/#temperature', label: 'Sampling § Temperature' },
  },
];
