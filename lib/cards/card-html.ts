// Card faces as HTML for the app: the one card renderer (./markdown.ts, sanitized, math typeset
// with KaTeX), with the cloze deletion of the face marked by a span.
import type { Element, ElementContent, Root } from 'hast';
import type { Card } from './card';
import { renderClozeAnswer, renderClozeQuestion } from './cloze';
import { MARKER_RANGE, cardMarkdownToHtml } from './markdown';

// Private-use markers around a deletion; they become spans in the sanitized tree, so no text can
// ever end up inside an attribute or a tag.
const OPEN = '\uE020';
const CLOSE = '\uE021';
const mark = (s: string) => `${OPEN}${s}${CLOSE}`;

const PHRASING = new Set(['b', 'i', 'code', 'a', 'br', 'span']);

function hasMarker(node: ElementContent): boolean {
  if (node.type === 'text') return node.value.includes(OPEN) || node.value.includes(CLOSE);
  return node.type === 'element' && node.children.some(hasMarker);
}

/** Wraps everything between OPEN and CLOSE in `<span class=…>`, one span per run of siblings. */
function markSpans(className: string) {
  return (tree: Root) => {
    let inside = false;
    const visit = (parent: Root | Element) => {
      const out: ElementContent[] = [];
      let group: ElementContent[] = [];
      const flush = () => {
        if (group.length) out.push({ type: 'element', tagName: 'span', properties: { className: [className] }, children: group });
        group = [];
      };
      const push = (node: ElementContent) => (inside ? group.push(node) : (flush(), out.push(node)));
      for (const child of parent.children as ElementContent[]) {
        if (child.type === 'text') {
          for (const part of child.value.split(/([\uE020\uE021])/)) {
            if (part === OPEN || part === CLOSE) {
              flush();
              inside = part === OPEN;
            } else if (part) push({ type: 'text', value: part });
          }
        } else if (child.type === 'element' && (hasMarker(child) || (inside && !PHRASING.has(child.tagName)))) {
          // Markers inside, or a block inside a deletion: mark within it.
          flush();
          visit(child);
          out.push(child);
        } else push(child);
      }
      flush();
      parent.children = out as Element['children'];
    };
    visit(tree);
  };
}

/** Card Markdown as HTML for the app. */
export function markdownHtml(markdown: string): string {
  return cardMarkdownToHtml(markdown, { math: 'katex' });
}

function clozeHtml(text: string, className: string): string {
  return cardMarkdownToHtml(text, { math: 'katex', markers: true, transform: markSpans(className) });
}

/** Front and back of one card as HTML. Cloze: `n` picks the deletion (default: all at once). */
export function cardFaces(
  card: Pick<Card, 'type' | 'front' | 'back'>,
  n: number | 'all' = 'all',
): { front: string; back: string; extra: string } {
  if (card.type === 'cloze') {
    const text = card.front.replace(MARKER_RANGE, '');
    return {
      front: clozeHtml(renderClozeQuestion(text, n, { mark }), 'cloze-blank'),
      back: clozeHtml(renderClozeAnswer(text, n, { mark }), 'cloze-answer'),
      extra: card.back ? markdownHtml(card.back) : '',
    };
  }
  return { front: markdownHtml(card.front), back: markdownHtml(card.back), extra: '' };
}
