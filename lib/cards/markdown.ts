// Card Markdown → sanitized HTML. The one path from text a learner wrote or imported (and the
// lessons' own cards) to HTML: the app renders every card face through it with KaTeX, the Anki
// export writes every field through it with MathJax delimiters, which Anki typesets.
//
// The subset: paragraphs, lists, fenced code, `code`, **bold**, *italic*, [links](url), $math$ and
// $$math$$. Headings, quotes, tables, images, autolinks and raw HTML stay literal text (their
// micromark constructs are switched off), and rehype-sanitize then keeps only the elements and
// attributes this subset produces: links to http(s) or mailto URLs or within the site, nothing else.

import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import rehypeKatex from 'rehype-katex';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';

export type MathOutput = 'katex' | 'mathjax';

/** Private-use characters reserved for markers (cloze spans, Anki cloze placeholders); removed from input. */
export const MARKER_RANGE = /[\uE000-\uE02F]/g;

const SUBSET_OFF = [
  'autolink',
  'blockQuote',
  'codeIndented',
  'definition',
  'headingAtx',
  'htmlFlow',
  'htmlText',
  'labelStartImage',
  'setextUnderline',
  'thematicBreak',
];

function cardSubset(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ disable: { null: SUBSET_OFF } });
}

const MATH_CLASSES = ['language-math', 'math-inline', 'math-display'];

export const CARD_SCHEMA: SanitizeSchema = {
  tagNames: ['p', 'br', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'a'],
  attributes: { a: ['href'], code: [['className', ...MATH_CLASSES]], ol: ['start'] },
  protocols: { href: ['http', 'https', 'mailto'] },
  strip: ['script', 'style'],
  clobberPrefix: '',
  clobber: [],
  ancestors: {},
  required: {},
};

const parser = unified().use(remarkParse).use(cardSubset).use(remarkMath).freeze();
const toSafeHast = unified().use(remarkRehype).use(rehypeSanitize, CARD_SCHEMA).freeze();
const katex = unified().use(rehypeKatex, { throwOnError: false, strict: false, trust: false }).freeze();

export interface RenderOptions {
  math: MathOutput;
  /** The caller put its own markers into the text (after removing the range from what it was given): keep them. */
  markers?: boolean;
  /** Last step on the sanitized tree, e.g. turning cloze markers into spans. */
  transform?: (tree: Root) => void;
}

/** Card Markdown as sanitized HTML. A single paragraph comes without `<p>`, which keeps short answers and Anki's sort field clean. */
export function cardMarkdownToHtml(markdown: string, options: RenderOptions): string {
  try {
    return render(markdown, options);
  } catch {
    // Input nested past what the parsers recurse through (thousands of list levels): shown as
    // plain text rather than breaking the page, the review or the export.
    const text = markdown.replace(MARKER_RANGE, '');
    return toHtml({ type: 'text', value: text }, { characterReferences: { useNamedReferences: true } });
  }
}

function render(markdown: string, { math, markers = false, transform }: RenderOptions): string {
  let src = markdown.replace(/\r\n?/g, '\n');
  if (!markers) src = src.replace(MARKER_RANGE, '');
  src = escapeNonMath(src);
  const mdast = parser.runSync(parser.parse(src)) as MdastRoot;
  displayDoubleDollars(mdast, src);
  const tree = toSafeHast.runSync(mdast) as Root;
  tidy(tree);
  handTypedMath(tree);
  if (math === 'katex') {
    walk(tree, (el) => {
      if (el.tagName === 'code') for (const c of el.children) if (c.type === 'text') c.value = c.value.replace(MARKER_RANGE, '');
    });
    katex.runSync(tree);
  } else mathAsDelimiters(tree);
  transform?.(tree);
  const only = tree.children.filter((n) => !(n.type === 'text' && !n.value.trim()));
  const body = only.length === 1 && only[0].type === 'element' && only[0].tagName === 'p' ? only[0].children : tree.children;
  return toHtml({ type: 'root', children: body as RootContent[] }, { characterReferences: { useNamedReferences: true } });
}

const BLOCK_PARENTS = new Set(['ul', 'ol', 'li']);

/**
 * Normalises the sanitized tree: <b>/<i> as Anki's editor writes them, soft line breaks as spaces,
 * no whitespace between blocks, and a link whose URL the sanitizer removed becomes its text.
 */
function tidy(parent: Root | Element) {
  const blockParent = parent.type === 'root' || BLOCK_PARENTS.has(parent.tagName);
  const out: ElementContent[] = [];
  for (const child of parent.children as ElementContent[]) {
    if (child.type === 'text') {
      if (blockParent && !child.value.trim()) continue;
      const afterBreak = out.at(-1)?.type === 'element' && (out.at(-1) as Element).tagName === 'br';
      if (afterBreak) child.value = child.value.replace(/^\n/, '');
      if (parent.type === 'element' && parent.tagName !== 'code') child.value = child.value.replace(/\n/g, ' ');
      out.push(child);
    } else if (child.type === 'element') {
      if (child.tagName === 'strong') child.tagName = 'b';
      else if (child.tagName === 'em') child.tagName = 'i';
      if (child.tagName !== 'pre') tidy(child);
      else
        for (const code of child.children)
          if (code.type === 'element') for (const t of code.children) if (t.type === 'text') t.value = t.value.replace(/\n$/, '');
      if (child.tagName === 'a' && typeof child.properties.href !== 'string') out.push(...child.children);
      else out.push(child);
    } else out.push(child);
  }
  parent.children = out as Element['children'];
}

// Commands that make MathJax load code, link or add markup: shown as text in the Anki field.
const MATHJAX_ACTIVE = /\\(href|url|html\w*|class|cssId|style|bbox|data\w*|unicode|require|mmlToken|tex2jax\w*)(?![a-zA-Z])/g;
// Anki cloze placeholders (see lib/anki/fields.ts): `\href` split by one is still `\href` to MathJax.
const CLOZE_PLACEHOLDERS = /\uE000\d+\uE001|\uE002/g;

/** `$…$` → `\(…\)`, `$$…$$` → `\[…\]` as text, for MathJax in Anki. */
function mathAsDelimiters(tree: Root) {
  const replace = (parent: Root | Element) => {
    parent.children = parent.children.map((child): ElementContent => {
      if (child.type !== 'element') return child as ElementContent;
      const code = child.tagName === 'pre' ? (child.children.find((c) => c.type === 'element') as Element | undefined) : child;
      const classes = (code?.properties?.className as string[] | undefined) ?? [];
      if (code?.tagName === 'code' && classes.includes('language-math')) {
        let tex = code.children
          .map((c) => (c.type === 'text' ? c.value : ''))
          .join('')
          .trim();
        // A cloze inside a command (`\\hr{{c1::ef}}`) must not hide it: such math loses its clozes.
        if (new RegExp(MATHJAX_ACTIVE.source).test(tex.replace(CLOZE_PLACEHOLDERS, ''))) tex = tex.replace(CLOZE_PLACEHOLDERS, '');
        tex = tex.replace(MATHJAX_ACTIVE, '\\backslash\\text{$1}');
        if (child.tagName === 'pre')
          return { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: `\\[${tex}\\]` }] };
        return { type: 'text', value: classes.includes('math-display') ? `\\[${tex}\\]` : `\\(${tex}\\)` };
      }
      replace(child);
      return child;
    }) as Element['children'];
  };
  replace(tree);
}

/** `$$…$$` inside a paragraph is display math, as in Pandoc and MathJax. */
function displayDoubleDollars(tree: MdastRoot, src: string) {
  const visit = (nodes: MdastContent[]) => {
    for (const node of nodes) {
      const at = node.position?.start.offset;
      if (node.type === 'inlineMath' && at !== undefined && src.startsWith('$$', at)) {
        node.data = { ...node.data, hProperties: { className: ['language-math', 'math-display'] } };
      } else if ('children' in node) visit(node.children as MdastContent[]);
    }
  };
  visit(tree.children);
}

const HAND_TYPED = /\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]/g;

/** `\(…\)` and `\[…\]` typed by hand (Anki's own delimiters) are math too. */
function handTypedMath(parent: Root | Element) {
  const out: ElementContent[] = [];
  for (const child of parent.children as ElementContent[]) {
    if (child.type === 'element') {
      if (child.tagName !== 'code' && child.tagName !== 'pre') handTypedMath(child);
      out.push(child);
      continue;
    }
    if (child.type !== 'text' || !child.value.includes('\\')) {
      out.push(child);
      continue;
    }
    let from = 0;
    for (const m of child.value.matchAll(HAND_TYPED)) {
      if (m.index > from) out.push({ type: 'text', value: child.value.slice(from, m.index) });
      const className = ['language-math', m[1] !== undefined ? 'math-inline' : 'math-display'];
      out.push({ type: 'element', tagName: 'code', properties: { className }, children: [{ type: 'text', value: m[1] ?? m[2] }] });
      from = m.index + m[0].length;
    }
    if (from < child.value.length) out.push(from ? { type: 'text', value: child.value.slice(from) } : child);
  }
  parent.children = out as Element['children'];
}

function walk(node: Root | Element, fn: (el: Element) => void) {
  for (const child of node.children) {
    if (child.type === 'element') {
      fn(child);
      walk(child, fn);
    }
  }
}

/**
 * Backslash-escapes what is not math: every `$` that cannot open or close math under Pandoc's rule,
 * so that prices stay text, and the backslash of hand-typed `\(`, `\)`, `\[`, `\]`, so that they
 * reach the tree as typed (see handTypedMath). Under Pandoc's rule an opener is not followed by a space, a closer is not preceded by a space nor followed
 * by a digit, `$$` pairs with the next `$$`. Code (fenced blocks and backtick spans) is left alone.
 * Linear in the length of the text.
 */
export function escapeNonMath(src: string): string {
  if (!src.includes('$') && !src.includes('\\')) return src;
  const code = codeMask(src);
  type Tok = { at: number; len: 1 | 2 };
  const toks: Tok[] = [];
  for (let i = 0; i < src.length; i++) {
    if (src[i] !== '$' || code[i]) continue;
    let slashes = 0;
    for (let j = i - 1; j >= 0 && src[j] === '\\'; j--) slashes++;
    if (slashes % 2) continue;
    if (src[i + 1] === '$' && !code[i + 1]) {
      toks.push({ at: i, len: 2 });
      i++;
    } else toks.push({ at: i, len: 1 });
  }
  const canOpen = (t: Tok) => t.len === 1 && !/^\s?$/.test(src[t.at + 1] ?? '');
  const canClose = (t: Tok) => t.len === 1 && !/\s/.test(src[t.at - 1] ?? ' ') && !/\d/.test(src[t.at + 1] ?? '');
  // nextClose[k] / nextDouble[k]: the first token at index >= k that can close / is `$$` (-1 if none).
  const nextClose = new Array<number>(toks.length + 1).fill(-1);
  const nextDouble = new Array<number>(toks.length + 1).fill(-1);
  for (let k = toks.length - 1; k >= 0; k--) {
    nextClose[k] = canClose(toks[k]) ? k : nextClose[k + 1];
    nextDouble[k] = toks[k].len === 2 ? k : nextDouble[k + 1];
  }
  const stray: number[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    const end = t.len === 2 ? nextDouble[k + 1] : canOpen(t) ? nextClose[k + 1] : -1;
    if (end >= 0) k = end;
    else for (let d = 0; d < t.len; d++) stray.push(t.at + d);
  }
  // `\(`, `\)`, `\[`, `\]` stay as typed (MathJax delimiters), instead of CommonMark escapes.
  for (let i = 0; i + 1 < src.length; i++) if (src[i] === '\\' && '()[]'.includes(src[i + 1]) && !code[i]) stray.push(i);
  if (!stray.length) return src;
  stray.sort((a, b) => a - b);
  let out = '';
  let from = 0;
  for (const at of stray) {
    out += src.slice(from, at) + '\\';
    from = at;
  }
  return out + src.slice(from);
}

/** For each character: true inside a fenced code block or a backtick code span. */
function codeMask(src: string): Uint8Array {
  const mask = new Uint8Array(src.length);
  let fence: string | null = null;
  let lineStart = 0;
  const inline: [number, number][] = []; // [start, end) of text outside fenced blocks
  for (const line of src.split('\n')) {
    const lineEnd = lineStart + line.length;
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      mask.fill(1, lineStart, lineEnd);
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length && !line.slice(open[0].length).trim()) fence = null;
    } else if (open && !(open[1][0] === '`' && line.slice(open[0].length).includes('`'))) {
      mask.fill(1, lineStart, lineEnd);
      fence = open[1];
    } else inline.push([lineStart, lineEnd + 1]);
    lineStart = lineEnd + 1;
  }
  // Backtick runs pair with the next run of the same length (within the text between fences).
  const runs: { at: number; len: number }[] = [];
  for (const [a, b] of inline) {
    for (let i = a; i < Math.min(b, src.length); i++) {
      if (src[i] !== '`') continue;
      let j = i;
      while (j < src.length && src[j] === '`') j++;
      runs.push({ at: i, len: j - i });
      i = j - 1;
    }
  }
  const next = new Map<number, number>(); // run length → index of the next run of that length
  const partner = new Array<number>(runs.length).fill(-1);
  for (let k = runs.length - 1; k >= 0; k--) {
    partner[k] = next.get(runs[k].len) ?? -1;
    next.set(runs[k].len, k);
  }
  for (let k = 0; k < runs.length; k++) {
    const p = partner[k];
    if (p < 0) continue;
    mask.fill(1, runs[k].at, runs[p].at + runs[p].len);
    k = p;
  }
  return mask;
}
