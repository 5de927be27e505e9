// Node only: `npm run bench -- --check` — the project's worker in Chromium against the Node CLI, on a
// small model: greedy ids per backend × variant, the logit lens, and compact-vs-fp32 accuracy as the
// browser sees it (teacher-forced next-token logits through the worker). Prints figures.

import type { Page } from '@playwright/test';
import type { BenchApi } from './bench-page';

export interface CheckInput {
  model: string; // name under /models/
  promptIds: number[]; // the e2e prompt
  n: number; // greedy tokens (the e2e test's N)
  forced: number[]; // a longer text's ids for the teacher-forced comparison
  benchPrompt: number[];
  benchTokens: number;
}

export interface CheckOutput {
  runs: Record<
    string,
    { ids: number[]; variant: string; precision: string; backend: string; downloadBytes: number; graphBytes: number; loadMs: number }
  >;
  lens: { layers: number; top1: number; argmaxNextToken: number; maxLogitDiff: number; ms: number };
  lensFp32: string;
  accuracy: { positions: number; maxErr: number; meanErr: number; maxAbsLogit: number; top1Agree: number };
  longGreedy: { compact: number[]; fp32: number[] };
}

export function browserCheck(page: Page, input: CheckInput): Promise<CheckOutput> {
  return page.evaluate(async ({ model, promptIds, n, forced, benchPrompt, benchTokens }) => {
    const b = (globalThis as unknown as { bench: BenchApi }).bench;
    const runs: CheckOutput['runs'] = {};
    for (const backend of ['wasm', 'webgpu'] as const) {
      for (const variant of ['compact', 'fp32'] as const) {
        const { client, ready } = await b.loadClient(model, backend, variant);
        const { ids } = await b.greedy(client, promptIds, n);
        runs[`${backend}/${variant}`] = {
          ids,
          variant: ready.variant,
          precision: ready.precision,
          backend: ready.backend,
          downloadBytes: ready.downloadBytes,
          graphBytes: ready.graphBytes,
          loadMs: ready.loadMs,
        };
        client.terminate();
      }
    }
    const compact = (await b.loadClient(model, 'wasm', 'compact')).client;
    const fp32 = (await b.loadClient(model, 'wasm', 'fp32')).client;
    // the lens: its last layer is the model's own next-token distribution
    const lensRes = await compact.lens(promptIds, 5);
    const { logits } = await compact.nextTokenLogits(promptIds);
    let argmax = 0;
    for (let i = 1; i < logits.length; i++) if (logits[i] > logits[argmax]) argmax = i;
    const last = lensRes.layers.at(-1)!;
    const maxLogitDiff = Math.max(...last.ids.map((id, k) => Math.abs(last.logits[k] - logits[id])));
    const lensFp32 = await fp32.lens(promptIds, 5).then(
      (r) =>
        `top-1 of ${r.layers.filter((l, i) => l.ids[0] === lensRes.layers[i].ids[0]).length} of ${r.layers.length} layers as with the compact weights, in ${r.ms.toFixed(0)} ms`,
      (e: Error & { code?: string }) => `${e.code}: ${e.message}`,
    );
    // teacher-forced: next-token logits after every prefix of `forced`, compact vs fp32
    let maxErr = 0;
    let sumErr = 0;
    let agree = 0;
    let maxAbsLogit = 0;
    for (let t = 1; t <= forced.length; t++) {
      const a = (await fp32.nextTokenLogits(forced.slice(0, t))).logits;
      const c = (await compact.nextTokenLogits(forced.slice(0, t))).logits;
      let ia = 0;
      let ic = 0;
      for (let i = 0; i < a.length; i++) {
        const e = Math.abs(a[i] - c[i]);
        maxErr = Math.max(maxErr, e);
        sumErr += e;
        maxAbsLogit = Math.max(maxAbsLogit, Math.abs(a[i]));
        if (a[i] > a[ia]) ia = i;
        if (c[i] > c[ic]) ic = i;
      }
      if (ia === ic) agree++;
    }
    const longGreedy = {
      compact: (await b.greedy(compact, benchPrompt, benchTokens)).ids,
      fp32: (await b.greedy(fp32, benchPrompt, benchTokens)).ids,
    };
    compact.terminate();
    fp32.terminate();
    return {
      runs,
      lens: { layers: lensRes.layers.length, top1: last.ids[0], argmaxNextToken: argmax, maxLogitDiff, ms: lensRes.ms },
      lensFp32,
      accuracy: { positions: forced.length, maxErr, meanErr: sumErr / (forced.length * logits.length), maxAbsLogit, top1Agree: agree },
      longGreedy,
    };
  }, input);
}
