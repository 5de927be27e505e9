// A phone (390 × 844, touch): controls big enough for a finger, the answer buttons where a thumb
// reaches, model widgets that keep their wide tables and heatmaps inside their own boxes, and pages
// whose text does not move while they load on a slow phone.
import { test, expect, type Page } from '@playwright/test';
import { listLessons } from '../lib/content/lessons';
import { widget } from './helpers';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const PAGES = ['/', `/lessons/${listLessons()[0].slug}/`, '/review/', '/stats/', '/generator/', '/deck/', '/import/', '/glossary/'];

/** Visible controls smaller than 44 × 44 px (links in running text are exempt, as WCAG 2.5.5 allows). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, select, summary, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea, .site-nav a, .site-title, label:has(> input[type=checkbox])',
    );
    return [...controls]
      .filter((el) => el.offsetParent !== null && !el.closest('[hidden]'))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.height < 44 || r.width < 44))
      .map(
        ({ el, r }) =>
          `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
      );
  });
}

test('every control on every page is at least 44 px in both directions', async ({ page }) => {
  const found: string[] = [];
  for (const url of PAGES) {
    await page.goto(url);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    found.push(...(await smallTargets(page)).map((s) => `${url}: ${s}`));
  }
  expect(found).toEqual([]);
});

test('review: "Show answer" and the four grades sit at the bottom of the screen, whatever the card', async ({ page }) => {
  await page.goto('/review/');
  const progress = page.getByRole('status', { name: 'Session progress' });
  await expect(progress).toContainText(/^20 left/);
  const inThumbReach = async (name: RegExp) => {
    const box = (await page.getByRole('button', { name }).boundingBox())!;
    expect(box.y, `${name} starts in the lower part of the screen`).toBeGreaterThan(844 * 0.75);
    expect(box.y + box.height, `${name} is on screen`).toBeLessThanOrEqual(844);
  };
  await inThumbReach(/^Show answer$/);
  await page.getByRole('button', { name: 'Show answer' }).tap();
  for (const name of [/^Again/, /^Hard/, /^Good/, /^Easy/]) await inThumbReach(name);
  // The end of the card is not hidden behind the buttons: it can be scrolled above them.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const source = page.locator('.review-card__source');
  const grades = (await page.getByRole('group', { name: 'How well did you remember?' }).boundingBox())!;
  expect((await source.boundingBox())!.y + (await source.boundingBox())!.height).toBeLessThanOrEqual(grades.y);
  await page.getByRole('button', { name: /^Good/ }).tap();
  await expect(progress).toContainText(/^19 left/);
});

test('model widgets on a 360 px screen: heatmaps and tables scroll inside their boxes, never the page', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/lessons/attention/?backend=wasm');
  const w = await widget(page, 'Attention explorer');
  await w.getByRole('button', { name: 'Run the model' }).tap();
  await expect(w.getByTestId('attention-check')).toContainText('Matches the model', { timeout: 60_000 });
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await page.goto('/lessons/architecture/?backend=wasm');
  for (const name of ['Residual stream', 'Next-token probabilities']) {
    const r = await widget(page, name);
    await r.getByRole('button', { name: 'Run the model' }).tap();
  }
  await expect(page.getByTestId('next-token-bars').locator('li').first()).toBeVisible({ timeout: 60_000 });
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
});

function pageOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('nothing on the first screen moves while a page loads on a slow phone (layout shift)', async ({ page }) => {
  test.setTimeout(180_000);
  // Every shift counts, the ones Chromium marks as after an input too: with a mobile viewport it
  // marks some of these load-time shifts so, and Lighthouse counts them all.
  await page.addInitScript(() => {
    type Shift = { value: number; nodes: string[] };
    const w = window as unknown as { shifts: Shift[]; shiftObserver: PerformanceObserver };
    w.shifts = [];
    const record = (entries: PerformanceEntryList) => {
      for (const e of entries as unknown as { value: number; sources: { node?: Node }[] }[]) {
        w.shifts.push({
          value: e.value,
          nodes: e.sources.map((s) => (s.node instanceof Element ? `${s.node.tagName}.${s.node.className}` : String(s.node?.nodeName))),
        });
      }
    };
    w.shiftObserver = new PerformanceObserver((list) => record(list.getEntries()));
    w.shiftObserver.observe({ type: 'layout-shift', buffered: true });
    (w as unknown as { takeShifts: () => Shift[] }).takeShifts = () => (record(w.shiftObserver.takeRecords()), w.shifts);
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const found: string[] = [];
  for (const url of new Set([...PAGES, ...listLessons().map((l) => `/lessons/${l.slug}/`)])) {
    await page.goto(url);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await page.waitForTimeout(500);
    // takeRecords: the entries the observer has not delivered yet (callbacks come late on a slow page).
    const shifts = await page.evaluate(() =>
      (window as unknown as { takeShifts: () => { value: number; nodes: string[] }[] }).takeShifts(),
    );
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    if (total > 0.01) found.push(`${url}: ${total.toFixed(3)} (${shifts.map((s) => s.nodes.join(' ')).join('; ')})`);
  }
  expect(found).toEqual([]);
});
