import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseManifest, type Manifest } from '../lib/model/manifest';

/** Console errors, uncaught exceptions and failed requests (with their URLs) for the page's lifetime. */
export function watchErrors(page: Page, allow: RegExp[] = []): string[] {
  const errors: string[] = [];
  const add = (s: string) => {
    if (!allow.some((a) => a.test(s))) errors.push(s);
  };
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) add(m.text());
  });
  page.on('pageerror', (e) => add(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) add(`HTTP ${r.status()} ${r.url()}`);
  });
  return errors;
}

/** Widgets load their code when they come near the viewport: scroll to one and return its region. */
export async function widget(page: Page, name: string) {
  const region = page.getByRole('region', { name, exact: true });
  await region.scrollIntoViewIfNeeded();
  await region
    .locator('.widget-slot')
    .waitFor({ state: 'detached' })
    .catch(() => {});
  return region;
}

/** The generator's output as token ids, read from its framed tokens (`data-ids`). */
export function generatedIds(page: Page): Promise<number[]> {
  return page.locator('.gen-token').evaluateAll((els) => els.flatMap((e) => (e as HTMLElement).dataset.ids!.split(',').map(Number)));
}

/** The demo model the e2e exports serve (models/demo: trained by model:demo, or random with --random). */
export function demoManifest(): Manifest {
  return parseManifest(readFileSync('models/demo/manifest.json', 'utf8'));
}
