// A rehype plugin for lessons: the boxes that scroll sideways on a narrow screen (tables, code, display
// equations) get tabindex="0", so a keyboard can reach and scroll them (WCAG 2.1.1; axe's
// scrollable-region-focusable). Plain JavaScript: next.config.mjs hands MDX its plugins by path.
import { visit } from 'unist-util-visit';

const isScrollBox = (node) =>
  node.tagName === 'table' ||
  node.tagName === 'pre' ||
  (node.tagName === 'span' && [node.properties?.className ?? []].flat().includes('katex-display'));

export default function rehypeScrollFocus() {
  return (tree) => {
    visit(tree, 'element', (node) => {
      if (isScrollBox(node)) node.properties = { ...node.properties, tabIndex: 0 };
    });
  };
}
