// The contract between the reader's study notes and the lessons: every fact or question in
// concept-pamphlet.md is taught by at least one lesson card. The rows below are the contract;
// the notes file is read too, so that a line added to the notes without a row fails here.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../content/extract-cards';
import { renderClozeAnswer, type Card } from './index';

interface Row {
  fact: string;
  /** Where the fact is in the notes (case-insensitive, curly quotes straightened). */
  inNotes: RegExp;
  /** What at least one card's text (front + back, cloze answers filled in) must say. */
  mustMatch: RegExp;
}

const ROWS: Row[] = [
  { fact: 'GPT-2 small: 124M parameters', inNotes: /124m/, mustMatch: /\b124M\b/ },
  { fact: '12 layers', inNotes: /12 layers/, mustMatch: /\b12 (layers|transformer blocks)/ },
  { fact: '768 channels', inNotes: /768 channels/, mustMatch: /\b768 channels/ },
  { fact: 'wte is the token embedding', inNotes: /wte = token embedding/, mustMatch: /wte\b[^\n]{0,20}token embedding/ },
  { fact: 'wte is also the output embedding', inNotes: /also, output embedding/, mustMatch: /wte[^\n]*also the output embedding/ },
  { fact: 'wpe is the positional embedding', inNotes: /wpe = positional embedding/, mustMatch: /wpe\b[^\n]{0,20}positional embedding/ },
  {
    fact: 'h.0 … h.11: the 12 hidden layers',
    inNotes: /h\.0, h\.1…h\.1 = hidden layers\. 12/,
    mustMatch: /h\.0 … h\.11 are [^\n]*12 transformer blocks \(hidden layers\)/,
  },
  { fact: 'ln_f is a normalization layer', inNotes: /ln_f = normalization layer/, mustMatch: /ln_f[\s\S]{0,60}normalization layer/ },
  { fact: 'lm_head is a linear layer', inNotes: /lm_head = linear/, mustMatch: /lm_head is a linear layer/ },
  { fact: 'vocab size 50257 tokens', inNotes: /50257 tokens/, mustMatch: /50,?257 tokens/ },
  { fact: 'embedding size 768', inNotes: /768 embedding size/, mustMatch: /n_embd\W+768/ },
  {
    fact: 'tiktoken is a fast open-source BPE tokenizer',
    inNotes: /tiktoken >> is a fast open source bpe tokeniser/,
    mustMatch: /tiktoken is a fast,? open[- ]source BPE tokeni[sz]er/,
  },
  {
    fact: 'the five GPT config fields',
    inNotes: /what five fields for gpt config\? \? block_size, vocab_size, n_layer, n_head, n_embd/,
    mustMatch: /What five fields for GPT config\? block_size, vocab_size, n_layer, n_head, n_embd/,
  },
  {
    fact: 'block_size = 1024, the max sequence length',
    inNotes: /block_size: int = 1024 # max sequence length/,
    mustMatch: /block_size\W+1024\W+(the )?max(imum)? sequence length/,
  },
  {
    fact: 'vocab_size = 50257, the number of tokens',
    inNotes: /vocab_size: int = 50257 # number of tokens/,
    mustMatch: /vocab_size\W+50,?257\W+(the )?number of tokens/,
  },
  {
    fact: 'vocab = 50,000 merges + 256 bytes + 1 <|endoftext|>',
    inNotes: /50,000 bpe merges \+ 256 bytes tokens \+ 1 <\|endoftext\|> token/,
    mustMatch: /50,000 BPE merges \+ 256 byte tokens \+ 1 `?<\|endoftext\|>/,
  },
  {
    fact: 'n_layer = 12, the number of layers',
    inNotes: /n_layer: int = 12 # number of layers/,
    mustMatch: /n_layer\W+12\W+(the )?number of layers/,
  },
  {
    fact: 'each layer: self-attention + feed-forward network',
    inNotes: /each layer consists of a self-attention mechanism and a feedforward neural network/,
    mustMatch: /self-attention (mechanism|layer) and a feed-?forward (network|MLP)/,
  },
  {
    fact: 'n_head = 12 attention heads',
    inNotes: /n_head: int = 12 # number of attention heads/,
    mustMatch: /n_head\W+12\W+(the )?number of attention heads/,
  },
  {
    fact: 'multi-head attention attends to different parts at once',
    inNotes: /multi-head attention allows the model to attend to different parts of the input sequence simultaneously/,
    mustMatch: /attend to different (parts|things)[^\n]*at the same time/,
  },
  {
    fact: 'n_embd = 768, the embedding dimension',
    inNotes: /n_embd: int = 768 # embedding dimension/,
    mustMatch: /n_embd\W+768\W+(the )?embedding dimension/,
  },
  {
    fact: 'each token is mapped to a dense vector of size n_embd',
    inNotes: /each token in the input sequence is mapped to a dense vector of size\s+n_embd/,
    mustMatch: /each token is mapped to a dense vector/,
  },
  {
    fact: 'tokenizing is like the PAO memorization technique',
    inNotes: /memorization techniques like ____ >> pao/,
    mustMatch: /memorization techniques like PAO/,
  },
  {
    fact: 'Shakespeare → step 1: tokenize it',
    inNotes:
      /say for example that we have a corpus of shakespeare's texts[\s\S]*how do you convert this text into training data\? 2 steps[\s\S]*\? tokenize it/,
    mustMatch: /Shakespeare into training data: step 1, tokenize it/,
  },
  {
    fact: 'step 2: (block_size chunk, next token) pairs',
    inNotes: /key is a chunk of block_size, and value is the target is the next token/,
    mustMatch: /step 2, make input\/target pairs: chunks of block_size tokens, where every position's target is the token after it/,
  },
  {
    fact: 'training vs inference modes: dropout',
    inNotes: /some modes will be different based on training vs\. inference\. for ex, whether to drop layers/,
    mustMatch: /differently in training and inference\. In GPT-2 it is dropout/,
  },
  { fact: 'dropout drops activations, not layers', inNotes: /whether to drop layers/, mustMatch: /Individual activations, not layers/ },
  {
    fact: 'the scaled dot-product attention equation',
    inNotes: /scaled dot product attention equation \?/,
    mustMatch: /Attention\(Q, K, V\) = softmax\(QKᵀ \/ √d_k\) · V/,
  },
  {
    fact: 'attention maps a query and a set of key-value pairs',
    inNotes: /attention mappings can be described as a function of a query and a set of key-value pairs/,
    mustMatch: /function that maps a query and a set of key-value pairs/,
  },
  {
    fact: 'how attention works with QKV',
    inNotes: /how does attention work in a transformer with qkv\?/,
    mustMatch: /scores are computed between a query and all keys/i,
  },
  {
    fact: 'scores between a query and all keys, by dot product',
    inNotes: /attention scores computed between a ___ and all ____, usually using dot product[\s\S]*\? query, keys, normalize/,
    mustMatch: /scores are computed between a query and all keys, usually with a dot product/,
  },
  {
    fact: 'softmax normalizes the scores into probabilities',
    inNotes: /scores are passed through softmax to ______ into probabilities[\s\S]*\? query, keys, normalize/,
    mustMatch: /softmax to normalize them into probabilities/,
  },
  {
    fact: 'output = weighted sum of the values, weights = normalized scores',
    inNotes: /output of attention mechanism is the weighted sum of the values, where the weights are the normalized attention scores/,
    mustMatch: /weighted sum of the values, where the weights are [^\n]*(normalized|softmax)/,
  },
  { fact: 'GPT-2 is decoder-only', inNotes: /gpt-2 is a decoder only model/, mustMatch: /GPT-2 is a decoder-only transformer/ },
  {
    fact: 'pre-norm: layer norm before, not after',
    inNotes: /layer normalization - add and norm is before rather than after in gpt-2/,
    mustMatch: /layer normalization comes before attention and before the MLP[^\n]*rather than after/,
  },
  {
    fact: 'one more (final) norm at the end',
    inNotes: /there's one more norm at the end/,
    mustMatch: /one more LayerNorm, ln_f, at the end/,
  },
  {
    fact: 'nn.Embedding wraps a single array of numbers',
    inNotes: /nn\.embedding - fancy wrapper around single array of numbers/,
    mustMatch: /nn\.Embedding is a fancy wrapper around a single array of numbers/,
  },
  {
    fact: 'GPT class modules: wte, wpe, h, ln_f, lm_head',
    inNotes: /gpt class wte- token embeddings wpe h ln_f lm_head/,
    mustMatch: /parts of nanoGPT's GPT class, in order \(dropout aside\)\? wte, wpe, h, ln_f, lm_head/,
  },
  { fact: 'term: PyTorch', inNotes: /^pytorch$/m, mustMatch: /PyTorch/ },
  {
    fact: 'term / reference: Attention Is All You Need',
    inNotes: /^attention is all you need( paper)?$/m,
    mustMatch: /Attention Is All You Need \(Vaswani et al\., 2017\)/,
  },
  {
    fact: 'the GPT-2 paper',
    inNotes: /^gpt-2 paper$/m,
    mustMatch: /GPT-2 was published by OpenAI in 2019 in the paper “Language Models are Unsupervised Multitask Learners”/,
  },
  { fact: 'GPT-2 strengths?', inNotes: /^\s*• strengths\?$/m, mustMatch: /GPT-2 strengths\?/ },
  { fact: 'GPT-2 weaknesses?', inNotes: /^\s*• weaknesses\?$/m, mustMatch: /GPT-2 weaknesses\?/ },
  { fact: "reference: Karpathy's GPT video", inNotes: /karpathy's gpt video/, mustMatch: /Karpathy's GPT video/ },
  {
    fact: 'supplementary: visual guide to transformers, parts 1–3',
    inNotes: /visual guide to transformers part 1: .* part 2: .* part 3: /,
    mustMatch:
      /Visual Guide to Transformer Neural Networks: episode 1, Position Embeddings; episode 2, Multi-Head & Self-Attention; episode 3, Decoder's Masked Attention/,
  },
];

/** Lines of the notes that state no fact (headings, tags, instructions to oneself). */
const NOT_FACTS: Record<string, string> = {
  '#concept-pamphlet #todo: finish vid and notes': 'tags and a to-do',
  terms: 'a heading',
  processes: 'a heading (the process notes below are rows)',
  notes: 'a heading',
  references: 'a heading',
  'supplementary materials': 'a heading',
  'more notes': 'a heading',
  'visualize transformer architecture': 'an instruction to oneself (the lessons draw the diagrams)',
  memorize: 'an instruction to oneself (these cards)',
};

const straighten = (s: string) =>
  s
    .replace(/[’‘]/g, "'")
    .replace(/\u00a0/g, ' ')
    .toLowerCase();
const cardText = (c: Card) => `${c.type === 'cloze' ? renderClozeAnswer(c.front, 'all') : c.front}\n${c.back}`;

// Paths from the repo root (resolved from this file, whatever the working directory).
const fromRoot = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
// The learner's study notes, as the project keeps them.
const notesPath = 'test/fixtures/concept-pamphlet.md';
const notes = straighten(readFileSync(fromRoot(notesPath), 'utf8'));

describe(`notes coverage (${notesPath} → content/*.mdx)`, () => {
  it('every row is a fact of the notes', () => {
    const missing = ROWS.filter((r) => !r.inNotes.test(notes)).map((r) => r.fact);
    expect(missing).toEqual([]);
  });

  it('every line of the notes is a row (or explicitly not a fact)', () => {
    const lines = notes
      .split('\n')
      .map((l) => l.replace(/^\s*(•|\d+\.)\s*/, '').trim())
      .filter(Boolean);
    const unclaimed = lines.filter((line) => !(line in NOT_FACTS) && !ROWS.some((r) => lineMatches(r.inNotes, line)));
    expect(unclaimed).toEqual([]);
  });

  it('every row is taught by at least one lesson card', async () => {
    const cards = await loadDeck(fromRoot('content'));
    expect(cards.length).toBeGreaterThan(0);
    const texts = cards.map(cardText);
    const uncovered = ROWS.filter((r) => !texts.some((t) => r.mustMatch.test(t))).map((r) => `${r.fact}  (${r.mustMatch})`);
    expect(uncovered).toEqual([]);
  });
});

/** A row claims a line when its pattern matches inside the line, or the line lies inside its match. */
function lineMatches(pattern: RegExp, line: string): boolean {
  if (pattern.test(line)) return true;
  const m = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(notes);
  return m !== null && m[0].includes(line);
}
