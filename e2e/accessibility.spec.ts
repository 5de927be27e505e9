// axe-core on every page, light and dark, after the model widgets have run: no violations of WCAG
// 2.1 A/AA or best practice. Lighthouse's accessibility score runs a subset of these same rules.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { listLessons } from '../lib/content/lessons';

const PAGES = [
  '/',
  ...listLessons().map((l) => `/lessons/${l.slug}/`),
  '/review/',
  '/stats/',
  '/generator/',
  '/deck/',
  '/import/',
  '/glossary/',
];

async function violations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n    ')}`,
  );
}

/** Runs every model widget on the page once, so their results (heatmaps, tables, bars) are checked too. */
async function runWidgets(page: Page) {
  const runs = page.locator('main').getByRole('button', { name: /^(Run the model|Generate)/ });
  for (let i = 0; i < (await runs.count()); i++) {
    const button = runs.nth(i);
    await button.scrollIntoViewIfNeeded();
    if (await button.isEnabled()) await button.click();
  }
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
}

const RUNS = [
  { theme: 'light', width: 1280 },
  { theme: 'dark', width: 1280 },
  { theme: 'light', width: 375 }, // a phone: code and tables scroll inside their boxes
] as const;

for (const { theme, width } of RUNS) {
  test(`axe: no violations on any page (${theme}, ${width} px)`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme: theme });
    const found: string[] = [];
    for (const url of PAGES) {
      await page.goto(url);
      // Widgets load their code as they come into view.
      while (await page.locator('.widget-slot').count()) {
        const name = await page.locator('.widget-slot').first().getAttribute('data-widget');
        const slot = page.locator(`.widget-slot[data-widget="${name}"]`).first();
        // it may hydrate on its own between the count and the scroll: then there is nothing to scroll to
        await slot.scrollIntoViewIfNeeded().catch(() => {});
        await slot.waitFor({ state: 'detached' });
      }
      await runWidgets(page);
      found.push(...(await violations(page)).map((v) => `${url}: ${v}`));
    }
    expect(found).toEqual([]);
  });
}
