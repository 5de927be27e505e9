// Text from the model being trained, to watch it get less random: start from <|endoftext|> and draw
// n tokens, each from the last position's logits over the kept vocabulary (temperature sampling with
// a seeded rng), feeding the last blockSize tokens back in. Returns GPT-2 ids.

import * as tf from '@tensorflow/tfjs';
import { sample } from '@/lib/model/sampling';
import type { Trainer } from './trainer';

export async function sampleIds(trainer: Trainer, n: number, temperature: number, rng: () => number): Promise<number[]> {
  const { tokenMap } = trainer.corpus;
  const T = trainer.config.blockSize;
  const ids = [tokenMap.eot]; // model ids
  for (let i = 0; i < n; i++) {
    const context = Int32Array.from(ids.slice(-T));
    const last = tf.tidy(() => {
      const logits = trainer.logits(context, 1, context.length); // [T, K]
      return tf.slice(logits, [context.length - 1, 0], [1, tokenMap.size]); // [1, K]: never a full-vocabulary run's shared row
    });
    const row = await last.data(); // not dataSync: WebGPU reads back asynchronously
    last.dispose();
    ids.push(sample(row, { temperature }, rng));
  }
  return ids.slice(1).map((id) => tokenMap.toGpt2(id));
}
