#!/usr/bin/env node
// Writes a Content-Security-Policy <meta> into every page of the static export (runs after
// `next build`). A meta tag works on any static host; the pages' inline scripts (Next's RSC payload,
// the theme script) are allowed by their sha256 hashes, so no other inline script or event handler
// can run. 'wasm-unsafe-eval' lets onnxruntime-web and sql.js compile WebAssembly.
// frame-ancestors cannot be set by a meta tag: the project's server sends it as a header.
// connect-src allows the Hugging Face hub (HUB_URL, scripts/site-config.mjs) and the hosts its file
// downloads redirect to: the worker may fetch a model's original weights from there.
// Also writes `_headers` (the server headers, for Netlify and Cloudflare Pages) into the export.
// Usage: node scripts/csp.mjs [dir=out]
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { headersFile } from './security-headers.mjs';
import { DEFAULT_HUB_URL, siteConfigOrExit } from './site-config.mjs';

const root = path.resolve(process.argv[2] ?? process.env.EXPORT_DIR ?? 'out');

// huggingface.co answers `/<repo>/resolve/<rev>/<file>` for an LFS or Xet file (a model's weights)
// with a 302 to another host, and a CSP applies to every hop of a redirect. The hosts seen:
//   cdn-lfs.hf.co, cdn-lfs-us-1.hf.co, cdn-lfs-eu-1.hf.co, transfer.xethub.hf.co  (the hub's own list,
//     "lfsDomains" and "cdnDomains" in https://huggingface.co/.well-known/meta.json)
//   cas-bridge.xethub.hf.co  (Xet storage; https://github.com/mlc-ai/web-llm/pull/769)
//   us.aws.cdn.hf.co and other <region>.<cloud>.cdn.hf.co  (since 2026; meta.json "cdnDomains",
//     https://github.com/yocreoquesi/nukebg/pull/376)
// They move between subdomains of hf.co, so the policy names the domain, not today's hosts; a
// CSP wildcard matches subdomains at any depth.
const HUGGING_FACE_HOSTS = ['https://huggingface.co', 'https://*.hf.co'];

/** What connect-src allows for the hub: Hugging Face's hosts, or only the origin of another HUB_URL (a mirror, a test server). */
export function hubSources(hubUrl = DEFAULT_HUB_URL) {
  return hubUrl === DEFAULT_HUB_URL ? HUGGING_FACE_HOSTS : [new URL(hubUrl).origin];
}

export function policy(scriptHashes, hubUrl = DEFAULT_HUB_URL) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'sha256-${h}'`).join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'", // KaTeX and React set style attributes
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self' blob: data:", ...hubSources(hubUrl)].join(' '),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

export function withCsp(html, hubUrl = DEFAULT_HUB_URL) {
  const hashes = [
    ...new Set(
      [...html.matchAll(INLINE_SCRIPT)].filter((m) => m[1]).map((m) => createHash('sha256').update(m[1], 'utf8').digest('base64')),
    ),
  ];
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes, hubUrl)}"/>`;
  const stripped = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  if (!/<head[^>]*>/.test(stripped)) throw new Error('no <head> to put the policy in');
  return stripped.replace(/<head[^>]*>/, (head) => head + meta);
}

function htmlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? htmlFiles(p) : e.name.endsWith('.html') ? [p] : [];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!fs.existsSync(root)) {
    console.error(`csp: no static export in ${root}`);
    process.exit(1);
  }
  const { hubUrl } = siteConfigOrExit(); // the same HUB_URL the build handed to the browser code
  const files = htmlFiles(root);
  for (const file of files) fs.writeFileSync(file, withCsp(fs.readFileSync(file, 'utf8'), hubUrl));
  fs.writeFileSync(path.join(root, '_headers'), headersFile());
  console.log(`csp: Content-Security-Policy written into ${files.length} pages; _headers for Netlify and Cloudflare Pages`);
}
