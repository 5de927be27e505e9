// Widgets that show the real model's internals, driven by the real worker on the demo model.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { demoSentence } from '../lib/model/demo-words';
import { demoManifest, watchErrors, widget } from './helpers';

test('attention explorer: the step-by-step numbers reproduce the model’s attention row', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/lessons/attention/?backend=wasm');
  const w = await widget(page, 'Attention explorer');
  // Before Run, the widget says which model it will show, with the demo's real shape and training.
  const { config, trained } = demoManifest();
  const shape = `${config.nLayer} layers of ${config.nHead} heads of ${config.nEmbd / config.nHead} numbers`;
  await expect(w.getByTestId('served-model')).toHaveText(demoSentence(shape, trained));
  if (trained) await expect(w.getByTestId('served-model')).toContainText(`trained by this project for ${trained.steps} steps`);
  await w.getByRole('button', { name: 'Run the model' }).click();
  const check = w.getByTestId('attention-check');
  await expect(check).toContainText('Matches the model', { timeout: 60_000 });
  expect(Number(await check.getAttribute('data-max-diff'))).toBeLessThan(1e-4);
  // The softmax row of the selected query sums to 1 and is causal.
  const rows = w.getByTestId('attention-steps-table').locator('tbody tr');
  const weights = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      j: Number((tr as HTMLElement).dataset.j),
      w: Number((tr as HTMLElement).dataset.modelWeight ?? (tr as HTMLElement).dataset.weight),
    })),
  );
  expect(weights.length).toBeGreaterThan(1);
  expect(weights.reduce((s, r) => s + r.w, 0)).toBeCloseTo(1, 5);
  const masked = await w.getByTestId('attention-steps-table').locator('tbody tr.is-masked').count();
  const query = Number(await w.getByRole('combobox', { name: 'Query token' }).inputValue());
  expect(masked).toBe(weights.length - 1 - query);
  // The head-pattern table: one row per head, and head 0's previous-token score is the mean of the
  // weights just below the diagonal of its full table.
  const patterns = w.getByTestId('head-patterns').locator('tbody tr');
  await expect(patterns).toHaveCount(config.nHead);
  await w.getByText('All weights of layer 0, head 0 as a table').click();
  const below = await w
    .getByTestId('attention-matrix')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.slice(1).map((tr, i) => Number(tr.querySelectorAll('td')[i].textContent)));
  const mean = below.reduce((a, b) => a + b, 0) / below.length;
  expect(Math.abs(Number(await patterns.first().getAttribute('data-previous')) - mean)).toBeLessThan(2e-3);
  // Another head is selectable and shows its own heatmap.
  await w.getByRole('button', { name: 'head 2' }).click();
  await expect(w.getByRole('button', { name: 'head 2' })).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});

test('next-token bars: probabilities follow softmax of the logits, and top-k filters without re-running', async ({ page }) => {
  await page.goto('/lessons/architecture/?backend=wasm');
  const w = await widget(page, 'Next-token probabilities');
  await w.getByRole('button', { name: 'Run the model' }).click();
  const bars = w.getByTestId('next-token-bars').locator('li');
  await expect(bars.first()).toBeVisible({ timeout: 60_000 });
  const data = await bars.evaluateAll((lis) =>
    lis.map((li) => ({ p: Number((li as HTMLElement).dataset.prob), logit: Number((li as HTMLElement).dataset.logit) })),
  );
  expect(data.length).toBeGreaterThanOrEqual(10);
  for (const d of data.slice(1)) expect(Math.log(data[0].p / d.p)).toBeCloseTo(data[0].logit - d.logit, 4);
  expect(data.reduce((s, d) => s + d.p, 0)).toBeLessThanOrEqual(1 + 1e-9);
  await w.getByRole('slider', { name: 'Top-k' }).fill('1');
  await expect(w.locator('li[data-kept="true"]')).toHaveCount(1);
  await expect(w.getByTestId('next-token-sum')).toContainText('1.0000');
});

// The lens runs inside each graph: the int8 one WASM builds, decoder.onnx as exported, WebGPU's 4-bit one.
const residualRuns = [
  {
    name: 'WASM, int8',
    query: 'backend=wasm',
    cli: ['--variant', 'compact', '--precision', 'int8'],
    status: 'compact weights, int8 compute',
  },
  { name: 'WASM, decoder.onnx', query: 'backend=wasm&variant=fp32', cli: ['--variant', 'fp32'], status: 'fp32 graph' },
  {
    name: 'WebGPU, 4-bit',
    query: 'backend=webgpu',
    cli: ['--variant', 'compact', '--precision', 'q4'],
    status: 'compact weights, 4-bit compute',
  },
];
for (const run of residualRuns) {
  test(`residual stream (${run.name}): one row per block plus the stream into ln_f, all from the model`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`/lessons/architecture/?${run.query}`);
    const w = await widget(page, 'Residual stream');
    await w.getByRole('button', { name: 'Run the model' }).click();
    const rows = w.getByTestId('residual-table').locator('tbody tr');
    await expect(rows.first()).toBeVisible({ timeout: 60_000 });
    const norms = await rows.evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.residNorm)));
    expect(norms).toHaveLength(3); // the demo model: 2 blocks + the stream into ln_f
    for (const n of norms) expect(Number.isFinite(n) && n > 0).toBe(true);
    // The logit lens: one row per stream; its last row is the model's own next-token prediction.
    const lens = w.getByTestId('logit-lens').locator('tbody tr');
    await expect(lens).toHaveCount(3);
    const lastTop = Number(await lens.last().getAttribute('data-top-id'));
    const prompt = await w.getByRole('textbox', { name: /Prompt/ }).inputValue();
    const out = execFileSync(
      'npx',
      [
        'tsx',
        'scripts/generate.ts',
        '--model',
        'models/demo',
        '--prompt',
        prompt,
        '--max-new-tokens',
        '1',
        '--greedy',
        '--json',
        ...run.cli,
      ],
      { encoding: 'utf8' },
    );
    expect(lastTop).toBe(JSON.parse(out).ids[0]);
    await expect(page.getByRole('status').filter({ hasText: 'Model:' })).toContainText(run.status);
    expect(errors).toEqual([]);
  });
}

test('KV cache meter: one more cached position per generated token', async ({ page }) => {
  await page.goto('/lessons/attention/?backend=wasm');
  const w = await widget(page, 'KV cache');
  await w.getByRole('button', { name: /Generate 16 tokens/ }).click();
  const rows = w.getByTestId('kv-table').locator('tbody tr');
  await expect(rows).toHaveCount(16, { timeout: 60_000 });
  const cached = await rows.evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.cached)));
  for (let i = 1; i < cached.length; i++) expect(cached[i]).toBe(cached[i - 1] + 1);
  await expect(w.getByTestId('kv-bytes')).toContainText(/KiB|MiB|bytes/);

  // The same tokens without the cache: each step a forward pass over the whole sequence so far.
  await w.getByRole('button', { name: 'Again without the cache' }).click();
  const comparison = w.getByTestId('kv-comparison');
  await expect(comparison).toContainText('The tokens are the same', { timeout: 60_000 });
  await expect(comparison).toContainText(`(${cached[1]} to ${cached[15]} tokens)`);
  await expect(comparison).toContainText(/median [\d.]+ ms per token against [\d.]+ ms with it, [\d.]+× the time/);
  await expect(w.getByRole('img', { name: /^Time per token, without the cache/ })).toBeVisible();
});
