// npm run --silent train -- [--corpus FILE ...] [--steps N] [--seed S] [--out DIR] [--json] [--full-vocab]
//   [--layers L --heads H --embd C --block T --batch B --lr LR --warmup N --dropout P --eval-interval N]
// Trains a small GPT-2 with TensorFlow.js on the WASM backend (lib/train). Corpus: each --corpus
// file is one document; without --corpus, the lessons' prose (content/*.mdx). Progress goes to
// stderr; --json prints one object on stdout:
//   { losses: [per step], valLosses: [{ step, loss }: every --eval-interval steps from 0, and after
//     the last], vocab: K, params, tokens, ms, trainMs, tokensPerSecond, stepsPerSecond, config }
// --out writes a checkpoint folder (config.json, model.safetensors, token_map.json) for
// `npm run model:export -- --from DIR --out DIR2` and then `npm run generate -- --model DIR2`.
// --full-vocab trains for all 50,257 tokens (the corpus's K rows and one they share,
// lib/train/full-vocab.ts): --out then writes a plain GPT-2 checkpoint, without token_map.json.

import { readFile } from 'node:fs/promises';
import { writeCheckpointDir } from '@/lib/model/checkpoint-files';
import { weightsToTensors } from '@/lib/model/checkpoint';
import { buildCorpus, modelVocab, tokenizeDocuments, train, TRAIN_DEFAULTS, useBackend, warmupFor, type TrainOptions } from '@/lib/train';
import { UsageError, intFlag, numberFlag, parseFlags, runCli } from './cli-flags';
import { lessonDocuments } from './train-corpus';

const num = (n: number) => n.toLocaleString('en-US');

runCli(async () => {
  const s = { type: 'string' } as const;
  const { values } = parseFlags(
    {
      corpus: { type: 'string', multiple: true },
      steps: s,
      seed: s,
      out: s,
      json: { type: 'boolean', default: false },
      'full-vocab': { type: 'boolean', default: false },
      layers: s,
      heads: s,
      embd: s,
      block: s,
      batch: s,
      lr: s,
      warmup: s,
      dropout: s,
      'eval-interval': s,
    },
    process.argv.slice(2),
  );
  const d = TRAIN_DEFAULTS;
  const steps = intFlag('steps', values.steps, d.steps, 1, 1_000_000);
  const options: TrainOptions = {
    ...d,
    steps,
    seed: intFlag('seed', values.seed, d.seed, 0, 2 ** 32 - 1),
    nLayer: intFlag('layers', values.layers, d.nLayer, 1, 48),
    nHead: intFlag('heads', values.heads, d.nHead, 1, 64),
    nEmbd: intFlag('embd', values.embd, d.nEmbd, 1, 4096),
    blockSize: intFlag('block', values.block, d.blockSize, 1, 1024),
    batchSize: intFlag('batch', values.batch, d.batchSize, 1, 4096),
    lr: numberFlag('lr', values.lr, d.lr, 1e-6, 1),
    warmupSteps: intFlag('warmup', values.warmup, warmupFor(steps, d.warmupSteps), 0, steps),
    dropout: numberFlag('dropout', values.dropout, d.dropout, 0, 0.9),
    evalInterval: intFlag('eval-interval', values['eval-interval'], d.evalInterval, 1, 1_000_000),
    fullVocab: values['full-vocab'],
  };
  if (options.nEmbd % options.nHead !== 0) throw new UsageError(`--embd ${options.nEmbd} must be divisible by --heads ${options.nHead}`);

  const documents = values.corpus
    ? await Promise.all(
        values.corpus.map((f) =>
          readFile(f, 'utf8').catch((e: Error) => {
            throw new UsageError(`--corpus ${f}: ${e.message}`);
          }),
        ),
      )
    : await lessonDocuments();
  const corpus = buildCorpus(tokenizeDocuments(documents));
  const log = (line: string) => console.error(line);
  log(
    `your corpus uses ${num(corpus.tokenMap.size)} of GPT-2's 50,257 tokens (${num(corpus.train.length)} to train on, ${num(corpus.val.length)} to validate)`,
  );
  if (corpus.val.length <= options.blockSize)
    throw new UsageError(`the validation split has ${corpus.val.length} tokens; --block must be smaller, or the corpus longer`);

  const backend = await useBackend();
  const every = Math.max(1, Math.round(steps / 20));
  const { trainer, result } = await train(corpus, options, {
    onStep: (r) => {
      if (values.json || ((r.step + 1) % every !== 0 && r.step !== 0)) return;
      const tps = (options.batchSize * options.blockSize * 1000) / r.ms;
      log(`step ${r.step + 1}/${steps}  loss ${r.loss.toFixed(3)}  lr ${r.lr.toExponential(1)}  ${num(Math.round(tps))} tokens/s`);
    },
    onEval: (v) => values.json || log(`  val loss ${v.loss.toFixed(3)} after ${v.step} steps`),
  });
  const tokensPerSecond = (result.tokens * 1000) / result.trainMs;
  const stepsPerSecond = (steps * 1000) / result.trainMs;
  if (values.out) {
    const { config, weights, tokenMap } = await trainer.checkpoint();
    await writeCheckpointDir(values.out, config, weightsToTensors(config, weights), tokenMap);
    const files = tokenMap ? 'config.json, model.safetensors, token_map.json' : 'config.json, model.safetensors';
    log(`wrote ${values.out}/ (${files}); next: npm run model:export -- --from ${values.out} --out DIR`);
  }
  trainer.dispose();
  if (values.json) {
    const { nLayer, nHead, nEmbd, blockSize, batchSize, lr, seed, dropout } = options;
    const config = { nLayer, nHead, nEmbd, blockSize, batchSize, lr, seed, dropout, steps, backend, fullVocab: options.fullVocab };
    process.stdout.write(JSON.stringify({ ...result, tokensPerSecond, stepsPerSecond, config }) + '\n');
  } else {
    const first = result.valLosses[0].loss;
    const predicted = modelVocab(corpus.tokenMap.size, options.fullVocab); // where an untrained model starts
    const last = result.valLosses.at(-1)!.loss;
    console.log(
      `${num(result.params)} parameters, ${steps} steps in ${(result.trainMs / 1000).toFixed(1)} s on ${backend} ` +
        `(${stepsPerSecond.toFixed(2)} steps/s, ${num(Math.round(tokensPerSecond))} tokens/s); val loss ${first.toFixed(3)} → ${last.toFixed(3)} ` +
        `(ln ${num(predicted)} = ${Math.log(predicted).toFixed(3)})`,
    );
  }
});
