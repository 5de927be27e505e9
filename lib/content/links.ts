// Internal links in lessons (./lesson.ts lists them): every `/lessons/<slug>/#anchor` or `#anchor` must
// point at a real heading.
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
