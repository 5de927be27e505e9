// npm run --silent generate -- --model DIR --prompt "TEXT" --max-new-tokens N
//   [--greedy | --temperature T --top-k K --top-p P --seed S] [--json] [--threads N] [--variant compact|fp32]
//   [--precision int8|q4|fp32]
// Runs the decoder graph with onnxruntime-web (wasm) in Node. Prints the prompt and its continuation,
// or with --json: { "ids": [generated ids], "text": "generated text" }. Timings go to stderr.
// --variant: like the browser, 'compact' (the default when the manifest lists compact.safetensors)
// expands the compact weights and builds the graph in memory (lib/model/compact-graph.ts); 'fp32'
// runs decoder.onnx as exported. --precision: what a graph built from compact weights computes in;
// the default is the browser's WASM choice (int8); q4 is its WebGPU choice (slow on the CPU: no
// 4-bit kernel, but the same numbers, so the browser's WebGPU tokens can be checked against it).

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decode, encode } from '@/lib/tokenizer';
import { sessionSource, type SessionSource } from '@/lib/model/session-source';
import { choosePrecision, chooseVariant } from '@/lib/worker/model-variant';
import { fromHFConfig } from '@/lib/model/config';
import { Decoder } from '@/lib/model/decoder';
import { generate } from '@/lib/model/generate';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'models/demo' },
    prompt: { type: 'string', default: '' },
    'max-new-tokens': { type: 'string', default: '32' },
    greedy: { type: 'boolean', default: false },
    temperature: { type: 'string', default: '1' },
    'top-k': { type: 'string', default: '0' },
    'top-p': { type: 'string', default: '1' },
    seed: { type: 'string', default: '0' },
    json: { type: 'boolean', default: false },
    threads: { type: 'string', default: '1' },
    variant: { type: 'string' },
    precision: { type: 'string' },
  },
});

const dir = values.model!;
let config;
let source: SessionSource;
let variant: 'compact' | 'fp32';
try {
  config = fromHFConfig(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')));
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  const want = values.variant ?? 'auto';
  if (want !== 'auto' && want !== 'compact' && want !== 'fp32') throw new Error(`--variant must be compact or fp32, got "${want}"`);
  const plan = chooseVariant(manifest.files ?? {}, want); // the browser worker's choice
  variant = plan.variant;
  const entry = plan.entry;
  const precision = values.precision ?? 'auto';
  if (precision !== 'auto' && precision !== 'int8' && precision !== 'q4' && precision !== 'fp32') throw new Error(`--precision must be int8, q4 or fp32, got "${precision}"`);
  source = sessionSource(plan.variant, await readFile(join(dir, entry.path)), choosePrecision(plan.variant, 'wasm', precision, manifest.accuracy));
} catch (e) {
  console.error(`cannot load a model from ${dir}: ${(e as Error).message}\nBuild one with "npm run model:demo" or "npm run model:gpt2".`);
  process.exit(1);
}

const t0 = performance.now();
const decoder = await Decoder.load(source.onnx, config, { numThreads: Number(values.threads), externalData: source.externalData });
const loadMs = performance.now() - t0;
const promptIds = encode(values.prompt!);
const ids: number[] = [];
let printed = '';
if (!values.json) process.stdout.write(values.prompt!);
const times: number[] = [];
for await (const t of generate(decoder, promptIds, {
  maxNewTokens: Number(values['max-new-tokens']),
  greedy: values.greedy,
  temperature: Number(values.temperature),
  topK: Number(values['top-k']),
  topP: Number(values['top-p']),
  seed: Number(values.seed),
})) {
  ids.push(t.id);
  times.push(t.ms);
  if (!values.json) {
    const text = decode(ids);
    if (!text.endsWith('\uFFFD')) {
      process.stdout.write(text.slice(printed.length)); // hold back a split UTF-8 character
      printed = text;
    }
  }
}
const text = decode(ids);
if (values.json) process.stdout.write(JSON.stringify({ ids, text }) + '\n');
else process.stdout.write(text.slice(printed.length) + '\n');
const decodeMs = times.slice(1).reduce((a, b) => a + b, 0);
console.error(
  `[${config.nLayer} layers, C=${config.nEmbd}, ${variant}] load ${loadMs.toFixed(0)} ms, prompt ${promptIds.length} tokens, prefill ${(times[0] ?? 0).toFixed(0)} ms, ` +
    `${ids.length} tokens, ${times.length > 1 ? ((1000 * (times.length - 1)) / decodeMs).toFixed(1) : '–'} tok/s`,
);
await decoder.release();
