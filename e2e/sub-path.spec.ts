// The export built for a base path (BASE_PATH=/gpt2-pamphlet, as a GitHub project page) and served
// under it: every request stays under the path, links keep it, the model loads, Anki cards link to
// SITE_URL. Runs in the 'sub-path' project of playwright.config.ts against .cache/out-base.
import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import initSqlJs from 'sql.js';
import { readApkg } from '../lib/anki';
import { SUB_PATH } from '../scripts/ensure-build.mjs';
import { watchErrors } from './helpers';

const ORIGIN = `http://127.0.0.1:${SUB_PATH.port}`;
const BASE = SUB_PATH.basePath;

/** Requests to this server outside the base path: each one would 404 on a real host. */
function watchOutside(page: Page): string[] {
  const outside: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === ORIGIN && u.pathname !== BASE && !u.pathname.startsWith(`${BASE}/`)) outside.push(u.pathname);
  });
  return outside;
}

test('pages, links and assets stay under the base path', async ({ page }) => {
  const errors = watchErrors(page);
  const outside = watchOutside(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Header navigation, then a lesson from the home page, then a link inside the lesson text.
  await page.getByRole('navigation').getByRole('link', { name: 'Glossary' }).click();
  await expect(page).toHaveURL(`${ORIGIN}${BASE}/glossary/`);
  await page
    .getByRole('link', { name: /^Attention §/ })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`^${ORIGIN}${BASE}/lessons/attention/#`));
  await page.goto('lessons/overview/');
  const inText = page.locator('article').getByRole('link', { name: 'Architecture', exact: true }).first();
  expect(await inText.getAttribute('href')).toBe(`${BASE}/lessons/architecture/`);
  await inText.click();
  await expect(page).toHaveURL(`${ORIGIN}${BASE}/lessons/architecture/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/architecture/i);
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});

test('the model loads under the base path and the share link keeps it', async ({ page }) => {
  const errors = watchErrors(page);
  const outside = watchOutside(page);
  await page.goto(`generator/?${new URLSearchParams({ prompt: 'The cat', n: '4', greedy: '1', backend: 'wasm' })}`);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('generator-stats')).toContainText('4 new tokens', { timeout: 60_000 });
  const href = await page.getByRole('link', { name: 'Link to these settings' }).getAttribute('href');
  expect(href).toMatch(new RegExp(`^${BASE}/generator/\\?`));
  await page.goto(href!);
  await expect(page.getByRole('textbox', { name: /Prompt/ })).toHaveValue('The cat');
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});

test('exported Anki cards link to the SITE_URL the site was built with', async ({ page }) => {
  const outside = watchOutside(page);
  await page.goto('deck/');
  await expect(page.getByRole('checkbox', { name: /Include my progress/ })).toBeEnabled(); // hydrated
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download Anki deck (.apkg)' }).click();
  const pkg = readApkg(new Uint8Array(await readFile((await (await downloading).path())!)), await initSqlJs());
  const sources = pkg.notes.map((n) => String(n.flds).split('\x1f')[2]).filter(Boolean);
  expect(sources.length).toBeGreaterThan(50);
  for (const s of sources) expect(s).toMatch(new RegExp(`^<a href="${ORIGIN}${BASE}/lessons/[a-z-]+/#[^"]*">Lesson: `));
  expect(outside).toEqual([]);
});

test.describe('installable under the base path', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the web manifest and the service worker live under the base path', async ({ page, request }) => {
    const outside = watchOutside(page);
    await page.goto('./');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe(`${BASE}/manifest.webmanifest`);
    const manifest = await (await request.get(`${ORIGIN}${href}`)).json();
    expect(manifest).toMatchObject({ start_url: `${BASE}/`, scope: `${BASE}/`, display: 'standalone' });
    for (const icon of manifest.icons) expect((await request.get(`${ORIGIN}${icon.src}`)).headers()['content-type']).toBe('image/png');
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 30_000 });
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.scope)).toBe(`${ORIGIN}${BASE}/`);
    expect(outside).toEqual([]);
  });
});
