/**
 * GPT-2's tokenizer (r50k_base): byte-level BPE, 50,257 tokens. Plain TypeScript for
 * Node and the browser, no network. Node-only file writing lives in ./hf-files.
 */
export { encode, decode, idsToBytes, utf8Decode, LONG_CHUNK } from './codec';
export { tokenize, type TokenSpan } from './tokenize';
export { pretokenize, splitOnSpecial, GPT2_SPLIT_PATTERN } from './pretokenize';
export { bpeSteps, FIRST_MERGE_ID, type BpeStep, type BpeMerge } from './bpe-steps';
export { byteToUnicode, unicodeToByte, bytesToVocabString, vocabStringToBytes } from './byte-level';
export { VOCAB_SIZE, EOT_ID, EOT_TEXT, TokenIdError, tokenBytes, tokenString, tokenStrings, idOfTokenString } from './vocab';
