import { createElement, Fragment, type ReactNode } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { evaluate } from '@mdx-js/mdx';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { mdxOptions } from './mdx-options.mjs';
import { listLessons, readLessonSource } from './lessons';

type Plugin = string | [string, unknown];
type Options = { remarkPlugins: Plugin[]; rehypePlugins: Plugin[]; recmaPlugins: Plugin[] };

async function load(plugins: Plugin[]) {
  return Promise.all(
    plugins.map(async (p) => {
      const [name, options] = Array.isArray(p) ? p : [p, undefined];
      const mod = await import(/* @vite-ignore */ name);
      return options === undefined ? mod.default : [mod.default, options];
    }),
  );
}

/** The lesson's MDX compiled as the site compiles it, with or without the static-HTML plugins. */
async function compile(source: string, staticHtml: boolean, jsxRuntime: typeof runtime = runtime) {
  const options = mdxOptions as Options;
  const rehype = options.rehypePlugins.filter((p) => staticHtml || !String(p).endsWith('rehype-static-html.mjs'));
  return evaluate(source, {
    ...jsxRuntime,
    remarkPlugins: await load(options.remarkPlugins),
    rehypePlugins: await load(rehype),
    recmaPlugins: staticHtml ? await load(options.recmaPlugins) : [],
  } as Parameters<typeof evaluate>[1]);
}

// Stand-ins for the lesson's components (every capitalised tag of the source): they only need to render
// something fixed. Links to pages get a marker, to show which links went through the component.
const stand = (name: string) => (props: { children?: ReactNode; id?: string }) =>
  createElement('div', { 'data-component': name, 'data-id': props.id }, props.children);
const componentsOf = (source: string) => ({
  a: (props: { href?: string }) => createElement('a', { ...props, ...(props.href?.startsWith('/') ? { 'data-link': '' } : {}) }),
  ...Object.fromEntries([...source.matchAll(/<([A-Z]\w*)/g)].map(([, name]) => [name, stand(name)])),
});

/** Markup as a DOM, written out one way: React and hast-util-to-html differ only in how they escape
 * quotes and whether a style ends in ";". */
function normalise(html: string) {
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node) => {
    const style = node.properties.style;
    if (typeof style === 'string') node.properties.style = style.replace(/;$/, '');
  });
  return toHtml(tree);
}

async function render(source: string, staticHtml: boolean) {
  const { default: Content } = await compile(source, staticHtml);
  return normalise(renderToStaticMarkup(createElement(Fragment, null, createElement(Content, { components: componentsOf(source) }))));
}

describe('lesson prose as HTML strings', () => {
  it.each(listLessons().map((l) => l.slug))('renders %s to exactly the same markup', async (slug) => {
    const source = readLessonSource(slug);
    const plain = await render(source, false);
    const frozen = await render(source, true);
    expect(frozen).toBe(plain);
    expect(plain.length).toBeGreaterThan(5000);
  });

  it('keeps components, expressions and links to other pages as React elements', async () => {
    const source = [
      'Plain *text* with $x^2$ math.',
      '',
      'A [link](/lessons/overview/) and [an anchor](#top) and <Callout>inside **it**</Callout>.',
      '',
      '<Figure caption="c">',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '</Figure>',
    ].join('\n');
    const html = await render(source, true);
    // The internal link went through the component; the anchor, inside a static span, did not.
    expect(html).toContain('<a href="/lessons/overview/" data-link="">link</a>');
    expect(html).toContain('<a href="#top">an anchor</a>');
    expect(html).toContain('data-component="Callout"');
    expect(html).toContain('<strong>it</strong>');
    expect(html).toMatch(/<div data-component="Figure"><table tabindex="0"><thead><tr><th>a<\/th>/);
    expect(html).toBe(await render(source, false));
  });

  it('leaves far fewer React elements to hydrate', async () => {
    const source = readLessonSource('attention');
    const count = async (staticHtml: boolean) => {
      let elements = 0;
      const counting = {
        ...runtime,
        jsx: (...a: Parameters<typeof runtime.jsx>) => (elements++, runtime.jsx(...a)),
        jsxs: (...a: Parameters<typeof runtime.jsxs>) => (elements++, runtime.jsxs(...a)),
      };
      const { default: Content } = await compile(source, staticHtml, counting);
      renderToStaticMarkup(createElement(Content, { components: componentsOf(source) }));
      return elements;
    };
    const before = await count(false);
    const after = await count(true);
    expect(after).toBeLessThan(before / 5);
  });

  it('serialises SVG children in the SVG namespace', async () => {
    // KaTeX draws √ as an <svg> with a viewBox; HTML serialisation would write "view-box".
    const html = await render('$\\sqrt{d_k}$', true);
    expect(html).toContain('viewBox=');
    expect(html).not.toContain('view-box');
  });

  it('refuses a lesson that writes the attribute itself', async () => {
    await expect(compile('<Callout data-static-html="<img src=x onerror=alert(1)>" />', true)).rejects.toThrow(
      /sets data-static-html, which only the build may write/,
    );
  });

  it('maps no lowercase tag but links in mdx-components.tsx (the frozen prose would skip such a mapping)', async () => {
    const { useMDXComponents } = await import('@/mdx-components');
    const lowercase = Object.keys(useMDXComponents()).filter((k) => /^[a-z]/.test(k));
    expect(lowercase).toEqual(['a']);
  });
});
