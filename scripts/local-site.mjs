// Node only: the browser and the server every local run uses (the e2e suite, the benchmark, the
// icon and Lighthouse scripts): Debian's Chromium, never a downloaded one, and the project's static
// server on a free port.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** Debian's Chromium (CHROMIUM_PATH overrides). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for every headless run: no sandbox in containers, no background traffic, WebGPU (SwiftShader). */
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

/** @returns {Promise<number>} a port nothing listens on now */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
  });
}

/**
 * Serves `dir` with scripts/serve-static.mjs on a free port (extra flags such as `--bare` or
 * `--base /x` are passed on); resolves once it listens. `stop()` resolves when the server is gone and
 * may be called again.
 * @param {string} dir
 * @param {string[]} [flags]
 * @returns {Promise<{ url: string, port: number, stop(): Promise<void> }>}
 */
export async function serve(dir, flags = []) {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/serve-static.mjs', dir, '--port', String(port), ...flags], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve-static exited with ${code}`)));
    child.stdout?.on('data', (d) => {
      if (String(d).includes('is served at')) resolve(undefined);
    });
  });
  child.removeAllListeners('exit');
  child.stdout?.resume();
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
      child.once('exit', () => resolve(undefined));
      child.kill();
    });
  return { url: `http://127.0.0.1:${port}`, port, stop: /** @type {() => Promise<void>} */ (stop) };
}
