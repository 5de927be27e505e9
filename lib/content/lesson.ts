// One parse of a lesson: the MDX tree (parsed once, with the syntax the site compiles lessons with),
// its headings with the ids rehype-slug gives them (the one heading-id algorithm: the heading's
// hast text, github-slugger, deduplicated), its cards and its links.

import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import YAML from 'yaml';

export interface LessonHeading {
  depth: number;
  text: string;
  id: string;
  line: number;
}

export interface LessonLink {
  url: string;
  line: number;
}

// gfm and math matter for where JSX and text end, exactly as in next.config.mjs.
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMath);

// The lesson list, the deck and each page's table of contents all read the same lessons while a
// site builds: each source is parsed once. The trees are only read, never changed.
const trees = new Map<string, Root>();

/** The lesson's syntax tree. Throws on MDX that does not parse (with `line` when known). */
export function parseLessonTree(source: string): Root {
  let tree = trees.get(source);
  if (!tree) trees.set(source, (tree = parser.parse(source) as Root));
  return tree;
}

// The node shapes read here, structurally.
interface Node {
  type: string;
  value?: string;
  url?: string;
  depth?: number;
  children?: Node[];
  position?: { start: { line: number } };
}

/** The text rehype-slug sees for a heading: hast text nodes only (code and math keep their text). */
export function headingText(node: Node): string {
  switch (node.type) {
    case 'text':
      return (node.value ?? '').replace(/[ \t]*(\r?\n|\r)[ \t]*/g, '$1'); // mdast-util-to-hast trims lines
    case 'inlineCode':
    case 'inlineMath':
      return node.value ?? '';
    case 'break':
      return '\n';
    default:
      return (node.children ?? []).map(headingText).join('');
  }
}

function walk(tree: Root, visit: (node: Node) => boolean | void): void {
  const go = (node: Node) => {
    if (visit(node) === false) return;
    node.children?.forEach(go);
  };
  go(tree as unknown as Node);
}

/** Every heading in document order, with the id the rendered page gives it. */
export function lessonHeadings(tree: Root): LessonHeading[] {
  const slugger = new GithubSlugger();
  const out: LessonHeading[] = [];
  walk(tree, (node) => {
    if (node.type !== 'heading') return;
    const text = headingText(node);
    out.push({ depth: node.depth ?? 0, text, id: slugger.slug(text), line: node.position?.start.line ?? 0 });
    return false;
  });
  return out;
}

/**
 * The YAML frontmatter as data (null when there is none) and its line. Throws `SyntaxError`-like
 * errors from the YAML parser for invalid YAML.
 */
export function lessonFrontmatter(tree: Root): { data: Record<string, unknown> | null; line: number } {
  const node = tree.children.find((n) => n.type === 'yaml') as { value: string; position?: { start: { line: number } } } | undefined;
  if (!node) return { data: null, line: 1 };
  const parsed: unknown = YAML.parse(node.value);
  const data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  return { data, line: node.position?.start.line ?? 1 };
}

/** The ## and ### headings: the on-page table of contents. */
export function tableOfContents(headings: readonly LessonHeading[]): LessonHeading[] {
  return headings.filter((h) => h.depth === 2 || h.depth === 3);
}

/** Every Markdown link, for the link check (lib/content/links.ts). */
export function lessonLinks(tree: Root): LessonLink[] {
  const out: LessonLink[] = [];
  walk(tree, (node) => {
    if (node.type === 'link' && node.url) out.push({ url: node.url, line: node.position?.start.line ?? 0 });
  });
  return out;
}
