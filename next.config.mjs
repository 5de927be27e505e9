import createMDX from '@next/mdx';

// Turbopack needs MDX plugins as strings (serializable loader options).
const withMDX = createMDX({
  extension: /\.mdx?$/,
  options: {
    remarkPlugins: ['remark-frontmatter', 'remark-gfm', 'remark-math'],
    rehypePlugins: [
      'rehype-slug', // before KaTeX, so ids come from the TeX source like the TOC's (lib/content/toc.ts)
      ['rehype-katex', { strict: false }],
      ['rehype-autolink-headings', { behavior: 'append', properties: { className: ['anchor'], ariaHidden: true, tabIndex: -1 }, content: { type: 'text', value: '#' } }],
      ['@shikijs/rehype', { themes: { light: 'github-light-high-contrast', dark: 'github-dark' }, defaultColor: false }],
    ],
  },
});

// Cross-origin isolation lets onnxruntime-web use threads (SharedArrayBuffer).
// Applied by `next dev` only; the static export is served by scripts/serve-static.mjs with the same headers.
const isolation = [
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
];

export default withMDX({
  output: 'export',
  trailingSlash: true,
  pageExtensions: ['ts', 'tsx', 'md', 'mdx'],
  images: { unoptimized: true },
  allowedDevOrigins: ['127.0.0.1'],
  async headers() {
    return [{ source: '/:path*', headers: isolation }];
  },
});
