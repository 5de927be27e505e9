// Where a model's original weights live on the Hugging Face hub: manifest.json's `source.hub`,
// recorded by `npm run model:gpt2` from the file it downloaded. A site that does not serve the
// ≈ 500 MB decoder.onnx (a static host's per-file limit) lets the browser fetch this file instead
// and build the same fp32 graph from it (lib/model/checkpoint-graph.ts).
//
//   { repo: 'openai-community/gpt2', revision: <commit sha>, file: 'model.safetensors', bytes, sha256 }
//
// The URL is the hub's resolve URL, `${hubUrl}/${repo}/resolve/${revision}/${file}`: pinned to
// the commit, so its bytes cannot change under the recorded sha256.

import { ManifestError } from './errors';

export interface HubSource {
  /** 'owner/name' on the hub. */
  repo: string;
  /** The commit the file was downloaded at (a 40-hex sha; a plain ref name for a local test hub). */
  revision: string;
  /** A safetensors file at the top of the repo, e.g. 'model.safetensors'. */
  file: string;
  bytes: number;
  /** sha256 of the file's bytes, hex: the browser checks the download against it. */
  sha256: string;
}

// Each piece becomes one segment of a URL path: nothing that could climb out of it or add a query.
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const isName = (s: unknown): s is string => typeof s === 'string' && NAME.test(s) && !s.includes('..') && s.length <= 96;

/** `source.hub` checked field by field; a ManifestError names the first bad one. */
export function parseHubSource(v: unknown): HubSource {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ManifestError('"source.hub" is not an object');
  const s = v as Record<string, unknown>;
  const repo = typeof s.repo === 'string' ? s.repo.split('/') : [];
  if (repo.length !== 2 || !repo.every(isName)) throw new ManifestError('"source.hub.repo" is not an "owner/name" repository');
  if (!isName(s.revision)) throw new ManifestError('"source.hub.revision" is not a commit sha or a plain ref name');
  if (!isName(s.file) || !s.file.endsWith('.safetensors')) throw new ManifestError('"source.hub.file" is not a .safetensors file name');
  if (!Number.isSafeInteger(s.bytes) || (s.bytes as number) <= 0) throw new ManifestError('"source.hub.bytes" is not a byte count');
  if (typeof s.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(s.sha256)) throw new ManifestError('"source.hub.sha256" is not a sha256');
  return { repo: s.repo as string, revision: s.revision, file: s.file, bytes: s.bytes as number, sha256: s.sha256 };
}

/** The folder the file resolves in, ending in '/': `new URL(file, folder)` is the file's URL. */
export function hubFolderUrl(hubUrl: string, source: Pick<HubSource, 'repo' | 'revision'>): string {
  return `${hubUrl.replace(/\/+$/, '')}/${source.repo}/resolve/${source.revision}/`;
}
