// Node: downloads a model repo's files from the Hugging Face hub into a cache folder, resuming a
// partial file with an HTTP Range request and verifying size and hash (LFS sha256, or the git blob
// sha1 for small non-LFS files). Metadata comes from @huggingface/hub's pathsInfo; the bytes from
// the repo's resolve URL. Offline, the first request fails fast with a HubDownloadError.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { modelInfo, pathsInfo } from '@huggingface/hub';
import { HubDownloadError } from './errors';

export const HUB_URL = 'https://huggingface.co';

export interface RemoteFile {
  path: string;
  size: number;
  /** LFS files: sha256 of the content. */
  sha256?: string;
  /** Non-LFS files: git blob id = sha1("blob <size>\0" + content). */
  gitSha1?: string;
}

export interface Progress {
  file: string;
  loaded: number;
  total: number;
}

/** What to do with a partial download of `localBytes` when the file has `size` bytes. */
export function resumePlan(localBytes: number, size: number): { action: 'verify' | 'resume' | 'restart'; offset: number } {
  if (localBytes === size) return { action: 'verify', offset: size };
  if (localBytes > 0 && localBytes < size) return { action: 'resume', offset: localBytes };
  return { action: 'restart', offset: 0 }; // nothing yet, or longer than the real file
}

export async function hashFile(path: string, algorithm: 'sha256' | 'sha1', prefix?: string): Promise<string> {
  const h = createHash(algorithm);
  if (prefix) h.update(prefix);
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function verify(path: string, file: RemoteFile): Promise<string | null> {
  const size = await fileSize(path);
  if (size !== file.size) return `size ${size}, expected ${file.size}`;
  if (file.sha256) {
    const got = await hashFile(path, 'sha256');
    if (got !== file.sha256) return `sha256 ${got}, expected ${file.sha256}`;
  } else if (file.gitSha1) {
    const got = await hashFile(path, 'sha1', `blob ${size}\0`);
    if (got !== file.gitSha1) return `git sha1 ${got}, expected ${file.gitSha1}`;
  }
  return null;
}

/** Seconds without a byte after which a download counts as stalled (default of `idleMs`). */
export const DEFAULT_IDLE_MS = 30_000;

/**
 * Downloads `url` to `dest`, via `dest.part`; a partial `.part` is resumed with `Range: bytes=N-`.
 * A server that ignores the range (200) restarts the file; one that answers 416 (the part is no
 * use to it) gets one fresh request. A body that stalls for `idleMs`, ends early, or drops keeps
 * what arrived for the next run; only a complete file with the wrong hash is removed.
 */
export async function downloadWithResume(opts: {
  url: string;
  dest: string;
  file: RemoteFile;
  fetch?: typeof fetch;
  onProgress?: (p: Progress) => void;
  idleMs?: number;
}): Promise<'cached' | 'downloaded'> {
  const { url, dest, file } = opts;
  const doFetch = opts.fetch ?? fetch;
  const idleMs = opts.idleMs ?? DEFAULT_IDLE_MS;
  if ((await fileSize(dest)) === file.size && !(await verify(dest, file))) return 'cached';
  await mkdir(dirname(dest), { recursive: true });
  const part = dest + '.part';
  let plan = resumePlan(await fileSize(part), file.size);
  if (plan.action === 'verify' && (await verify(part, file))) plan = { action: 'restart', offset: 0 };
  if (plan.action !== 'verify') {
    const get = async (offset: number) => {
      try {
        return await doFetch(url, { headers: offset > 0 ? { Range: `bytes=${offset}-` } : {} });
      } catch (e) {
        const reason = (e as Error).cause ? String((e as { cause: unknown }).cause) : (e as Error).message;
        throw new HubDownloadError(
          `${file.path}: could not connect (${reason}); check the network and run again${offset ? ' to resume' : ''}`,
          file.path,
        );
      }
    };
    let offset = plan.offset;
    let res = await get(offset);
    if (res.status === 416 && offset > 0) {
      await res.body?.cancel();
      offset = 0; // the server cannot serve the rest of this part: start over, once
      res = await get(0);
    }
    if (!res.ok) throw new HubDownloadError(`${file.path}: the server answered HTTP ${res.status} for ${url}`, file.path);
    if (offset > 0 && res.status !== 206) offset = 0; // range ignored: the body is the whole file
    if (offset > 0) {
      const start = /^bytes (\d+)-/.exec(res.headers.get('Content-Range') ?? '')?.[1];
      if (start !== undefined && Number(start) !== offset) {
        // The server does not resume this file correctly: start over, once (the same request again would fail again).
        await res.body?.cancel();
        offset = 0;
        res = await get(0);
        if (!res.ok) throw new HubDownloadError(`${file.path}: the server answered HTTP ${res.status} for ${url}`, file.path);
      }
    }
    const fh = await open(part, offset > 0 ? 'r+' : 'w');
    let loaded = offset;
    try {
      await fh.truncate(offset);
      opts.onProgress?.({ file: file.path, loaded, total: file.size });
      const reader = res.body!.getReader();
      try {
        for (;;) {
          const { done, value } = await readWithin(reader, idleMs);
          if (done) break;
          await fh.write(value, 0, value.byteLength, loaded);
          loaded += value.byteLength;
          opts.onProgress?.({ file: file.path, loaded, total: file.size });
        }
      } catch (e) {
        void reader.cancel().catch(() => {});
        throw new HubDownloadError(
          `${file.path}: download interrupted at ${loaded} of ${file.size} bytes (${(e as Error).message}); run again to resume`,
          file.path,
        );
      }
    } finally {
      await fh.close();
    }
    if (loaded < file.size) {
      throw new HubDownloadError(
        `${file.path}: the download ended early at ${loaded} of ${file.size} bytes; run again to resume`,
        file.path,
      );
    }
  }
  const problem = await verify(part, file);
  if (problem) {
    await rm(part, { force: true });
    throw new HubDownloadError(`${file.path}: ${problem}; the damaged file was removed, run again to download it again`, file.path);
  }
  await rename(part, dest);
  return 'downloaded';
}

/** One read of a body stream, or an error when nothing arrives within `ms`. */
function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no data for ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([reader.read(), stalled]).finally(() => clearTimeout(timer));
}

/** fetch that gives up after `ms` (a dead network should fail in seconds, not minutes). */
export function fetchWithTimeout(ms: number, inner: typeof fetch = fetch): typeof fetch {
  return (input, init) => inner(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(ms) });
}

export const OFFLINE_HELP =
  'Could not reach huggingface.co. Run "npm run model:gpt2" on a machine with internet access, or copy a ' +
  'GPT-2 checkpoint folder (model.safetensors + config.json) here and run ' +
  '"npm run model:export -- --from <folder> --out models/gpt2". The demo model ("npm run model:demo") works offline.';

/**
 * The commit `revision` (a branch such as 'main', a tag or a sha) points at now. Downloading at the
 * commit, not the branch, pins the files: what the manifest records is what the URL serves.
 */
export async function resolveCommit(
  repo: string,
  revision = 'main',
  opts: { fetch?: typeof fetch; hubUrl?: string } = {},
): Promise<string> {
  let sha: unknown;
  try {
    ({ sha } = await modelInfo({ name: repo, revision, additionalFields: ['sha'], hubUrl: opts.hubUrl, fetch: opts.fetch }));
  } catch (e) {
    const cause = (e as Error).cause ? ` (${String((e as { cause: unknown }).cause)})` : '';
    throw new HubDownloadError(`${OFFLINE_HELP} (${(e as Error).message}${cause})`);
  }
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha))
    throw new HubDownloadError(`${repo}@${revision}: the hub named no commit for it`);
  return sha;
}

/** Sizes and hashes of files in a hub repo. */
export async function remoteFiles(
  repo: string,
  paths: string[],
  opts: { fetch?: typeof fetch; hubUrl?: string; revision?: string } = {},
): Promise<RemoteFile[]> {
  let infos;
  try {
    infos = await pathsInfo({ repo, paths, revision: opts.revision, hubUrl: opts.hubUrl, fetch: opts.fetch });
  } catch (e) {
    const cause = (e as Error).cause ? ` (${String((e as { cause: unknown }).cause)})` : '';
    throw new HubDownloadError(`${OFFLINE_HELP} (${(e as Error).message}${cause})`);
  }
  return paths.map((path) => {
    const info = infos.find((i) => i.path === path);
    if (!info) throw new HubDownloadError(`${repo} has no file ${path}`, path);
    return info.lfs ? { path, size: info.lfs.size, sha256: info.lfs.oid } : { path, size: info.size, gitSha1: info.oid };
  });
}

/** Downloads `paths` of `repo` into `dir`, resuming and verifying each. */
export async function downloadRepoFiles(opts: {
  repo: string;
  paths: string[];
  dir: string;
  fetch?: typeof fetch;
  hubUrl?: string;
  revision?: string;
  /** Timeout of the first (metadata) request. Default 15 s. */
  timeoutMs?: number;
  /** Silence on a file's body after which it counts as stalled. Default 30 s. */
  idleMs?: number;
  onProgress?: (p: Progress) => void;
}): Promise<RemoteFile[]> {
  const hubUrl = opts.hubUrl ?? HUB_URL;
  const revision = opts.revision ?? 'main';
  const files = await remoteFiles(opts.repo, opts.paths, {
    fetch: fetchWithTimeout(opts.timeoutMs ?? 15_000, opts.fetch),
    hubUrl,
    revision,
  });
  for (const file of files) {
    const url = `${hubUrl}/${opts.repo}/resolve/${encodeURIComponent(revision)}/${file.path}`;
    await downloadWithResume({
      url,
      dest: join(opts.dir, file.path),
      file,
      fetch: opts.fetch,
      onProgress: opts.onProgress,
      idleMs: opts.idleMs,
    });
  }
  return files;
}

/** "model.safetensors  123.4/548.1 MB  22.5%  12.3 MB/s" for a progress line. */
export function formatProgress(p: Progress, elapsedMs: number, startBytes = 0): string {
  const mb = (n: number) => (n / 1e6).toFixed(1);
  const pct = p.total ? ((100 * p.loaded) / p.total).toFixed(1) : '?';
  const rate = elapsedMs > 0 ? (p.loaded - startBytes) / 1e6 / (elapsedMs / 1000) : 0;
  return `${p.file}  ${mb(p.loaded)}/${mb(p.total)} MB  ${pct}%  ${rate.toFixed(1)} MB/s`;
}
