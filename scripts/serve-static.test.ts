// The project's static server on a small export written here: compression as hosts do it, the base
// path, and the headers switch. (The e2e suite serves the real export with it.)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from './local-site.mjs';

const PAGE = `<!doctype html><title>t</title>${'<p>GPT-2 pamphlet '.repeat(200)}`;
let dir: string;
let server: Awaited<ReturnType<typeof serve>>;
let ORIGIN: string;
let BASE: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'serve-static-'));
  writeFileSync(path.join(dir, 'index.html'), PAGE);
  mkdirSync(path.join(dir, 'models'));
  writeFileSync(path.join(dir, 'models', 'w.bin'), Buffer.alloc(4096, 7));
  server = await serve(dir, ['--base', '/sub']);
  ORIGIN = server.url;
  BASE = `${ORIGIN}/sub`;
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers });

describe('serve-static', () => {
  it('sends text compressed with brotli or gzip, as the client accepts, and plain otherwise', async () => {
    const br = await get(`${BASE}/`, { 'accept-encoding': 'gzip, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    // fetch decodes the body itself; the length header is the compressed size
    expect(await br.text()).toBe(PAGE);
    expect(Number(br.headers.get('content-length'))).toBeLessThan(PAGE.length / 5);
    const gz = await get(`${BASE}/`, { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(await gz.text()).toBe(PAGE);
    const plain = await get(`${BASE}/`, { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBe(PAGE.length);
  });

  it('never compresses model files or ranges', async () => {
    const bin = await get(`${BASE}/models/w.bin`, { 'accept-encoding': 'br' });
    expect(bin.headers.get('content-encoding')).toBeNull();
    expect((await bin.arrayBuffer()).byteLength).toBe(4096);
    const part = await get(`${BASE}/`, { 'accept-encoding': 'br', range: 'bytes=0-9' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-encoding')).toBeNull();
    expect(await part.text()).toBe(PAGE.slice(0, 10));
  });

  it('serves only under --base', async () => {
    expect((await get(`${ORIGIN}/`)).status).toBe(404);
    expect((await get(`${ORIGIN}/index.html`)).status).toBe(404);
    expect((await get(`${BASE}/index.html`)).status).toBe(200);
  });
});
