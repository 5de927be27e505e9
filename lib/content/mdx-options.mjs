// How lessons' MDX is compiled: the remark and rehype plugins, by name or path (Turbopack needs
// serialisable loader options). next.config.mjs hands these to @next/mdx; the unit tests compile
// lessons with the same list.
import { fileURLToPath } from 'node:url';

const local = (file) => fileURLToPath(new URL(file, import.meta.url));

export const mdxOptions = {
  remarkPlugins: ['remark-frontmatter', 'remark-gfm', 'remark-math'],
  rehypePlugins: [
    'rehype-slug', // before KaTeX, so ids come from the TeX source like lib/content/lesson.ts's headings
    ['rehype-katex', { strict: false }],
    [
      'rehype-autolink-headings',
      {
        behavior: 'append',
        properties: { className: ['anchor'], ariaHidden: 'true', tabIndex: -1 }, // a string: serialised as "true"
        content: { type: 'text', value: '#' },
      },
    ],
    ['@shikijs/rehype', { themes: { light: 'github-light-high-contrast', dark: 'github-dark' }, defaultColor: false }],
    local('./rehype-scroll-focus.mjs'), // after the others: it marks what they made
    local('./rehype-static-html.mjs'), // last: it freezes the finished prose into HTML strings
  ],
  recmaPlugins: [local('./recma-static-html.mjs')],
};
