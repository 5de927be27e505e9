// The download logic against a fake server (no hub involved): Range resume, restart when the range
// is ignored, hash checks, and the offline message.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubDownloadError } from './errors';
import {
  downloadRepoFiles,
  downloadWithResume,
  formatProgress,
  hashFile,
  resolveCommit,
  resumePlan,
  type RemoteFile,
} from './hub-download';

const content = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) & 0xff);
const file: RemoteFile = { path: 'model.safetensors', size: content.length, sha256: createHash('sha256').update(content).digest('hex') };
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A server that honours Range (or not), recording the Range headers it saw. */
function fakeServer(honourRange: boolean, body = content) {
  const ranges: (string | null)[] = [];
  const f = (async (_url: string | URL | Request, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('Range');
    ranges.push(range);
    const m = range && honourRange ? /^bytes=(\d+)-$/.exec(range) : null;
    if (m) return new Response(body.slice(Number(m[1])), { status: 206 });
    return new Response(body, { status: 200 });
  }) as typeof fetch;
  return { fetch: f, ranges };
}

describe('hub download', () => {
  it.each([
    [0, 100, 'restart', 0],
    [40, 100, 'resume', 40],
    [100, 100, 'verify', 100],
    [120, 100, 'restart', 0],
  ] as const)('resumePlan(%i of %i) → %s at %i', (local, size, action, offset) => {
    expect(resumePlan(local, size)).toEqual({ action, offset });
  });

  it('resumes a partial file with a Range request and verifies sha256', async () => {
    const dest = join(dir, 'model.safetensors');
    await writeFile(dest + '.part', content.subarray(0, 30_000));
    const server = fakeServer(true);
    const seen: number[] = [];
    expect(await downloadWithResume({ url: 'https://x/f', dest, file, fetch: server.fetch, onProgress: (p) => seen.push(p.loaded) })).toBe(
      'downloaded',
    );
    expect(server.ranges).toEqual(['bytes=30000-']);
    expect(seen[0]).toBe(30_000);
    expect(seen.at(-1)).toBe(100_000);
    expect(new Uint8Array(await readFile(dest))).toEqual(content);
    expect(existsSync(dest + '.part')).toBe(false);
    expect(await downloadWithResume({ url: 'https://x/f', dest, file, fetch: server.fetch })).toBe('cached');
  });

  it('restarts when the server ignores the range', async () => {
    const dest = join(dir, 'model.safetensors');
    await writeFile(dest + '.part', content.subarray(0, 30_000));
    await downloadWithResume({ url: 'https://x/f', dest, file, fetch: fakeServer(false).fetch });
    expect(new Uint8Array(await readFile(dest))).toEqual(content);
  });

  it('keeps what arrived when the connection drops, then resumes from there', async () => {
    const dest = join(dir, 'model.safetensors');
    const dropping = (async () => {
      let pulls = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          if (pulls++ === 0) c.enqueue(content.slice(0, 40_000));
          else c.error(new Error('socket hang up'));
        },
      });
      return new Response(body, { status: 200 });
    }) as typeof fetch;
    await expect(downloadWithResume({ url: 'https://x/f', dest, file, fetch: dropping })).rejects.toThrow(
      /interrupted at 40000 of 100000 bytes.*run again to resume/,
    );
    const server = fakeServer(true);
    await downloadWithResume({ url: 'https://x/f', dest, file, fetch: server.fetch });
    expect(server.ranges).toEqual(['bytes=40000-']);
    expect(new Uint8Array(await readFile(dest))).toEqual(content);
  });

  it('rejects a corrupt download and removes the partial file', async () => {
    const dest = join(dir, 'model.safetensors');
    const bad = content.slice();
    bad[500] ^= 1;
    await expect(downloadWithResume({ url: 'https://x/f', dest, file, fetch: fakeServer(true, bad).fetch })).rejects.toThrow(/sha256/);
    expect(existsSync(dest + '.part')).toBe(false);
    expect(existsSync(dest)).toBe(false);
  });

  it('checks small non-LFS files by their git blob sha1', async () => {
    const text = new TextEncoder().encode('hello\n');
    const small: RemoteFile = { path: 'config.json', size: 6, gitSha1: 'ce013625030ba8dba906f756967f9e9ca394464a' }; // git hash-object
    const dest = join(dir, 'config.json');
    await downloadWithResume({ url: 'https://x/c', dest, file: small, fetch: fakeServer(true, text).fetch });
    expect(await hashFile(dest, 'sha1', 'blob 6\0')).toBe(small.gitSha1);
  });

  it('fails fast with a helpful message when the hub is unreachable', async () => {
    const offline = (async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND huggingface.co') });
    }) as typeof fetch;
    const err = await downloadRepoFiles({ repo: 'openai-community/gpt2', paths: ['config.json'], dir, fetch: offline }).catch((e) => e);
    expect(err).toBeInstanceOf(HubDownloadError);
    expect(err.message).toMatch(/Could not reach huggingface.co/);
    expect(err.message).toMatch(/model:export -- --from/);
    expect(err.message).toMatch(/demo model/);
  });

  it('a body that stalls after its headers: an error after idleMs, what arrived is kept', async () => {
    const dest = join(dir, 'model.safetensors');
    const stalling = (async () => {
      let pulls = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          if (pulls++ === 0) c.enqueue(content.slice(0, 25_000));
          else return new Promise(() => {}); // never another byte
        },
      });
      return new Response(body, { status: 200 });
    }) as typeof fetch;
    await expect(downloadWithResume({ url: 'https://x/f', dest, file, fetch: stalling, idleMs: 200 })).rejects.toThrow(
      /interrupted at 25000 of 100000 bytes \(no data for 0 s\); run again to resume/,
    );
    expect((await readFile(dest + '.part')).length).toBe(25_000);
  });

  it('a network error before the body: one clear error, not a raw TypeError; the partial file stays', async () => {
    const dest = join(dir, 'model.safetensors');
    await writeFile(dest + '.part', content.subarray(0, 10_000));
    const failing = (async () => {
      throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') });
    }) as typeof fetch;
    const err = await downloadWithResume({ url: 'https://x/f', dest, file, fetch: failing }).catch((e) => e);
    expect(err).toBeInstanceOf(HubDownloadError);
    expect(err.message).toBe('model.safetensors: could not connect (Error: ECONNRESET); check the network and run again to resume');
    expect((await readFile(dest + '.part')).length).toBe(10_000);
  });

  it('a short response keeps the partial file and the next run resumes it', async () => {
    const dest = join(dir, 'model.safetensors');
    const short = (async () => new Response(content.slice(0, 60_000), { status: 200 })) as typeof fetch;
    await expect(downloadWithResume({ url: 'https://x/f', dest, file, fetch: short })).rejects.toThrow(
      /ended early at 60000 of 100000 bytes; run again to resume/,
    );
    const server = fakeServer(true);
    await downloadWithResume({ url: 'https://x/f', dest, file, fetch: server.fetch });
    expect(server.ranges).toEqual(['bytes=60000-']);
    expect(new Uint8Array(await readFile(dest))).toEqual(content);
  });

  it('a response from the wrong offset is not appended: one fresh download instead', async () => {
    const dest = join(dir, 'model.safetensors');
    await writeFile(dest + '.part', content.subarray(0, 30_000));
    const ranges: (string | null)[] = [];
    const wrong = (async (_u: string | URL | Request, init?: RequestInit) => {
      const range = new Headers(init?.headers).get('Range');
      ranges.push(range);
      return range
        ? new Response(content.slice(10_000), { status: 206, headers: { 'Content-Range': 'bytes 10000-99999/100000' } })
        : new Response(content, { status: 200 });
    }) as typeof fetch;
    expect(await downloadWithResume({ url: 'https://x/f', dest, file, fetch: wrong })).toBe('downloaded');
    expect(ranges).toEqual(['bytes=30000-', null]);
    expect(new Uint8Array(await readFile(dest))).toEqual(content);
  });

  it('HTTP 416 for the partial file: one fresh download instead of the same failure on every run', async () => {
    const dest = join(dir, 'model.safetensors');
    await writeFile(dest + '.part', content.subarray(0, 30_000));
    const ranges: (string | null)[] = [];
    const f = (async (_u: string | URL | Request, init?: RequestInit) => {
      const range = new Headers(init?.headers).get('Range');
      ranges.push(range);
      return range ? new Response(null, { status: 416 }) : new Response(content, { status: 200 });
    }) as typeof fetch;
    expect(await downloadWithResume({ url: 'https://x/f', dest, file, fetch: f })).toBe('downloaded');
    expect(ranges).toEqual(['bytes=30000-', null]);
    expect(new Uint8Array(await readFile(dest))).toEqual(content);
  });

  it('a server error names the file and the status', async () => {
    const dest = join(dir, 'model.safetensors');
    const f = (async () => new Response('busy', { status: 503 })) as typeof fetch;
    await expect(downloadWithResume({ url: 'https://x/f', dest, file, fetch: f })).rejects.toThrow(
      'model.safetensors: the server answered HTTP 503 for https://x/f',
    );
  });

  it('formats a progress line', () => {
    expect(formatProgress({ file: 'model.safetensors', loaded: 274_000_000, total: 548_000_000 }, 10_000)).toBe(
      'model.safetensors  274.0/548.0 MB  50.0%  27.4 MB/s',
    );
  });
});

describe('resolveCommit', () => {
  it('asks the hub which commit a branch points at', async () => {
    const urls: string[] = [];
    const hub = (async (url: string | URL | Request) => {
      urls.push(String(url));
      return Response.json({ _id: 'x', id: 'openai-community/gpt2', sha: '607a30d783dfa663caf39e06633721c8d4cfcd7e', private: false });
    }) as typeof fetch;
    expect(await resolveCommit('openai-community/gpt2', 'main', { fetch: hub, hubUrl: 'https://hub.example' })).toBe(
      '607a30d783dfa663caf39e06633721c8d4cfcd7e',
    );
    expect(urls[0]).toMatch(/^https:\/\/hub\.example\/api\/models\/openai-community\/gpt2\/revision\/main\?.*expand=sha/);
  });

  it('an answer without a commit, or no answer, is a HubDownloadError', async () => {
    const noSha = (async () => Response.json({ _id: 'x', id: 'r' })) as typeof fetch;
    await expect(resolveCommit('a/b', 'main', { fetch: noSha })).rejects.toThrow(/named no commit/);
    const offline = (async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND huggingface.co') });
    }) as typeof fetch;
    await expect(resolveCommit('a/b', 'main', { fetch: offline })).rejects.toBeInstanceOf(HubDownloadError);
  });
});
