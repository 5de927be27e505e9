// The service worker (scripts/sw-template.js): after one visit with the model loaded, the site works
// with its server gone; a new build waits for the learner's "Reload"; on a host that sends no
// COOP/COEP headers the worker supplies them. Each test serves the export on a port of its own, so it can
// stop the server (a real "offline") or change the files.
import { test, expect, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { readApkg } from '../lib/anki';
import { loadDeck } from '../lib/content/extract-cards';
import { listLessons } from '../lib/content/lessons';
import { serve } from '../scripts/local-site.mjs';
import { watchErrors } from './helpers';

test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker controls the page (the first install takes over at once). */
async function controlled(page: Page) {
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 30_000 });
}

async function generate(page: Page, url: string) {
  await page.goto(`${url}/generator/?${new URLSearchParams({ prompt: 'The cat', n: '4', greedy: '1', backend: 'wasm' })}`);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('generator-stats')).toContainText('4 new tokens', { timeout: 60_000 });
  return page.getByTestId('generator-output').innerText();
}

test('after one visit with the model loaded, everything works with the server gone', async ({ page }) => {
  test.setTimeout(180_000);
  const server = await serve('out');
  const { url } = server;
  try {
    await page.goto(`${url}/`);
    await controlled(page);
    const online = await generate(page, url);
    await server.stop();
    const errors = watchErrors(page);

    // Every page, from the offline copy.
    for (const p of [
      '/',
      '/review/',
      '/stats/',
      '/generator/',
      '/deck/',
      '/import/',
      '/glossary/',
      ...listLessons().map((l) => `/lessons/${l.slug}/`),
    ]) {
      await page.goto(`${url}${p}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    // Review: answer a card.
    await page.goto(`${url}/review/`);
    await expect(page.getByRole('status', { name: 'Session progress' })).toContainText(/^20 left/);
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    await expect(page.getByRole('status', { name: 'Session progress' })).toContainText(/^19 left/);
    // Import a note.
    await page.goto(`${url}/import/`);
    await page.getByRole('textbox', { name: 'Note (Markdown)' }).fill('What is the vocabulary size of GPT-2? ? 50,257');
    await page.getByRole('button', { name: 'Save 1 card' }).click();
    await expect(page.getByText(/^Saved 1 card to /)).toBeVisible();
    // The model, from the cached files: the same greedy text.
    expect(await generate(page, url)).toBe(online);
    // The Anki export (sql.js's wasm is precached), and the storage panel's account.
    await page.goto(`${url}/deck/`);
    await expect(page.getByTestId('offline-state')).toContainText('Ready');
    await expect(page.getByTestId('cached-model')).toContainText(/^1 file, \d+(\.\d)? MB/);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Anki deck (.apkg)' }).click();
    const pkg = readApkg(new Uint8Array(await readFile((await (await downloading).path())!)), await initSqlJs());
    expect(pkg.notes).toHaveLength((await loadDeck('content')).length); // the default scope: the pamphlet's cards
    expect(errors).toEqual([]);
  } finally {
    await server.stop();
  }
});

test('a new build waits for "Reload": the review in progress stays, then the old copy is replaced', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pamphlet-update-'));
  cpSync('out', dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}models${path.sep}`) });
  const server = await serve(dir);
  try {
    await page.goto(`${server.url}/review/`);
    await controlled(page);
    const shells = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('gpt2-pamphlet-shell-')));
    const [before] = await shells();
    await page.keyboard.press('Space'); // the answer is showing: a reload now would lose that
    const card = page.getByRole('region', { name: 'Current card' });
    const key = await card.getAttribute('data-item-key');

    // "Deploy" a new build: a page changed, so a new worker version.
    const sw = path.join(dir, 'sw.js');
    const source = readFileSync(sw, 'utf8');
    const version = /const VERSION = "([0-9a-f]+)";/.exec(source)![1];
    rmSync(sw);
    writeFileSync(sw, source.replace(`const VERSION = "${version}";`, `const VERSION = "${version}0";`));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

    const banner = page.getByRole('status').filter({ hasText: 'A new version of the pamphlet is ready.' });
    await expect(banner).toBeVisible();
    await expect(card).toHaveAttribute('data-item-key', key!);
    await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible(); // still on the answer side
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
    await expect.poll(shells).toEqual([`${before}0`]);
    await expect(page.getByRole('status').filter({ hasText: 'A new version' })).toHaveCount(0);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('on a host that sends no COOP/COEP headers, the service worker makes the next load cross-origin isolated', async ({ page }) => {
  const server = await serve('out', ['--bare']);
  try {
    await generate(page, server.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await controlled(page);
    await expect(page.getByTestId('isolation-note')).toContainText('not cross-origin isolated');
    await page.reload();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByTestId('generator-stats')).toContainText('4 new tokens', { timeout: 60_000 });
    await expect(page.getByTestId('isolation-note')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});
