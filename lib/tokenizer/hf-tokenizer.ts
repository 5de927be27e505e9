/**
 * The Hugging Face files for GPT-2's tokenizer, as text, built from the ranks: what
 * `transformers` / `@huggingface/tokenizers` / transformers.js load. No node:fs here
 * (see hf-files.ts), so a browser could build them too. Output is deterministic: the
 * vocab is written in id order and the merges in rank order.
 */
import { gpt2Merges } from './merges';
import { EOT_ID, EOT_TEXT, VOCAB_SIZE, tokenString } from './vocab';

export const MODEL_MAX_LENGTH = 1024; // GPT-2's n_ctx

const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true };

const eotAddedToken = {
  id: EOT_ID,
  content: EOT_TEXT,
  single_word: false,
  lstrip: false,
  rstrip: false,
  normalized: true,
  special: true,
};

/**
 * `{"!":0,"\"":1,…}` in id order. Built by hand because a JS object would move
 * integer-like keys such as "0" or "1234" to the front.
 */
function vocabObjectText(): string {
  const entries: string[] = [];
  for (let id = 0; id < VOCAB_SIZE; id++) entries.push(`${JSON.stringify(tokenString(id))}:${id}`);
  return `{${entries.join(',')}}`;
}

/** tokenizer.json: BPE model, ByteLevel pre-tokenizer/decoder, `<|endoftext|>` as added token. */
export function tokenizerJsonText(): string {
  const VOCAB = '@@VOCAB@@';
  const doc = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [eotAddedToken],
    normalizer: null,
    pre_tokenizer: byteLevel,
    post_processor: { ...byteLevel, trim_offsets: false },
    decoder: byteLevel,
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab: VOCAB,
      merges: gpt2Merges().map(([l, r]) => `${l} ${r}`),
    },
  };
  return JSON.stringify(doc).replace(JSON.stringify(VOCAB), () => vocabObjectText()) + '\n';
}

/** tokenizer_config.json for GPT2Tokenizer. clean_up_tokenization_spaces is off so decode is exact. */
export function tokenizerConfigJsonText(): string {
  const { id: _id, ...eotFlags } = eotAddedToken;
  const config = {
    add_bos_token: false,
    add_prefix_space: false,
    added_tokens_decoder: { [EOT_ID]: eotFlags },
    bos_token: EOT_TEXT,
    clean_up_tokenization_spaces: false,
    eos_token: EOT_TEXT,
    errors: 'replace',
    model_max_length: MODEL_MAX_LENGTH,
    pad_token: null,
    tokenizer_class: 'GPT2Tokenizer',
    unk_token: EOT_TEXT,
  };
  return JSON.stringify(config, null, 2) + '\n';
}

/** vocab.json (GPT-2's encoder.json): vocab-string → id, `<|endoftext|>` included. */
export function vocabJsonText(): string {
  return vocabObjectText() + '\n';
}

/** merges.txt: the version header, then one "left right" pair per line in rank order. */
export function mergesTxtText(): string {
  return ['#version: 0.2', ...gpt2Merges().map(([l, r]) => `${l} ${r}`)].join('\n') + '\n';
}

/** All four files, by file name. */
export function hfTokenizerFiles(): Record<string, string> {
  return {
    'tokenizer.json': tokenizerJsonText(),
    'tokenizer_config.json': tokenizerConfigJsonText(),
    'vocab.json': vocabJsonText(),
    'merges.txt': mergesTxtText(),
  };
}
