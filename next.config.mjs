import createMDX from '@next/mdx';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';
import { siteConfigOrExit } from './scripts/site-config.mjs';
import { mdxOptions } from './lib/content/mdx-options.mjs';

const withMDX = createMDX({ extension: /\.mdx?$/, options: mdxOptions });

// Cross-origin isolation lets onnxruntime-web use threads (SharedArrayBuffer).
// Set here for `next dev` only (a static export cannot carry headers: `next build` warns if they are
// configured); the export is served by scripts/serve-static.mjs with the same headers.
const isolation = [
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
];

// BASE_PATH / SITE_URL: where the export will be served; HUB_URL: the hub a model's original
// weights may come from (scripts/site-config.mjs).
// EXPORT_DIR: where the export is written (default out/); the e2e suite builds a second, sub-path export.
const { basePath, siteUrl, hubUrl } = siteConfigOrExit();

export default (phase) =>
  withMDX({
    output: 'export',
    ...(process.env.EXPORT_DIR ? { distDir: process.env.EXPORT_DIR } : {}),
    basePath,
    env: { NEXT_PUBLIC_BASE_PATH: basePath, NEXT_PUBLIC_SITE_URL: siteUrl, NEXT_PUBLIC_HUB_URL: hubUrl },
    trailingSlash: true,
    pageExtensions: ['ts', 'tsx', 'md', 'mdx'],
    images: { unoptimized: true },
    allowedDevOrigins: ['127.0.0.1'],
    ...(phase === PHASE_DEVELOPMENT_SERVER ? { headers: async () => [{ source: '/:path*', headers: isolation }] } : {}),
  });
