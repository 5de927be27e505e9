import createMDX from '@next/mdx';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';

// Turbopack needs MDX plugins as strings (serializable loader options).
const withMDX = createMDX({
  extension: /\.mdx?$/,
  options: {
    remarkPlugins: ['remark-frontmatter', 'remark-gfm', 'remark-math'],
    rehypePlugins: [
      'rehype-slug', // before KaTeX, so ids come from the TeX source like lib/content/lesson.ts's headings
      ['rehype-katex', { strict: false }],
      [
        'rehype-autolink-headings',
        {
          behavior: 'append',
          properties: { className: ['anchor'], ariaHidden: true, tabIndex: -1 },
          content: { type: 'text', value: '#' },
        },
      ],
      ['@shikijs/rehype', { themes: { light: 'github-light-high-contrast', dark: 'github-dark' }, defaultColor: false }],
    ],
  },
});

// Cross-origin isolation lets onnxruntime-web use threads (SharedArrayBuffer).
// Set here for `next dev` only (a static export cannot carry headers: `next build` warns if they are
// configured); the export is served by scripts/serve-static.mjs with the same headers.
const isolation = [
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
];

export default (phase) =>
  withMDX({
    output: 'export',
    trailingSlash: true,
    pageExtensions: ['ts', 'tsx', 'md', 'mdx'],
    images: { unoptimized: true },
    allowedDevOrigins: ['127.0.0.1'],
    ...(phase === PHASE_DEVELOPMENT_SERVER ? { headers: async () => [{ source: '/:path*', headers: isolation }] } : {}),
  });
