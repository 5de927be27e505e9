// Full precision from the hub, end to end: an export that leaves decoder.onnx out (as GitHub Pages
// must for GPT-2) and was built with HUB_URL pointing at a local "hub", a node http server that
// serves the demo model's model.safetensors at /<repo>/resolve/<revision>/model.safetensors as
// huggingface.co does. The worker fetches it there (across origins, under the page's CSP and
// COEP), checks its sha256, builds the fp32 decoder graph from it and must give the Node CLI's
// fp32 tokens.
//
// The export is HUB_SITE: built by `node scripts/ensure-build.mjs --hub` from a demo model folder
// with `source.hub` (npm run model:demo -- --copy-from models/demo --out <HUB_SITE.models>/demo --hub-repo local/demo),
// MAX_MODEL_FILE_MB small enough to drop the demo's 13.5 MB decoder.onnx and HUB_URL =
// http://127.0.0.1:<HUB_SITE.hubPort>. The hub's port is fixed because the build bakes it in (the
// page's connect-src names it).
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { megabytes } from '../lib/format';
import { serve } from '../scripts/local-site.mjs';
import { HUB_SITE } from '../scripts/ensure-build.mjs';
import { generatedIds, watchErrors } from './helpers';

const PROMPT = 'The attention mechanism';
const N = 12;

test.describe.configure({ mode: 'serial' });
test.skip(!existsSync(path.join(HUB_SITE.dir, 'index.html')), `no hub export in ${HUB_SITE.dir}: run node scripts/ensure-build.mjs --hub`);

interface HubFile {
  repo: string;
  revision: string;
  file: string;
  bytes: number;
  sha256: string;
}

/** The local hub: the checkpoint at its resolve URL, with CORS as huggingface.co sends it; `corrupt` flips one byte. */
function startHub(hub: HubFile, bytes: Buffer) {
  const state = { corrupt: false, requests: [] as string[] };
  const server: Server = createServer((req, res) => {
    state.requests.push(req.url ?? '');
    if (req.url !== `/${hub.repo}/resolve/${hub.revision}/${hub.file}`) {
      res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end();
      return;
    }
    const body = state.corrupt ? Buffer.from(bytes) : bytes;
    if (state.corrupt) body[body.length >> 1] ^= 0xff; // same length, one byte off
    res.writeHead(200, {
      'Access-Control-Allow-Origin': '*',
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(body.byteLength),
    });
    res.end(body);
  });
  return {
    state,
    listening: new Promise<void>((resolve, reject) => server.once('error', reject).listen(HUB_SITE.hubPort, '127.0.0.1', resolve)),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let hub: HubFile;
let local: ReturnType<typeof startHub>;
let site: Awaited<ReturnType<typeof serve>>;
let expected: number[];

test.beforeAll(async () => {
  const served = JSON.parse(readFileSync(path.join(HUB_SITE.dir, 'models/demo/manifest.json'), 'utf8'));
  expect(served.files.decoder, 'the export must leave decoder.onnx out').toBeUndefined();
  hub = served.source.hub;
  expect(hub.repo).toBe('local/demo');
  const folder = path.join(HUB_SITE.models, 'demo');
  // The same library code in Node, on the folder's own decoder.onnx: the ids the worker must reproduce.
  const flags = ['--model', folder, '--prompt', PROMPT, '--max-new-tokens', String(N), '--greedy', '--json', '--variant', 'fp32'];
  const out = execFileSync('npx', ['tsx', 'scripts/generate.ts', ...flags], { encoding: 'utf8' });
  expected = JSON.parse(out).ids;
  expect(expected).toHaveLength(N);
  local = startHub(hub, readFileSync(path.join(folder, hub.file)));
  await local.listening;
  site = await serve(HUB_SITE.dir);
});

test.afterAll(async () => {
  await site?.stop();
  await local?.stop();
});

test.beforeEach(() => {
  local.state.corrupt = false;
  local.state.requests = [];
});

const fileUrl = () => `/${hub.repo}/resolve/${hub.revision}/${hub.file}`;
const status = (page: Page) => page.getByRole('status').filter({ hasText: 'Model:' });
const generatorUrl = (extra: Record<string, string> = {}) =>
  `${site.url}/generator/?${new URLSearchParams({ prompt: PROMPT, n: String(N), greedy: '1', backend: 'wasm', ...extra })}`;

test('the Weights menu offers full precision from the hub with its size; chosen, it gives the Node CLI’s fp32 tokens', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page); // a connect-src that refused the hub would show here
  await page.goto(generatorUrl());
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(status(page)).toContainText('compact weights', { timeout: 60_000 });
  expect(local.state.requests).toEqual([]); // the default never touches the hub

  await status(page).locator('details summary').click();
  const weights = status(page).getByRole('combobox', { name: 'Weights' });
  const size = megabytes(hub.bytes);
  await expect(weights.locator('option[value="fp32"]')).toHaveText(`full precision, from the Hugging Face hub (${size})`);
  await weights.selectOption('fp32');
  await expect(status(page)).toContainText('full-precision weights from the Hugging Face hub', { timeout: 90_000 });
  await expect(status(page)).toContainText(`fp32 graph, ${size}`);
  expect(local.state.requests).toEqual([fileUrl()]);

  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('generator-stats')).toContainText(`${N} new tokens`, { timeout: 60_000 });
  expect(await generatedIds(page)).toEqual(expected);

  // Kept in Cache Storage like the site's own model files: a reload does not download it again.
  await page.reload();
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('generator-stats')).toContainText(`${N} new tokens`, { timeout: 90_000 });
  await expect(status(page)).toContainText('full-precision weights from the Hugging Face hub');
  expect(await generatedIds(page)).toEqual(expected);
  expect(local.state.requests).toEqual([fileUrl()]);
  expect(errors).toEqual([]);
});

test('on Data Saver the download from the hub waits for a yes that states its size', async ({ page }) => {
  await page.addInitScript(() =>
    Object.defineProperty(navigator, 'connection', { value: { saveData: true, type: 'wifi' }, configurable: true }),
  );
  await page.goto(generatorUrl({ variant: 'fp32' }));
  await page.getByRole('button', { name: 'Generate' }).click();
  const size = megabytes(hub.bytes);
  const ask = page.getByRole('button', { name: `Download the model (${size})` });
  await expect(ask).toBeVisible();
  await expect(page.getByRole('status').filter({ has: ask })).toContainText(
    `The live model is a ${size} download from the Hugging Face hub, and Data Saver is on`,
  );
  expect(local.state.requests).toEqual([]); // nothing before the yes
  await ask.click();
  await expect(page.getByTestId('generator-stats')).toContainText(`${N} new tokens`, { timeout: 90_000 });
  expect(local.state.requests).toEqual([fileUrl()]);
});

test('a damaged file from the hub is refused by its sha256', async ({ page }) => {
  local.state.corrupt = true;
  await page.goto(generatorUrl({ variant: 'fp32' }));
  await page.getByRole('button', { name: 'Generate' }).click();
  const alert = page.getByRole('alert').first();
  await expect(alert).toContainText(`Model file ${hub.file} is damaged`, { timeout: 60_000 });
  await expect(alert).toContainText('does not match the manifest');
  expect(local.state.requests).toEqual([fileUrl()]);
});
