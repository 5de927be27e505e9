import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tokenizer } from '@huggingface/tokenizers';
import { AutoTokenizer, PreTrainedTokenizer, env } from '@huggingface/transformers';
import { decode, encode, EOT_ID, tokenString, VOCAB_SIZE } from './index';
import { writeTokenizerFiles } from './hf-files';
import { GOLDEN } from '@/test/fixtures/tokenizer-golden-table';
import { r50kTestPlans } from '@/test/fixtures/tiktoken-test-plans';

const MODEL_ID = 'gpt2-from-ranks';
let root: string;
let dir: string;
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gpt2-tokenizer-'));
  dir = join(root, MODEL_ID);
  await writeTokenizerFiles(dir);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the written files', () => {
  it('vocab.json lists all 50,257 tokens in id order', () => {
    const text = read('vocab.json');
    const vocab: Record<string, number> = JSON.parse(text);
    expect(Object.keys(vocab)).toHaveLength(VOCAB_SIZE);
    expect(vocab['Ġworld']).toBe(995);
    expect(vocab['<|endoftext|>']).toBe(EOT_ID);
    expect(text.startsWith('{"!":0,"\\"":1,"#":2,')).toBe(true);
    expect(text.trimEnd().endsWith('"Ġgazed":50255,"<|endoftext|>":50256}')).toBe(true);
  });

  it('merges.txt has the header and 50,000 merges', () => {
    const lines = read('merges.txt').trimEnd().split('\n');
    expect(lines[0]).toBe('#version: 0.2');
    expect(lines).toHaveLength(50_001);
    expect(lines.slice(1, 4)).toEqual(['Ġ t', 'Ġ a', 'h e']);
  });

  it('tokenizer.json is a byte-level BPE with <|endoftext|> as the special token', () => {
    const json = JSON.parse(read('tokenizer.json'));
    expect(json.model.type).toBe('BPE');
    expect(json.model.merges).toHaveLength(50_000);
    expect(json.model.vocab['Ġworld']).toBe(995);
    expect(json.pre_tokenizer).toEqual({ type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true });
    expect(json.decoder.type).toBe('ByteLevel');
    expect(json.added_tokens).toEqual([expect.objectContaining({ id: EOT_ID, content: '<|endoftext|>', special: true })]);
  });

  it('tokenizer_config.json describes GPT2Tokenizer', () => {
    const config = JSON.parse(read('tokenizer_config.json'));
    expect(config).toMatchObject({
      tokenizer_class: 'GPT2Tokenizer',
      bos_token: '<|endoftext|>',
      eos_token: '<|endoftext|>',
      unk_token: '<|endoftext|>',
      model_max_length: 1024,
    });
  });

  it('is the same text when written again', async () => {
    const again = join(root, 'again');
    await writeTokenizerFiles(again);
    for (const name of ['tokenizer.json', 'tokenizer_config.json', 'vocab.json', 'merges.txt']) {
      expect(readFileSync(join(again, name), 'utf8') === read(name), name).toBe(true);
    }
  });
});

describe('@huggingface/tokenizers loading tokenizer.json', () => {
  let hf: Tokenizer;
  beforeAll(() => {
    hf = new Tokenizer(JSON.parse(read('tokenizer.json')), JSON.parse(read('tokenizer_config.json')));
  });

  it.each(GOLDEN)('encodes $text like encode()', ({ text, ids }) => {
    expect(hf.encode(text).ids).toEqual(ids);
    expect(hf.encode(text).ids).toEqual(encode(text));
  });

  it.each(GOLDEN.filter((r) => r.ids.length > 0))('decodes $text like decode()', ({ ids }) => {
    expect(hf.decode(ids)).toBe(decode(ids));
  });

  it.each(r50kTestPlans())('encodes tiktoken test plan $sample', ({ sample, encoded }) => {
    expect(hf.encode(sample).ids).toEqual(encoded);
  });

  it('has the same vocab strings', () => {
    for (const id of [0, 188, 220, 256, 995, 8582, 50255, 50256]) expect(hf.id_to_token(id)).toBe(tokenString(id));
  });
});

describe('transformers.js AutoTokenizer loading the folder offline', () => {
  let tok: PreTrainedTokenizer;
  beforeAll(async () => {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = root + '/';
    tok = await AutoTokenizer.from_pretrained(MODEL_ID);
  });

  it('is a GPT2Tokenizer', () => {
    expect(tok).toBeInstanceOf(PreTrainedTokenizer);
    expect(tok.constructor.name).toBe('GPT2Tokenizer');
    expect(tok.model_max_length).toBe(1024);
  });

  it.each(GOLDEN)('encodes $text like encode()', ({ text, ids }) => {
    expect(tok.encode(text)).toEqual(ids);
  });

  it.each(GOLDEN.filter((r) => r.ids.length > 0))('decodes $text like decode()', ({ ids }) => {
    expect(tok.decode(ids)).toBe(decode(ids));
  });

  it.each(r50kTestPlans())('encodes tiktoken test plan $sample', ({ sample, encoded }) => {
    expect(tok.encode(sample)).toEqual(encoded);
  });
});
