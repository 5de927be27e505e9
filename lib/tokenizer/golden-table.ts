/**
 * Golden rows for GPT-2's tokenizer. The ids were produced with gpt-tokenizer's
 * r50k_base when the table was written and checked against values known by heart
 * (995 'Ġworld', 15496 'Hello', 198 'Ċ', 628 'ĊĊ', 220 'Ġ', 197 'ĉ', 470 "'t",
 * 338 "'s", 50256 `<|endoftext|>`) and against tiktoken's own test plans shipped in
 * gpt-tokenizer/data/TestPlans.txt (e.g. '123' → 10163). `decoded` is given when it
 * is not the text itself.
 */
export interface GoldenRow {
  text: string;
  ids: number[];
  /** the vocab strings, as in vocab.json, where they teach something */
  tokens?: string[];
  decoded?: string;
}

export const GOLDEN: readonly GoldenRow[] = [
  { text: '', ids: [] },
  {
    text: 'Hello world, attention is all you need.',
    ids: [15496, 995, 11, 3241, 318, 477, 345, 761, 13],
    tokens: ['Hello', 'Ġworld', ',', 'Ġattention', 'Ġis', 'Ġall', 'Ġyou', 'Ġneed', '.'],
  },
  { text: ' world', ids: [995], tokens: ['Ġworld'] },
  { text: 'hello', ids: [31373] },
  { text: 'a a', ids: [64, 257] },
  { text: ' tokenization', ids: [11241, 1634], tokens: ['Ġtoken', 'ization'] },

  // whitespace: a run before a word leaves its last space to the word
  { text: 'a  b', ids: [64, 220, 275], tokens: ['a', 'Ġ', 'Ġb'] },
  { text: '  leading', ids: [220, 3756], tokens: ['Ġ', 'Ġleading'] },
  { text: 'trailing spaces   ', ids: [9535, 4386, 9029, 220, 220, 220] },
  { text: '\n\n\n', ids: [628, 198], tokens: ['ĊĊ', 'Ċ'] },
  { text: '\tindented\ttabs', ids: [197, 521, 4714, 197, 8658, 82], tokens: ['ĉ', 'ind', 'ented', 'ĉ', 'tab', 's'] },
  { text: 'Hello\r\nworld', ids: [15496, 201, 198, 6894], tokens: ['Hello', 'č', 'Ċ', 'world'] },
  { text: '\u00a0nbsp', ids: [1849, 77, 24145], tokens: ['Âł', 'n', 'bsp'] },

  // contractions: the regex cuts lowercase ones only
  { text: "don't", ids: [9099, 470], tokens: ['don', "'t"] },
  { text: "I'll", ids: [40, 1183], tokens: ['I', "'ll"] },
  { text: "they're", ids: [9930, 821] },
  { text: "We've", ids: [1135, 1053] },
  { text: "She'd", ids: [3347, 1549] },
  { text: "it's", ids: [270, 338] },
  { text: "DON'T", ids: [41173, 6, 51], tokens: ['DON', "'", 'T'] },
  { text: "Mr. O'Neil's", ids: [5246, 13, 440, 6, 29354, 338] },

  // numbers: no digit grouping in GPT-2, BPE picks the pieces
  { text: '1234567', ids: [10163, 2231, 3134], tokens: ['123', '45', '67'] },
  { text: '3.14159', ids: [18, 13, 1415, 19707], tokens: ['3', '.', '14', '159'] },
  { text: '2026-11-28', ids: [1238, 2075, 12, 1157, 12, 2078] },
  { text: 'x = [i**2 for i in range(10)]\n', ids: [87, 796, 685, 72, 1174, 17, 329, 1312, 287, 2837, 7, 940, 15437, 198] },

  // emoji: 4 UTF-8 bytes each, cut across tokens
  { text: '🤗', ids: [8582, 97, 245], tokens: ['ðŁ', '¤', 'Ĺ'] },
  { text: '👍', ids: [41840, 235] },
  { text: '👨‍👩‍👧', ids: [41840, 101, 447, 235, 41840, 102, 447, 235, 41840, 100] },
  { text: '🏳️‍🌈', ids: [8582, 237, 111, 37929, 447, 235, 8582, 234, 230] },

  // CJK and accents: 2–3 bytes per character
  { text: '日本語のテキスト', ids: [33768, 98, 17312, 105, 45739, 252, 5641, 24336, 25084, 43302] },
  {
    text: 'café naïve résumé',
    ids: [66, 1878, 2634, 41492, 40560, 16345, 2634],
    tokens: ['c', 'af', 'Ã©', 'ĠnaÃ¯ve', 'ĠrÃ©', 'sum', 'Ã©'],
  },
  { text: 'Ünïcödé', ids: [127, 250, 77, 26884, 66, 9101, 67, 2634] },

  // the special token, allowed in user text
  { text: '<|endoftext|>', ids: [50256] },
  { text: 'The end.<|endoftext|>Once upon a time', ids: [464, 886, 13, 50256, 7454, 2402, 257, 640] },
  { text: '<|endoftext|><|endoftext|>', ids: [50256, 50256] },
  { text: '<|endoftext', ids: [27, 91, 437, 1659, 5239], tokens: ['<', '|', 'end', 'of', 'text'] },
];
