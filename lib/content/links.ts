// Internal links in lessons: every `/lessons/<slug>/#anchor` or `#anchor` must point at a real heading.
import type { Root } from 'mdast';
import { parseMdx } from './toc';

export interface LessonLink {
  url: string;
  line: number;
}

export function lessonLinks(source: string): LessonLink[] {
  const out: LessonLink[] = [];
  const visit = (node: { type: string; url?: string; children?: unknown[]; position?: { start: { line: number } } }) => {
    if (node.type === 'link' && node.url) out.push({ url: node.url, line: node.position?.start.line ?? 0 });
    for (const c of (node.children ?? []) as (typeof node)[]) visit(c);
  };
  visit(parseMdx(source) as Root as unknown as Parameters<typeof visit>[0]);
  return out;
}

export const APP_ROUTES = ['/', '/review/', '/generator/', '/deck/'];

/** Why an internal link is broken, or null when it resolves. External links are not checked. */
export function brokenLinkReason(url: string, fromSlug: string, anchorsBySlug: Map<string, Set<string>>): string | null {
  if (/^[a-z]+:/i.test(url)) return null;
  const [pathPart, anchor] = url.split('#', 2);
  let slug = fromSlug;
  if (pathPart) {
    const m = /^\/lessons\/([a-z0-9-]+)\/?$/.exec(pathPart);
    if (!m) return APP_ROUTES.includes(pathPart.endsWith('/') ? pathPart : `${pathPart}/`) ? null : `no page ${pathPart}`;
    slug = m[1];
    if (!anchorsBySlug.has(slug)) return `no lesson "${slug}"`;
  }
  if (anchor && !anchorsBySlug.get(slug)?.has(anchor)) return `no heading #${anchor} in ${slug}`;
  return null;
}
