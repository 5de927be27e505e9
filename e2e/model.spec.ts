// The live model end to end: the real worker, the real onnxruntime-web and the demo model that
// `npm run model:demo` exported, in Chromium, on WASM and on WebGPU (SwiftShader). Two weight
// variants: by default the worker downloads compact.safetensors and builds the graph itself (int8
// matrices on WASM, the 4-bit blocks as they are on WebGPU); ?variant=fp32 loads decoder.onnx as exported. Their greedy ids
// may differ (4-bit weights, int8 compute): each is compared with the Node CLI running the same
// variant and precision.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { encode } from '../lib/tokenizer';
import { demoBadge } from '../lib/model/demo-words';
import { demoManifest, generatedIds, watchErrors, widget } from './helpers';

const PROMPT = 'The attention mechanism';
const N = 12;
type Variant = 'compact' | 'fp32';
type Run = Variant | 'compact-q4' | 'compact-fp32'; // compact weights as 4-bit blocks (WebGPU) or in fp32

/** The same library code in Node: the ids the worker must reproduce. */
function nodeGreedyIds(run: Run): number[] {
  const [variant, precision] = run.startsWith('compact-') ? ['compact', run.slice('compact-'.length)] : [run, 'int8'];
  const out = execFileSync(
    'npx',
    [
      'tsx',
      'scripts/generate.ts',
      '--model',
      'models/demo',
      '--prompt',
      PROMPT,
      '--max-new-tokens',
      String(N),
      '--greedy',
      '--json',
      '--variant',
      variant,
      '--precision',
      precision,
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out).ids;
}

/** Opens the status line's "Details and settings" (it closes whenever the model reloads) and returns its menu. */
async function menu(status: Locator, name: 'Run on' | 'Weights') {
  const details = status.locator('details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  return status.getByRole('combobox', { name });
}

/** Which model files the page fetched (by name), to tell the variants apart. */
function watchModelFiles(page: Page): string[] {
  const files: string[] = [];
  page.on('request', (r) => {
    const m = /\/models\/demo\/([^?]+)/.exec(r.url());
    if (m) files.push(m[1]);
  });
  return files;
}

async function generateGreedy(page: Page, backend: 'wasm' | 'webgpu', variant?: Variant): Promise<number[]> {
  const params = new URLSearchParams({ prompt: PROMPT, n: String(N), greedy: '1', backend, ...(variant ? { variant } : {}) });
  await page.goto(`/generator/?${params}`);
  await page.getByRole('button', { name: 'Generate' }).click();
  const stats = page.getByTestId('generator-stats');
  await expect(stats).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Model:' })).toContainText(backend === 'webgpu' ? 'WebGPU' : 'WASM');
  await expect(page.getByRole('status').filter({ hasText: 'Model:' })).toContainText(demoBadge(demoManifest().trained));
  const ids = await generatedIds(page);
  return ids;
}

test.describe.configure({ mode: 'serial' });

const expected = {} as Record<Run, number[]>;
test.beforeAll(() => {
  for (const v of ['compact', 'fp32', 'compact-q4', 'compact-fp32'] as const) {
    expected[v] = nodeGreedyIds(v);
    expect(expected[v]).toHaveLength(N);
  }
});

test('WASM: the worker builds the int8 graph from compact.safetensors and generates the same greedy tokens as Node', async ({ page }) => {
  const errors = watchErrors(page);
  const files = watchModelFiles(page);
  expect(await generateGreedy(page, 'wasm')).toEqual(expected.compact);
  await expect(page.getByTestId('generator-stats')).toContainText(`${N} new tokens`);
  await expect(page.getByTestId('generator-stats')).toContainText('reached max tokens');
  await expect(page.getByTestId('generator-stats')).toContainText(`prompt ${encode(PROMPT).length} tokens`);
  expect(files).toContain('compact.safetensors');
  expect(files).not.toContain('decoder.onnx');
  await expect(page.getByRole('status').filter({ hasText: 'Model:' })).toContainText('compact weights, int8 compute');
  // the export measured int8 against fp32 (manifest.json "accuracy"); the status shows that figure
  const manifest = JSON.parse(readFileSync('models/demo/manifest.json', 'utf8'));
  const { top1Agree, positions } = manifest.accuracy.compact.int8;
  await expect(page.getByTestId('model-accuracy')).toHaveText(
    `same top token as the fp32 graph at ${Math.round((100 * top1Agree) / positions)}% of ${positions} test positions`,
  );
  expect(errors).toEqual([]);
});

test('WASM, ?variant=fp32: decoder.onnx as exported, the same greedy tokens as Node on fp32', async ({ page }) => {
  const errors = watchErrors(page);
  const files = watchModelFiles(page);
  expect(await generateGreedy(page, 'wasm', 'fp32')).toEqual(expected.fp32);
  expect(files).toContain('decoder.onnx');
  expect(files).not.toContain('compact.safetensors');
  expect(errors).toEqual([]);
});

test('the Weights menu loads the exact full-precision graph, keeps the choice across a reload, and goes back', async ({ page }) => {
  const files = watchModelFiles(page);
  const params = new URLSearchParams({ prompt: PROMPT, n: String(N), greedy: '1', backend: 'wasm' });
  await page.goto(`/generator/?${params}`);
  await page.getByRole('button', { name: 'Generate' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Model:' });
  await expect(status).toContainText('compact weights', { timeout: 60_000 });
  const weights = await menu(status, 'Weights');
  await expect(weights.locator('option[value="fp32"]')).toHaveText(/^full precision, exact \(\d+(\.\d)? MB\)$/);
  await weights.selectOption('fp32');
  await expect(status).toContainText('fp32 graph', { timeout: 60_000 });
  expect(files).toContain('decoder.onnx');
  const ids = () => generatedIds(page);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('generator-stats')).toContainText(`${N} new tokens`, { timeout: 60_000 });
  expect(await ids()).toEqual(expected.fp32);
  await page.reload();
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(status).toContainText('fp32 graph', { timeout: 60_000 });
  await (await menu(status, 'Weights')).selectOption('compact');
  await expect(status).toContainText('compact weights', { timeout: 60_000 });
});

test('WebGPU: the 4-bit blocks run as they are (MatMulNBits), the same greedy tokens as Node', async ({ page }) => {
  const errors = watchErrors(page);
  const ids = await generateGreedy(page, 'webgpu');
  expect(ids).toEqual(expected['compact-q4']);
  expect(ids).toEqual(expected.compact); // and the same tokens as WASM (int8) on the demo model
  await expect(page.getByRole('status').filter({ hasText: 'Model:' })).toContainText('compact weights, 4-bit compute');
  expect(errors).toEqual([]);
});

test('WebGPU failing to start falls back to WASM, rebuilt in int8, and says so', async ({ page }) => {
  await page.route(/ort-wasm-simd-threaded\.asyncify[^/]*\.wasm$/, (r) => r.fulfill({ status: 404, body: 'gone' })); // the WebGPU build's runtime
  // backend auto, measuring: SwiftShader's adapter counts as a candidate, so WebGPU is tried first
  const params = new URLSearchParams({ prompt: PROMPT, n: String(N), greedy: '1', measure: '1' });
  await page.goto(`/generator/?${params}`);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('generator-stats')).toBeVisible({ timeout: 60_000 });
  const status = page.getByRole('status').filter({ hasText: 'Model:' });
  await expect(status).toContainText('WASM');
  await expect(status).toContainText('WebGPU failed');
  await expect(status).toContainText('compact weights, int8 compute');
  const ids = await generatedIds(page);
  expect(ids).toEqual(expected.compact);
});

test('automatic backend: a software WebGPU adapter is skipped for WASM, and the status line says why', async ({ page }) => {
  await page.goto(`/generator/?${new URLSearchParams({ prompt: PROMPT, n: '4', greedy: '1' })}`);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('generator-stats')).toBeVisible({ timeout: 60_000 });
  const status = page.getByRole('status').filter({ hasText: 'Model:' });
  await expect(status).toContainText('WASM (1 thread)');
  await expect(page.getByTestId('backend-reason')).toHaveText(
    '(WASM because the WebGPU adapter is a software one (swiftshader), slower than WASM)',
  );
});

test('measuring times both backends once, keeps the faster, and the next load remembers it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/generator/?${new URLSearchParams({ prompt: PROMPT, n: '4', greedy: '1', measure: '1' })}`);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('generator-stats')).toBeVisible({ timeout: 90_000 });
  const reason = page.getByTestId('backend-reason');
  await expect(reason).toContainText('measured here: WebGPU');
  const [webgpu, wasm] = [...(await reason.innerText()).matchAll(/([\d.]+) tokens\/s/g)].map((m) => Number(m[1]));
  const faster = webgpu > wasm ? 'WebGPU' : 'WASM';
  const status = page.getByRole('status').filter({ hasText: 'Model:' });
  await expect(status).toContainText(`on ${faster}`);
  // The measurement is kept for this device: the next load runs on the same backend without measuring.
  await page.goto(`/generator/?${new URLSearchParams({ prompt: PROMPT, n: '4', greedy: '1' })}`);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('generator-stats')).toBeVisible({ timeout: 60_000 });
  if (faster === 'WebGPU') await expect(reason).toHaveText('(the faster one when measured on this device)');
  else await expect(reason).toContainText('software one'); // WASM won: a software adapter is skipped before the memory is read
  await expect(status).toContainText(`on ${faster}`);
});

test('the generator shows its output as tokens: pointing at one gives its id, its probability and the top tokens of that step', async ({
  page,
}) => {
  const ids = await generateGreedy(page, 'wasm');
  expect(ids).toEqual(expected.compact);
  // One option per token, or per few tokens where they make one character together.
  const tokens = page.getByRole('listbox', { name: 'Generated tokens' }).getByRole('option');
  const firstIds = async (i: number) => Number((await tokens.nth(i).getAttribute('data-ids'))!.split(',')[0]);
  const step = page.getByTestId('generator-step');
  await tokens.nth(1).hover();
  await expect(step).toContainText(`(id ${await firstIds(1)})`);
  // Greedy takes the most likely token, so its probability is the first of the top 5.
  const m = /the model gave it ([\d.e−-]+%) · its top 5 then: (.+)$/.exec((await step.textContent()) ?? '');
  expect(m).not.toBeNull();
  const top = m![2].split(', ');
  expect(top).toHaveLength(5);
  expect(top[0].endsWith(` ${m![1]}`)).toBe(true);
  // Keyboard: the arrow keys walk the tokens.
  await tokens.nth(0).focus();
  await expect(step).toContainText(`New token 1: `);
  await expect(step).toContainText(`(id ${ids[0]})`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(tokens.nth(2)).toBeFocused();
  await expect(step).toContainText(`(id ${await firstIds(2)})`);
});

test('the status line menu switches the backend, and the choice survives a reload', async ({ page }) => {
  await page.goto(`/generator/?${new URLSearchParams({ prompt: PROMPT, n: '4', greedy: '1' })}`);
  await page.getByRole('button', { name: 'Generate' }).click();
  const stats = page.getByTestId('generator-stats');
  await expect(stats).toBeVisible({ timeout: 60_000 });
  const status = page.getByRole('status').filter({ hasText: 'Model:' });
  await expect(status).toContainText('on WASM');
  await (await menu(status, 'Run on')).selectOption('webgpu');
  await expect(status).toContainText('on WebGPU', { timeout: 60_000 });
  const text = await page.getByTestId('generator-output').innerText();
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('generator-output')).toHaveText(text, { timeout: 60_000 }); // greedy: the same tokens
  await page.reload();
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(status).toContainText('on WebGPU', { timeout: 60_000 });
  await expect(await menu(status, 'Run on')).toHaveValue('webgpu');
  await (await menu(status, 'Run on')).selectOption('auto');
  await expect(status).toContainText('on WASM', { timeout: 60_000 });
});

test('with Data Saver on, the model waits for a yes before its download, and is not asked for again once cached', async ({ page }) => {
  await page.addInitScript(() =>
    Object.defineProperty(navigator, 'connection', { value: { saveData: true, type: 'wifi' }, configurable: true }),
  );
  const weights: string[] = [];
  page.on('request', (r) => (/\.(safetensors|onnx)$/.test(new URL(r.url()).pathname) ? weights.push(r.url()) : undefined));
  await page.goto(`/generator/?${new URLSearchParams({ prompt: PROMPT, n: '4', greedy: '1', backend: 'wasm' })}`);
  await page.getByRole('button', { name: 'Generate' }).click();
  const ask = page.getByRole('button', { name: /^Download the model \(\d+(\.\d)? MB\)$/ });
  await expect(ask).toBeVisible();
  await expect(page.getByRole('status').filter({ has: ask })).toContainText('Data Saver is on');
  expect(weights).toEqual([]); // nothing downloaded before the yes
  await ask.click();
  await expect(page.getByTestId('generator-stats')).toContainText('4 new tokens', { timeout: 60_000 });
  expect(weights).toHaveLength(1);
  await page.reload();
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('generator-stats')).toContainText('4 new tokens', { timeout: 60_000 });
  await expect(ask).toHaveCount(0);
});

test('when the export measured int8 as clearly worse than fp32, WASM computes in fp32 and says why', async ({ page }) => {
  const errors = watchErrors(page);
  await page.route('**/models/demo/manifest.json', async (route) => {
    const res = await route.fetch();
    const manifest = await res.json();
    manifest.accuracy.compact.int8.top1Agree = Math.floor(manifest.accuracy.compact.fp32.top1Agree / 2);
    await route.fulfill({ response: res, json: manifest });
  });
  expect(await generateGreedy(page, 'wasm')).toEqual(expected['compact-fp32']);
  const status = page.getByRole('status').filter({ hasText: 'Model:' });
  await expect(status).toContainText('compact weights, fp32 compute');
  await expect(status).toContainText('int8 picked the fp32 top token too rarely');
  expect(errors).toEqual([]);
});

test('a malformed accuracy record in the manifest is ignored: int8 as usual, no accuracy line', async ({ page }) => {
  const errors = watchErrors(page);
  await page.route('**/models/demo/manifest.json', async (route) => {
    const res = await route.fetch();
    const manifest = await res.json();
    manifest.accuracy = { compact: { int8: { positions: 128, top1Agree: 100 }, fp32: 7 } }; // no maxLogitError; fp32 not a record
    await route.fulfill({ response: res, json: manifest });
  });
  expect(await generateGreedy(page, 'wasm')).toEqual(expected.compact);
  await expect(page.getByRole('status').filter({ hasText: 'Model:' })).toContainText('compact weights, int8 compute');
  await expect(page.getByTestId('model-accuracy')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('sampling: the same seed gives the same text, another seed another text; Stop ends the stream', async ({ page }) => {
  const run = async (seed: number, n = 16) => {
    await page.goto(
      `/generator/?${new URLSearchParams({ prompt: PROMPT, n: String(n), t: '1', k: '0', p: '1', seed: String(seed), backend: 'wasm' })}`,
    );
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByTestId('generator-stats')).toBeVisible({ timeout: 60_000 });
    return page.getByTestId('generator-output').innerText();
  };
  const a = await run(7);
  expect(await run(7)).toBe(a);
  expect(await run(8)).not.toBe(a);

  await page.goto(`/generator/?${new URLSearchParams({ prompt: PROMPT, n: '256', t: '1', seed: '1', backend: 'wasm' })}`);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.locator('.gen-token').first()).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('generator-stats')).toContainText('stopped by you');
  const count = await page.locator('.gen-token').count();
  expect(count).toBeLessThan(256);
});

test('the share link restores prompt and settings', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/generator/');
  await page.getByRole('textbox', { name: /Prompt/ }).fill('To be, or not to be');
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('1234');
  await page.getByRole('spinbutton', { name: 'Temperature' }).fill('1.2');
  const href = await page.getByRole('link', { name: 'Link to these settings' }).getAttribute('href');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(href!, page.url()).href);
  await page.goto(href!);
  await expect(page.getByRole('textbox', { name: /Prompt/ })).toHaveValue('To be, or not to be');
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('1234');
  await expect(page.getByRole('spinbutton', { name: 'Temperature' })).toHaveValue('1.2');
});

test('a missing model file is explained, and the lesson keeps working', async ({ page }) => {
  await page.route(/\/models\/demo\/(decoder\.onnx|compact\.safetensors)$/, (r) => r.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/lessons/overview/');
  const gen = await widget(page, 'Generator');
  await gen.getByRole('button', { name: 'Generate' }).click();
  await expect(gen.getByRole('alert').first()).toContainText('No model found');
  await expect(gen.getByRole('alert').first()).toContainText('npm run model:demo');
  // The rest of the lesson still works: a card reveals its answer.
  const card = page.locator('.study-card').first();
  await card.getByRole('button', { name: 'Show answer' }).click();
  await expect(card.getByRole('button', { name: 'Hide answer' })).toBeVisible();
});

test('a corrupt model file is detected by its checksum and not cached', async ({ page }) => {
  await page.route('**/models/demo/compact.safetensors', async (r) => {
    const res = await r.fetch();
    const body = Buffer.from(await res.body());
    body[1000] ^= 0xff; // one flipped byte, same length
    await r.fulfill({ response: res, body });
  });
  await page.goto('/generator/?backend=wasm');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('alert').first()).toContainText('is damaged');
  await page.unroute('**/models/demo/compact.safetensors');
  // After the damaged copy, a reload fetches a good one and generation works.
  await page.reload();
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('generator-stats')).toBeVisible({ timeout: 60_000 });
  // That good copy is now in Cache Storage: the next visit does not download it.
  const files = watchModelFiles(page);
  await page.reload();
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('generator-stats')).toBeVisible({ timeout: 60_000 });
  expect(files).toContain('manifest.json');
  expect(files).not.toContain('compact.safetensors');
});
