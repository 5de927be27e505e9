// The on-page table of contents: the lesson's ## and ### headings with the ids rehype-slug gives them.
import GithubSlugger from 'github-slugger';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { toString } from 'mdast-util-to-string';
import type { Heading, Root } from 'mdast';

export interface TocEntry {
  depth: number; // 2 or 3
  text: string;
  id: string;
  line: number;
}

export function parseMdx(source: string): Root {
  return unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkGfm).use(remarkMath).parse(source) as Root;
}

/** Every heading of the lesson in order, slugged exactly as rehype-slug does (github-slugger, deduplicated). */
export function headings(source: string): TocEntry[] {
  const slugger = new GithubSlugger();
  const out: TocEntry[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'heading') {
      const h = node as unknown as Heading;
      const text = toString(h);
      out.push({ depth: h.depth, text, id: slugger.slug(text), line: h.position?.start.line ?? 0 });
      return;
    }
    for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[]) visit(child);
  };
  visit(parseMdx(source) as unknown as { type: string; children?: unknown[] });
  return out;
}

export function tableOfContents(source: string): TocEntry[] {
  return headings(source).filter((h) => h.depth === 2 || h.depth === 3);
}
