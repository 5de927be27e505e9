// Lesson prose as HTML strings, not React elements. A lesson's paragraphs, tables and equations never
// change after the build, yet rendered as JSX every one of their ~4,000 elements is a row of the page's
// React payload and a node React walks when the page hydrates. This rehype plugin finds the largest
// subtrees that hold nothing React must own (no MDX component or expression, no link to another page,
// which goes through SiteLink) and serialises their children into a `data-static-html` property;
// recma-static-html.mjs then turns that property into `dangerouslySetInnerHTML`. The element itself
// stays a JSX element with its own attributes, so the page's DOM is exactly what it was.
// Plain JavaScript: next.config.mjs hands MDX its plugins by path.
import { toHtml } from 'hast-util-to-html';

/** The property (hast) and attribute (JSX) that carry the HTML from this plugin to the recma one. */
export const STATIC_HTML_PROPERTY = 'dataStaticHtml';
export const STATIC_HTML_ATTRIBUTE = 'data-static-html';

const isInternalLink = (node) => {
  const href = node.properties?.href;
  return node.tagName === 'a' && typeof href === 'string' && href.startsWith('/') && !href.startsWith('//');
};

/** Whether a subtree can be a fixed string: plain hast only, and no link React must render. */
function isStatic(node) {
  if (node.type === 'text' || node.type === 'comment') return true;
  if (node.type !== 'element' || isInternalLink(node)) return false;
  return node.children.every(isStatic);
}

const TABLE = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

/** What MDX's JSX would have made of a subtree (hast-util-to-estree): a cell's obsolete `align` becomes
 * `text-align` in its style, and the line breaks between a table's rows are dropped. */
function asMdxRenders(node) {
  if (node.type !== 'element') return;
  const { align, ...properties } = node.properties ?? {};
  if ((node.tagName === 'td' || node.tagName === 'th') && align) {
    const style = properties.style ? `${String(properties.style).replace(/;?\s*$/, ';')}` : '';
    node.properties = { ...properties, style: `${style}text-align:${align}` };
  }
  if (TABLE.has(node.tagName)) node.children = node.children.filter((c) => !(c.type === 'text' && c.value === '\n'));
  node.children.forEach(asMdxRenders);
}

function mark(node, inSvg) {
  for (const child of node.children ?? []) {
    // Only this plugin may write the attribute: one written in a lesson would become raw HTML.
    if (child.attributes?.some((a) => a.name === STATIC_HTML_ATTRIBUTE))
      throw new Error(`<${child.name}> sets ${STATIC_HTML_ATTRIBUTE}, which only the build may write`);
    if (child.type !== 'element' && child.type !== 'mdxJsxFlowElement' && child.type !== 'mdxJsxTextElement') continue;
    const svg = inSvg || (child.type === 'element' && child.tagName === 'svg');
    if (child.type === 'element' && child.children.length > 0 && isStatic(child)) {
      // Children as HTML; the element keeps its own properties (tabindex, class, style, id).
      asMdxRenders(child);
      const html = toHtml(child.children, { space: svg ? 'svg' : 'html' });
      child.properties = { ...child.properties, [STATIC_HTML_PROPERTY]: html };
      child.children = [];
    } else {
      mark(child, svg);
    }
  }
}

export default function rehypeStaticHtml() {
  return (tree) => mark(tree, false);
}
