// Node only: the benchmark site served with COOP/COEP (scripts/local-site.mjs) and a fresh headless
// Debian Chromium per run, with a throwaway profile on disk (Cache Storage goes to disk, as in a
// real browser, not into memory as in an incognito context).

import { chromium, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProcess, samplePeak, treeMemory, type TreeMemory } from './proc-memory';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/local-site.mjs';

export interface BrowserRun<T> {
  result: T;
  /** The browser's processes after the page loaded, before the run. */
  idle: TreeMemory;
  /** The highest PSS sum seen during the run (RSS: the highest RSS sum). */
  peak: TreeMemory;
}

/** Opens `url` in a fresh Chromium, waits for the bench page, runs `fn` while sampling memory. */
export async function inFreshBrowser<T>(
  url: string,
  fn: (page: Page, pid: number) => Promise<T>,
  timeoutMs = 600_000,
): Promise<BrowserRun<T>> {
  const profile = await mkdtemp(join(tmpdir(), 'bench-profile-'));
  const ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(() => document.title === 'bench ready');
    const pid = findProcess(profile);
    if (pid === null) throw new Error('cannot find the browser process');
    const idle = treeMemory(pid);
    const sampler = samplePeak(pid);
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        fn(page, pid),
        new Promise<never>(
          (_, reject) =>
            (timer = setTimeout(
              () => reject(new Error(`timed out after ${timeoutMs / 1000} s; page errors: ${errors.join('; ')}`)),
              timeoutMs,
            )),
        ),
      ]);
      return { result, idle, peak: sampler.stop() };
    } finally {
      clearTimeout(timer);
      sampler.stop();
    }
  } finally {
    await ctx.close();
    await rm(profile, { recursive: true, force: true });
  }
}
