// Trust: nothing a note contains runs (the hostile-note corpus through the importer, the deck and
// review), every page carries a Content-Security-Policy that blocks inline handlers, and the
// project's server refuses framing and dotfiles.

import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { parseNote } from '../lib/notes';
import { watchErrors } from './helpers';
import { SECURITY_HEADERS, headersFile } from '../scripts/security-headers.mjs';

const T0 = new Date(2026, 2, 2, 10, 0, 0);
const CARD_CONTENT = '.import-preview__face, .deck-card__front, .review-card__face, .review-card__extra';

/** Everything that could run: on* attributes and script URLs anywhere, loading elements inside card content. */
function activeContent(page: Page): Promise<string[]> {
  return page.evaluate((cardContent) => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`${a.name} on <${el.localName}>`);
        const url = a.value.replace(/[\u0000-\u0020]/g, '');
        if (
          ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc'].includes(a.name) &&
          /^(javascript|vbscript|data):/i.test(url)
        ) {
          found.push(`${a.name}="${a.value}" on <${el.localName}>`);
        }
      }
    }
    for (const el of document.querySelectorAll(
      `:is(${cardContent}) :is(script, iframe, object, embed, img, form, style, svg:not(.katex svg), details, xmp, input, button)`,
    )) {
      found.push(`<${el.localName}> in a card`);
    }
    return found;
  }, CARD_CONTENT);
}

/** Records every alert/confirm/prompt and every window.__pwned the corpus would set. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

test('the hostile-note corpus: nothing fires in the import preview, the deck or review', async ({ page }) => {
  test.setTimeout(180_000);
  const note = await readFile('e2e/fixtures/hostile-notes.md', 'utf8');
  const expected = parseNote(note, { fileName: 'hostile-notes.md' }).cards.length;
  expect(expected).toBe(40);
  const dialogs = watchDialogs(page);
  await page.clock.setFixedTime(T0);
  await page.goto('/import/');
  await expect(page.getByText('No imported decks yet.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Note (Markdown)' }).fill(note);
  const preview = page.getByRole('table', { name: new RegExp(`^Preview: ${expected} cards`) });
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('<img src=x onerror=alert(13)>'); // raw HTML is shown as text
  for (const row of await preview.locator('tbody tr').all()) await row.hover(); // onmouseover handlers would fire here
  expect(await activeContent(page)).toEqual([]);
  await page.getByRole('button', { name: `Save ${expected} cards` }).click();
  await expect(page.getByText(new RegExp(`^Saved ${expected} cards to `))).toBeVisible();

  await page.goto('/deck/');
  const region = page.getByRole('region', { name: 'hostile' });
  await expect(region.getByRole('listitem')).toHaveCount(expected);
  for (const link of await region.locator('.deck-card__front a').all()) await link.hover();
  expect(await activeContent(page)).toEqual([]);

  await page.goto('/review/?deck=hostile');
  await page.getByText('Settings').click();
  await page.getByRole('spinbutton', { name: 'New cards per day' }).fill('100');
  await page.getByText('Settings').click();
  const card = page.getByRole('region', { name: 'Current card' });
  // 40 cards: the reversed one is asked one way today (its other side is buried until tomorrow).
  for (let i = 0; i < expected; i++) {
    await card.getByRole('button', { name: 'Show answer' }).click();
    const grades = page.getByRole('group', { name: 'How well did you remember?' });
    for (const link of await card.locator('a').all()) await link.hover();
    expect(await activeContent(page)).toEqual([]);
    await grades.getByRole('button', { name: /^Good/ }).click();
  }
  await expect(page.getByText(/^Nothing due/)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

const PAGES = ['/', '/lessons/attention/', '/deck/', '/review/', '/import/', '/stats/', '/generator/', '/glossary/'];

test('every page ships a Content-Security-Policy that blocks inline handlers, and breaks nothing', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  for (const path of PAGES) {
    const errors = watchErrors(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy, path).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(policy).not.toContain("'unsafe-inline' 'sha256"); // never 'unsafe-inline' for scripts
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), path).toEqual([]);
    // What a note that got past the renderer would try: an inline handler. The policy stops it.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__pwned = 1">'));
    await expect.poll(() => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), path).toBeUndefined();
    expect(
      errors.filter((e) => !/Content Security Policy/.test(e)),
      path,
    ).toEqual([]);
  }
});

test('the server refuses framing, sends no dotfiles and answers bad paths without crashing', async ({ request }) => {
  const home = await request.get('/');
  // The same headers for other hosts: the export's _headers file (Netlify, Cloudflare Pages).
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(home.headers()[name.toLowerCase()], name).toBe(value);
  expect(await readFile('out/_headers', 'utf8')).toBe(headersFile());
  expect(await readFile('out/_headers', 'utf8')).toContain('  Cross-Origin-Embedder-Policy: require-corp\n');
  expect(home.headers()['x-frame-options']).toBe('DENY');
  expect(home.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
  expect((await request.get('/.env')).status()).toBe(404);
  expect((await request.get('/_next/../.git/config')).status()).toBe(404);
  expect((await request.get('/%E0%A4%A')).status()).toBe(404);
  expect((await request.get('/')).status()).toBe(200); // still up
});

/** Pastes a one-card note into the importer and saves it to `deck`. */
async function importDeck(page: Page, deck: string) {
  await page.getByRole('textbox', { name: 'Note (Markdown)' }).fill(`What is deck ${deck}? ? a deck`);
  await page.getByRole('textbox', { name: 'Deck for these cards' }).fill(deck);
  await page.getByRole('button', { name: 'Save 1 card' }).click();
  await expect(page.getByText(new RegExp(`^Saved 1 card to ${deck}\\.`))).toBeVisible();
}

const deckList = (page: Page) => page.locator('.imported-decks__item strong');

test('two tabs: imports, a deletion, a setting and reviews from both are all kept', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const p of [a, b]) {
    await p.clock.setFixedTime(T0);
    await p.goto('/import/');
    await expect(p.getByText('No imported decks yet.')).toBeVisible();
  }
  await importDeck(a, 'deckA');
  await importDeck(b, 'deckB'); // B loaded before A's import
  await expect(deckList(a)).toHaveText(['deckA', 'deckB']); // A learns of B's save without reloading
  await expect(deckList(b)).toHaveText(['deckA', 'deckB']);

  // A deletes deckA while B still shows it; B then imports another deck.
  await a
    .getByRole('button', { name: /^Delete/ })
    .first()
    .click();
  await a.getByRole('button', { name: /^Delete 1 card of “deckA”/ }).click();
  await importDeck(b, 'deckC');
  for (const p of [a, b]) await expect(deckList(p)).toHaveText(['deckB', 'deckC']);

  // Reviews in both tabs, and a setting changed in one while the other reviews.
  await a.goto('/review/?deck=deckB');
  await b.goto('/review/?deck=deckC');
  await a.getByText('Settings').click();
  await a.getByRole('spinbutton', { name: 'New cards per day' }).fill('7');
  for (const p of [a, b]) {
    await p.getByRole('button', { name: 'Show answer' }).click();
    await p.getByRole('group', { name: 'How well did you remember?' }).getByRole('button', { name: /^Good/ }).click();
    await expect(p.getByText(/^Nothing due/)).toBeVisible();
  }
  const fresh = await context.newPage();
  await fresh.clock.setFixedTime(T0);
  await fresh.goto('/stats/');
  await fresh.goto('/review/?deck=deckB');
  await fresh.getByText('Settings').click();
  await expect(fresh.getByRole('spinbutton', { name: 'New cards per day' })).toHaveValue('7');
  const saved = await fresh.evaluate(
    () =>
      new Promise<{ decks: string[]; answers: number }>((resolve) => {
        const open = indexedDB.open('gpt2-pamphlet');
        open.onsuccess = () => {
          const get = open.result.transaction('state', 'readonly').objectStore('state').get('gpt2-pamphlet');
          get.onsuccess = () => {
            const { state } = JSON.parse(get.result as string);
            resolve({ decks: state.imported.decks.map((d: { name: string }) => d.name).sort(), answers: state.progress.log.length });
          };
        };
      }),
  );
  expect(saved).toEqual({ decks: ['deckB', 'deckC'], answers: 2 });
});

test('restoring a backup replaces newer answers, and "Undo the restore" brings them back', async ({ page }, testInfo) => {
  await page.clock.setFixedTime(T0);
  await page.goto('/review/');
  const progress = page.getByRole('status', { name: 'Session progress' });
  await expect(progress).toHaveText(/left/);
  // The backup: no answers yet.
  await page.goto('/deck/');
  const exporting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress (JSON)' }).click();
  const file = testInfo.outputPath('backup.json');
  await (await exporting).saveAs(file);
  // Two answers after it.
  await page.goto('/review/');
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('group', { name: 'How well did you remember?' }).getByRole('button', { name: /^Good/ }).click();
  }
  const before = (await progress.textContent())!;
  await page.goto('/deck/');
  await page.getByLabel('Import progress (a backup .json file)').setInputFiles(file);
  await page.getByRole('button', { name: 'Replace my progress' }).click();
  await expect(page.getByText(/^Progress restored: 0 answers/)).toBeVisible();
  await page.goto('/review/');
  await expect(progress).not.toHaveText(before);
  const restored = (await progress.textContent())!;
  await page.reload(); // replaced for good, not merged back on the next save
  await expect(progress).toHaveText(restored);

  await page.goto('/deck/');
  await page.getByRole('button', { name: 'Undo the restore' }).click();
  await expect(page.getByText(/^Restore undone/)).toBeVisible();
  await page.goto('/review/');
  await expect(progress).toHaveText(before);
});

test('a page that fails to render shows the recovery screen: a backup downloads, and "Try again" recovers', async ({ page }) => {
  // Simulate a render failure the data validator cannot rule out: the time-zone lookup every study page makes throws.
  await page.addInitScript(() => {
    const w = window as unknown as { __fail?: boolean };
    w.__fail = true;
    const original = Date.prototype.getTimezoneOffset;
    Date.prototype.getTimezoneOffset = function (this: Date) {
      if (w.__fail) throw new Error('simulated failure');
      return original.call(this);
    };
  });
  await page.goto('/stats/');
  const recovery = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'This page could not be shown' }) });
  await expect(recovery).toBeVisible();
  await expect(recovery).toContainText('simulated failure');
  const downloading = page.waitForEvent('download');
  await recovery.getByRole('button', { name: 'Download a backup' }).click();
  const backup = JSON.parse(await readFile((await (await downloading).path())!, 'utf8'));
  expect(backup.format).toBe('gpt2-pamphlet-backup');
  await page.evaluate(() => ((window as unknown as { __fail?: boolean }).__fail = false));
  await recovery.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'This page could not be shown' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
