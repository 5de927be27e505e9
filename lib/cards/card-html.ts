// Card text (Markdown subset + math + cloze) → safe HTML for the app. The Markdown subset is the
// one the Anki export uses (lib/anki/markdown.ts escapes all text); math is typeset with KaTeX here
// instead of being left to MathJax.
import katex from 'katex';
import { markdownToHtml } from '@/lib/anki/markdown';
import { decodeEntities } from '@/lib/anki/html';
import { renderClozeAnswer, renderClozeQuestion } from './cloze';
import type { Card } from './card';

// Private-use markers survive escaping; they become the cloze spans after the Markdown pass.
const OPEN = '\uE020';
const CLOSE = '\uE021';

function typesetMath(html: string): string {
  const tex = (src: string, display: boolean) =>
    katex.renderToString(decodeEntities(src), { displayMode: display, throwOnError: false, strict: false, output: 'html' });
  return html
    .replace(/\\\[([\s\S]+?)\\\]/g, (_, src: string) => tex(src, true))
    .replace(/\\\(([\s\S]+?)\\\)/g, (_, src: string) => tex(src, false));
}

export function markdownHtml(markdown: string): string {
  return typesetMath(markdownToHtml(markdown));
}

function marked(html: string, className: string): string {
  return html.replaceAll(OPEN, `<span class="${className}">`).replaceAll(CLOSE, '</span>');
}

const mark = (s: string) => `${OPEN}${s}${CLOSE}`;

/** Front and back of one card as HTML. Cloze: `n` picks the deletion (default: all at once). */
export function cardFaces(card: Pick<Card, 'type' | 'front' | 'back'>, n: number | 'all' = 'all'): { front: string; back: string; extra: string } {
  if (card.type === 'cloze') {
    return {
      front: marked(markdownHtml(renderClozeQuestion(card.front, n, { mark })), 'cloze-blank'),
      back: marked(markdownHtml(renderClozeAnswer(card.front, n, { mark })), 'cloze-answer'),
      extra: card.back ? markdownHtml(card.back) : '',
    };
  }
  return { front: markdownHtml(card.front), back: markdownHtml(card.back), extra: '' };
}
