/// <reference lib="webworker" />
// Benchmark (C): transformers.js 4.3.2 greedy generate on the same folder (its Optimum graph, fp32,
// WASM), offline: local model path, local ORT files. eos_token_id: null, so like (A) and (B) it does
// not stop at <|endoftext|>. Timestamps come from a streamer: the first put() is the prompt, then one
// put() per new token.
import { AutoModelForCausalLM, BaseStreamer, env, Tensor, type PreTrainedModel } from '@huggingface/transformers';
import type { BenchJob, BenchReply, BenchRequest } from './bench-protocol';

declare const self: DedicatedWorkerGlobalScope;

class Stamps extends BaseStreamer {
  readonly at: number[] = [];
  readonly ids: number[] = [];
  private prompt = true;
  put(value: bigint[][]) {
    if (this.prompt) {
      this.prompt = false;
      return;
    }
    this.at.push(performance.now());
    this.ids.push(Number(value[0][0]));
  }
  end() {}
}

let state: { model: PreTrainedModel; job: BenchJob } | null = null;

self.onmessage = async (e: MessageEvent<BenchRequest>) => {
  try {
    if (e.data.op === 'load') {
      const { job } = e.data;
      env.allowRemoteModels = false;
      env.allowLocalModels = true;
      env.localModelPath = '/models/'; // a path, not a URL (environment.md §6)
      const wasm = env.backends.onnx.wasm!;
      wasm.wasmPaths = `${location.origin}/ort/`;
      wasm.numThreads = job.threads;
      const t0 = performance.now();
      const model = await AutoModelForCausalLM.from_pretrained(job.modelName, { device: 'wasm', dtype: 'fp32' });
      state = { model, job };
      self.postMessage({ ok: true, load: { loadMs: performance.now() - t0, downloadBytes: 0, threads: job.threads } } satisfies BenchReply);
      return;
    }
    const { model, job } = state!;
    const { prompt, newTokens } = job;
    const stamps = new Stamps();
    const input_ids = new Tensor('int64', BigInt64Array.from(prompt, BigInt), [1, prompt.length]);
    const attention_mask = new Tensor('int64', new BigInt64Array(prompt.length).fill(1n), [1, prompt.length]);
    // eos_token_id: null turns the stop criterion off (its types do not say so; the code does)
    const options = { input_ids, attention_mask, max_new_tokens: newTokens, eos_token_id: null, do_sample: false, streamer: stamps };
    const t1 = performance.now();
    await model.generate(options as unknown as Parameters<PreTrainedModel['generate']>[0]);
    const { at, ids } = stamps;
    const decodeMs = at.at(-1)! - at[0];
    self.postMessage({
      ok: true,
      gen: { prefillMs: at[0] - t1, decodeMs, tokPerSec: ((ids.length - 1) * 1000) / decodeMs, ids },
    } satisfies BenchReply);
  } catch (err) {
    self.postMessage({ ok: false, error: String((err as Error)?.stack ?? err) } satisfies BenchReply);
  }
};
