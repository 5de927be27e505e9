import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
// The worst-case renderer: raw HTML passed straight through (both come with @mdx-js/mdx).
import remarkRehype from 'remark-rehype';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, isSafeUrl, sanitizeMarkdown } from './index';

const parsers = { commonmark: unified().use(remarkParse), 'gfm+math': unified().use(remarkParse).use(remarkGfm).use(remarkMath) };

function unsafeNodes(markdown: string): string[] {
  const found: string[] = [];
  for (const [name, parser] of Object.entries(parsers)) {
    const visit = (n: { type: string; value?: string; url?: string; children?: unknown[] }) => {
      if (n.type === 'html' && !/^<!--SR:[^<>]*-->$/.test((n.value ?? '').trim())) found.push(`${name}: html ${n.value}`);
      if ((n.type === 'link' || n.type === 'image' || n.type === 'definition') && !isSafeUrl(n.url ?? ''))
        found.push(`${name}: url ${n.url}`);
      (n.children as (typeof n)[] | undefined)?.forEach(visit);
    };
    visit(parser.parse(markdown) as Root);
  }
  return found;
}

function renderRaw(markdown: string): string {
  const p = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkRehype, { allowDangerousHtml: true });
  return toHtml(p.runSync(p.parse(markdown)) as never, { allowDangerousHtml: true });
}

const HOSTILE = [
  '<script>alert(1)</script>',
  'text <img src=x onerror=alert(1)> more',
  '<div onclick="alert(1)">\n\nclick\n\n</div>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](javascript&#58;alert(1))',
  '[click][ref]\n\n[ref]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '![x](javascript:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '<!-- x --><script>alert(1)</script>',
  '<!--SR:!2026-12-01,3,250--><img src=x onerror=alert(1)>',
  '$`$<img src=x onerror=alert(1)>`$', // code span for CommonMark, math + HTML for remark-math
  '> <svg onload=alert(1)>',
  '- <iframe src="javascript:alert(1)"></iframe>',
  '`<b>` and <b onmouseover=alert(1)>bold</b>',
  '<a href="javascript:alert(1)">x</a>',
  '[<img src=x onerror=alert(1)>](javascript:alert(1))',
  '<style>body{display:none}</style>',
];

describe('sanitizeMarkdown', () => {
  it.each(HOSTILE)('%j: no HTML or script URL under either parser, nothing runnable when rendered raw', (input) => {
    const out = sanitizeMarkdown(input);
    expect(unsafeNodes(out)).toEqual([]);
    const html = renderRaw(out);
    expect(html).not.toMatch(/<(script|img|svg|iframe|div|style|b|a)\b[^>]*\son\w+=/i);
    expect(html).not.toMatch(/<(script|iframe|style|svg)\b/i);
    expect(html).not.toMatch(/<[a-z][^<>]*\s(href|src)="\s*(javascript|vbscript|data):/i); // in a real tag, not in text
    expect(sanitizeMarkdown(out)).toBe(out); // idempotent
  });

  const golden: Array<[string, string]> = [
    ['plain *markdown* with `code <b>` and $a<b$', 'plain *markdown* with `code <b>` and $a<b$'],
    ['a < b and 1 <2', 'a < b and 1 <2'],
    ['<|endoftext|> token', '<|endoftext|> token'],
    ['text <img src=x onerror=alert(1)> more', 'text \\<img src=x onerror=alert(1)> more'],
    ['<script>alert(1)</script>', '\\<script>alert(1)\\</script>'],
    ['[click](javascript:alert(1))', 'click'],
    ['[safe](https://example.com) [rel](#wte) [mail](mailto:a@b.c)', '[safe](https://example.com) [rel](#wte) [mail](mailto:a@b.c)'],
    ['<https://karpathy.ai>', '<https://karpathy.ai>'],
    ['<javascript:alert(1)>', 'javascript:alert(1)'],
    ['[*a* \\*b\\* <c](javascript:x)', 'a \\*b\\* \\<c'],
    ['![pic](javascript:x)', 'pic'],
    ['kept <!--SR:!2026-12-01,3,250-->', 'kept <!--SR:!2026-12-01,3,250-->'],
    ['<!-- a private note -->', '\\<!-- a private note -->'],
    ['```html\n<script>alert(1)</script>\n```', '```html\n<script>alert(1)</script>\n```'],
  ];
  it.each(golden)('golden %j', (input, out) => expect(sanitizeMarkdown(input)).toBe(out));

  it('keeps the displayed text of escaped HTML', () => {
    expect(renderRaw(sanitizeMarkdown('a <b>bold</b> c'))).toBe('<p>a &#x3C;b>bold&#x3C;/b> c</p>');
  });
});

describe('helpers', () => {
  it.each([
    ['https://a.b', true],
    ['HTTP://a.b', true],
    ['mailto:x@y.z', true],
    ['#anchor', true],
    ['/lessons/attention/', true],
    ['relative/path?x=1:2', true],
    ['javascript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['java\nscript:alert(1)', false],
    ['data:text/html,x', false],
    ['file:///etc/passwd', false],
  ])('isSafeUrl(%j) = %s', (url, safe) => expect(isSafeUrl(url)).toBe(safe));

  it('escapeMarkdown renders literally', () => {
    const s = '*a* [b](c) <d> `e` $f$ # g';
    expect(renderRaw(escapeMarkdown(s))).toBe('<p>*a* [b](c) &#x3C;d> `e` $f$ # g</p>');
  });
});

describe('with the card renderer (lib/cards/markdown.ts, which escapes all text)', () => {
  it('escaped HTML reads as the original text, without backslashes or entities', async () => {
    const { cardMarkdownToHtml } = await import('@/lib/cards/markdown');
    expect(cardMarkdownToHtml(sanitizeMarkdown('a <b>bold</b> and <|endoftext|>'), { math: 'mathjax' })).toBe(
      'a &lt;b>bold&lt;/b> and &lt;|endoftext|>',
    );
  });
});
