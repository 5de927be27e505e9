// tsx scripts/model-compact-eval.ts [--model models/demo] [--positions 256]
// Accuracy of compact.safetensors (8-bit embeddings, 4-bit blocks) against the fp32 decoder.onnx:
// both decoders are teacher-forced through the same tokens, and at every position we compare the
// next-token logits (max |error|, mean |error|) and the top-1 token.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { expandCompact } from '@/lib/model/compact';
import { fromHFConfig } from '@/lib/model/config';
import { Decoder } from '@/lib/model/decoder';
import { buildDecoderGraph } from '@/lib/model/export/decoder-graph';
import { encodeModel } from '@/lib/model/export/graph-builder';
import { argmax } from '@/lib/model/sampling';
import { encode } from '@/lib/tokenizer';

const { values } = parseArgs({ options: { model: { type: 'string', default: 'models/demo' }, positions: { type: 'string', default: '256' } } });
const dir = values.model!;
const N = Number(values.positions);
const TEXT =
  'The transformer reads a sequence of tokens and predicts the next one. Each block lets every position ' +
  'look back at the earlier positions through attention, then refines what it found with a small ' +
  'multilayer perceptron. GPT-2 stacks twelve such blocks, and its vocabulary of fifty thousand byte ' +
  'pair tokens covers any text, from English prose to source code. Training simply asks it, over and ' +
  'over, to guess the next token of web pages, and the knowledge it shows at the end is a side effect ' +
  'of getting better at that guess. ';
let tokens = encode(TEXT);
while (tokens.length < N) tokens = tokens.concat(encode(TEXT));
tokens = tokens.slice(0, N);

const config = fromHFConfig(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')));
const t0 = performance.now();
const fp32 = await Decoder.load(await readFile(join(dir, 'decoder.onnx')), config);
const compactBytes = await readFile(join(dir, 'compact.safetensors'));
const t1 = performance.now();
const expanded = expandCompact(compactBytes);
const t2 = performance.now();
const compact = await Decoder.load(encodeModel(buildDecoderGraph(expanded.config, expanded.weights)), config);
const t3 = performance.now();

let maxErr = 0;
let sumErr = 0;
let agree = 0;
let a = await fp32.prefill(tokens.slice(0, 1));
let b = await compact.prefill(tokens.slice(0, 1));
for (let t = 1; t <= N; t++) {
  for (let i = 0; i < a.length; i++) {
    const e = Math.abs(a[i] - b[i]);
    if (e > maxErr) maxErr = e;
    sumErr += e;
  }
  if (argmax(a) === argmax(b)) agree++;
  if (t === N) break;
  a = await fp32.step(tokens[t]);
  b = await compact.step(tokens[t]);
}
let range = 0;
for (const x of a) range = Math.max(range, Math.abs(x));
console.log(`${dir}: compact.safetensors ${(compactBytes.byteLength / 1e6).toFixed(1)} MB vs decoder.onnx fp32; ${N} teacher-forced positions`);
console.log(`  max |logit error| ${maxErr.toPrecision(3)}, mean |logit error| ${(sumErr / (N * a.length)).toPrecision(3)} (max |logit| at the last position ${range.toPrecision(3)})`);
console.log(`  top-1 agreement ${agree}/${N} (${((100 * agree) / N).toFixed(1)}%)`);
console.log(`  load: fp32 session ${((t1 - t0) / 1000).toFixed(1)} s; compact expand ${((t2 - t1) / 1000).toFixed(1)} s + build graph & session ${((t3 - t2) / 1000).toFixed(1)} s`);
