// Where the export will be served, read from the environment at build time:
//   BASE_PATH  the path under the domain: '' for the root of a domain (the default), '/gpt2-pamphlet'
//              for a GitHub project page. Every page, asset, model file and link carries it.
//   SITE_URL   the site's public address, e.g. https://someone.github.io/gpt2-pamphlet. Links inside
//              exported Anki cards point at it; without it exports carry no lesson links. When only
//              SITE_URL is set, BASE_PATH is its path.
//   HUB_URL    the Hugging Face hub the browser may fetch a model's original weights from (a
//              manifest's `source.hub`, when the site leaves decoder.onnx out): https://huggingface.co
//              by default; the e2e suite points it at a local server. scripts/csp.mjs allows it.
// next.config.mjs hands them to the browser code as NEXT_PUBLIC_BASE_PATH / NEXT_PUBLIC_SITE_URL /
// NEXT_PUBLIC_HUB_URL (lib/site.ts).

export class SiteConfigError extends Error {}

/** '/a/b/' → '/a/b'; '' or '/' → ''. Refuses what a URL path cannot be. */
function normaliseBasePath(raw) {
  const p = raw.trim().replace(/\/+$/, '');
  if (p === '') return '';
  if (!p.startsWith('/')) throw new SiteConfigError(`BASE_PATH must start with "/" (got "${raw}"), e.g. BASE_PATH=/gpt2-pamphlet`);
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(p) || p.split('/').some((s) => s === '.' || s === '..')) {
    throw new SiteConfigError(`BASE_PATH "${raw}" is not a plain path: use letters, digits, ".", "_", "~" and "-" between slashes`);
  }
  return p;
}

function normaliseSiteUrl(raw) {
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new SiteConfigError(`SITE_URL "${raw}" is not a URL; give the full address, e.g. https://someone.github.io/gpt2-pamphlet`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new SiteConfigError(`SITE_URL must be an http(s) address (got "${raw}")`);
  if (url.search || url.hash || url.username || url.password) {
    throw new SiteConfigError(`SITE_URL "${raw}" must be a plain address, without query, fragment or credentials`);
  }
  return `${url.origin}${normaliseBasePath(url.pathname)}`;
}

/** The hub the build uses when HUB_URL is not set. */
export const DEFAULT_HUB_URL = 'https://huggingface.co';

/** 'https://hub.example/' → 'https://hub.example'; a path is kept (a local hub may sit under one). */
function normaliseHubUrl(raw) {
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new SiteConfigError(`HUB_URL "${raw}" is not a URL; give the hub's address, e.g. HUB_URL=${DEFAULT_HUB_URL}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SiteConfigError(`HUB_URL must be an http(s) address (got "${raw}")`);
  if (url.search || url.hash || url.username || url.password) {
    throw new SiteConfigError(`HUB_URL "${raw}" must be a plain address, without query, fragment or credentials`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * { basePath, siteUrl, hubUrl } from the environment; a SiteConfigError names what is wrong.
 * @param {Record<string, string | undefined>} [env]
 */
export function siteConfig(env = process.env) {
  const siteUrl = env.SITE_URL?.trim() ? normaliseSiteUrl(env.SITE_URL) : '';
  const fromUrl = siteUrl ? new URL(siteUrl).pathname.replace(/\/+$/, '') : '';
  const basePath = env.BASE_PATH?.trim() ? normaliseBasePath(env.BASE_PATH) : fromUrl;
  if (siteUrl && basePath !== fromUrl) {
    throw new SiteConfigError(`BASE_PATH "${basePath}" and SITE_URL "${siteUrl}" disagree: the address must end with the base path`);
  }
  const hubUrl = env.HUB_URL?.trim() ? normaliseHubUrl(env.HUB_URL) : DEFAULT_HUB_URL;
  return { basePath, siteUrl, hubUrl };
}

/**
 * siteConfig(), or a one-line message and exit 1: for the build scripts.
 * @param {Record<string, string | undefined>} [env]
 */
export function siteConfigOrExit(env = process.env) {
  try {
    return siteConfig(env);
  } catch (e) {
    if (!(e instanceof SiteConfigError)) throw e;
    console.error(`Error: ${e.message}`);
    process.exit(1);
  }
}
