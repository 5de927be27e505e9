// Imported notes are Markdown the app renders, written by someone else (a shared file, a copied
// deck). No note may run script, so its raw HTML is turned into text and links may only go to
// http(s), mailto or relative URLs. Only `<!--SR:…-->` scheduling comments survive as HTML.
//
// Works on the Markdown itself (no DOM; dompurify needs one): in each raw-HTML node every `<` is
// backslash-escaped (`\<`, which CommonMark and lib/cards/markdown.ts both show as "<"), and each
// unsafe link or image becomes its text. The text is parsed the way CommonMark does and the way the
// app may (GFM + math), and rewritten until neither parse finds HTML or an unsafe URL; should that
// ever fail, all punctuation is escaped and the note renders as plain text.
// Renderers should still drop raw HTML (remark-rehype's default) and never compile notes as MDX.

import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parsers = [unified().use(remarkParse), unified().use(remarkParse).use(remarkGfm).use(remarkMath)];

const SR_COMMENT = /^<!--SR:[^<>]*-->$/;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
const MAX_ROUNDS = 3;

/** Markdown that renders the same text but holds no raw HTML and no script URL. */
export function sanitizeMarkdown(markdown: string): string {
  if (!/[<:&]/.test(markdown)) return markdown; // no tag, scheme or entity: nothing to do
  let out = markdown;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = out;
    for (const parser of parsers) out = rewrite(out, parser.parse(out));
    if (out === before) return out;
  }
  return escapeMarkdown(out);
}

/** True for http(s), mailto and relative URLs (after removing the characters browsers ignore). */
export function isSafeUrl(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

/** Backslash-escapes every ASCII punctuation character: the text renders literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

interface Node {
  type: string;
  value?: string;
  url?: string;
  alt?: string | null;
  children?: Node[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function rewrite(source: string, tree: Root): string {
  const edits: Edit[] = [];
  const visit = (node: Node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const edit = start === undefined || end === undefined ? undefined : replacement(node, source.slice(start, end));
    if (edit !== undefined) {
      edits.push({ start: start!, end: end!, text: edit });
      return; // the node's children are gone with it
    }
    node.children?.forEach(visit);
  };
  visit(tree as unknown as Node);
  let out = source;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The text that replaces an unsafe node, or undefined to keep it. */
function replacement(node: Node, slice: string): string | undefined {
  switch (node.type) {
    case 'html':
      return SR_COMMENT.test(slice.trim()) ? undefined : slice.replaceAll('<', '\\<');
    case 'link':
      return isSafeUrl(node.url ?? '') ? undefined : escapeInline(plainText(node));
    case 'image':
      return isSafeUrl(node.url ?? '') ? undefined : escapeInline(node.alt ?? '');
    case 'definition':
      return isSafeUrl(node.url ?? '') ? undefined : '';
    default:
      return undefined;
  }
}

/**
 * Escapes what could turn plain text into markup: code, emphasis, HTML, images, math. Brackets stay
 * (`\[` is a math delimiter for the Anki renderer); a link they might form is caught next round.
 */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_<>!$]/g, '\\$&');
}

function plainText(node: Node): string {
  if (typeof node.value === 'string' && node.type !== 'html') return node.value;
  return (node.children ?? []).map(plainText).join('');
}
