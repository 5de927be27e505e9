// Node only: the benchmark site served with COOP/COEP (scripts/serve-static.mjs) and a fresh headless
// Debian Chromium per run, with a throwaway profile on disk (Cache Storage goes to disk, as in a
// real browser, not into memory as in an incognito context).

import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProcess, samplePeak, treeMemory, type TreeMemory } from './proc-memory';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--enable-unsafe-webgpu',
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Serves `dir` with the project's static server; resolves once it listens. */
export async function serve(dir: string): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/serve-static.mjs', dir, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve-static exited with ${code}`)));
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('served at')) resolve();
    });
  });
  child.stdout!.resume();
  return { url: `http://127.0.0.1:${port}`, stop: () => void child.kill() };
}

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
