import { defineConfig } from '@playwright/test';
import { SUB_PATH } from './scripts/ensure-build.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './scripts/local-site.mjs';

// Not 3100, where `npm run serve` puts the site: the suite starts its own servers and never reuses one
// already listening (it could be serving another build), so a busy port fails loudly instead.
const PORT = Number(process.env.E2E_PORT ?? 3110);

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    // page.route does not see what a service worker fetches: the offline tests allow it, per test file.
    serviceWorkers: 'block',
    launchOptions: {
      // Debian's Chromium: never download a browser. --enable-unsafe-webgpu gives a SwiftShader WebGPU adapter.
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'root', testIgnore: /sub-path\.spec\.ts/ },
    // The second export, built for a base path and served under it (scripts/ensure-build.mjs --sub-path).
    { name: 'sub-path', testMatch: /sub-path\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${SUB_PATH.port}${SUB_PATH.basePath}/` } },
  ],
  webServer: [
    {
      command: `node scripts/serve-static.mjs out --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node scripts/serve-static.mjs ${SUB_PATH.dir} --port ${SUB_PATH.port} --base ${SUB_PATH.basePath}`,
      url: `http://127.0.0.1:${SUB_PATH.port}${SUB_PATH.basePath}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
