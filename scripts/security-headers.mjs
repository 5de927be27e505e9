// The HTTP headers the site wants from whatever serves it: one list for the project's own server
// (scripts/serve-static.mjs) and for the `_headers` file written into the export (Netlify,
// Cloudflare Pages). COOP/COEP make the page cross-origin isolated, so onnxruntime-web can use
// threads; CORP lets workers load same-origin files. The script policy itself is in every page
// (a meta tag, scripts/csp.mjs); framing can only be refused by a header.
export const SECURITY_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
};

/** Netlify / Cloudflare Pages `_headers`: the headers for every path. */
export function headersFile(headers = SECURITY_HEADERS) {
  return ['/*', ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n') + '\n';
}
