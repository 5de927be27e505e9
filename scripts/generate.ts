// npm run --silent generate -- --model DIR --prompt "TEXT" --max-new-tokens N
//   [--greedy | --temperature T --top-k K --top-p P --seed S] [--json] [--threads N] [--variant compact|fp32]
//   [--precision int8|q4|fp32]
// Runs the decoder graph with onnxruntime-web (wasm) in Node. Prints the prompt and its continuation,
// or with --json: { "ids": [generated ids], "text": "generated text" }. Timings go to stderr.
// A model with token_map.json (trained by `npm run train`) reads and writes GPT-2 ids through it;
// prompt tokens outside its vocabulary are left out, with a note on stderr.
// --variant: like the browser, 'compact' (the default when the manifest lists compact.safetensors)
// expands the compact weights and builds the graph in memory (lib/model/compact-graph.ts); 'fp32'
// runs decoder.onnx as exported. --precision: what a graph built from compact weights computes in;
// the default is the browser's WASM choice (int8); q4 is its WebGPU choice (slow on the CPU: no
// 4-bit kernel, but the same numbers, so the browser's WebGPU tokens can be checked against it).

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decode, encode } from '@/lib/tokenizer';
import { sessionSource, type SessionSource } from '@/lib/model/session-source';
import { planLoad } from '@/lib/model/load-plan';
import { parseManifest, type ManifestFile } from '@/lib/model/manifest';
import { TokenMap } from '@/lib/model/token-map';
import { fromHFConfig } from '@/lib/model/config';
import { Decoder } from '@/lib/model/decoder';
import { generate } from '@/lib/model/generate';
import { LIMITS, MAX_PROMPT_CHARS } from '@/lib/worker/generator-settings';
import { UsageError, choiceFlag, intFlag, numberFlag, parseFlags, runCli } from './cli-flags';

runCli(async () => {
  const { values } = parseFlags(
    {
      model: { type: 'string', default: 'models/demo' },
      prompt: { type: 'string', default: '' },
      'max-new-tokens': { type: 'string' },
      greedy: { type: 'boolean', default: false },
      temperature: { type: 'string' },
      'top-k': { type: 'string' },
      'top-p': { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
      threads: { type: 'string' },
      variant: { type: 'string' },
      precision: { type: 'string' },
    },
    process.argv.slice(2),
  );
  // The same limits as the browser's generator fields.
  const maxNewTokens = intFlag('max-new-tokens', values['max-new-tokens'], 32, 1, 1024);
  const temperature = numberFlag('temperature', values.temperature, 1, LIMITS.temperature[0], LIMITS.temperature[1]);
  const topK = intFlag('top-k', values['top-k'], 0, 0, 50_257);
  const topP = numberFlag('top-p', values['top-p'], 1, LIMITS.topP[0], LIMITS.topP[1]);
  const seed = intFlag('seed', values.seed, 0, LIMITS.seed[0], LIMITS.seed[1]);
  const threads = intFlag('threads', values.threads, 1, 1, 64);
  const want = choiceFlag('variant', values.variant, 'auto', ['auto', 'compact', 'fp32'] as const);
  const wantPrecision = choiceFlag('precision', values.precision, 'auto', ['auto', 'int8', 'q4', 'fp32'] as const);
  const prompt = values.prompt!;
  if (prompt.length > MAX_PROMPT_CHARS) throw new UsageError(`--prompt is ${prompt.length} characters; at most ${MAX_PROMPT_CHARS}`);

  const dir = values.model!;
  let config;
  let source: SessionSource;
  let variant: 'compact' | 'fp32';
  let tokenMap: TokenMap | undefined;
  try {
    config = fromHFConfig(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')));
    const manifest = parseManifest(await readFile(join(dir, 'manifest.json'), 'utf8'));
    const plan = planLoad(manifest, 'wasm', { variant: want, precision: wantPrecision }); // the browser worker's plan on WASM
    variant = plan.variant;
    // The browser checks every model file against the manifest's sha256; so does this.
    const checked = async (entry: ManifestFile) => {
      const bytes = await readFile(join(dir, entry.path));
      if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256)
        throw new Error(`${entry.path} does not match its sha256 in manifest.json (damaged or replaced; export it again)`);
      return bytes;
    };
    source = sessionSource(plan.file, await checked(plan.entry), plan.precision);
    const mapFile = manifest.files.token_map;
    if (mapFile) tokenMap = TokenMap.parse(new TextDecoder().decode(await checked(mapFile)), config.vocabSize);
  } catch (e) {
    throw new Error(
      `cannot load a model from ${dir}: ${(e as Error).message.split('\n')[0]}. Build one with "npm run model:demo" or "npm run model:gpt2".`,
    );
  }
  const t0 = performance.now();
  const decoder = await Decoder.load(source.onnx, config, { numThreads: threads, externalData: source.externalData }, tokenMap);
  const loadMs = performance.now() - t0;
  const promptIds = encode(prompt);
  const dropped = tokenMap?.fitPrompt(promptIds).dropped ?? [];
  if (dropped.length)
    console.error(
      `note: ${dropped.length} prompt token(s) are not in this model's ${tokenMap!.size}-token vocabulary and were left out: ${JSON.stringify(decode(dropped))}`,
    );
  const ids: number[] = [];
  let printed = '';
  if (!values.json) process.stdout.write(prompt);
  const times: number[] = [];
  for await (const t of generate(decoder, promptIds, {
    maxNewTokens,
    greedy: values.greedy,
    temperature,
    topK,
    topP,
    seed,
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
});
