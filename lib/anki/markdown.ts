// The small Markdown subset lessons use on cards, to plain HTML that reads well in Anki: paragraphs,
// `-`/`1.` lists, fenced code, `code`, **bold**, *italic*, [links](url), and math. Math goes to
// MathJax's delimiters, which Anki renders: `$…$` → `\(…\)`, `$$…$$` → `\[…\]`. Everything else is
// text and is escaped. Anything not listed (headings, tables, raw HTML) stays literal text.

import { escapeText } from './html';

type Block =
  | { kind: 'p'; text: string }
  | { kind: 'ul' | 'ol'; items: string[] }
  | { kind: 'pre'; code: string };

const LIST_ITEM = /^\s{0,3}([-*+]|\d{1,9}[.)])\s+(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;

export function markdownToHtml(src: string): string {
  const blocks = parseBlocks(src.replace(/\r\n?/g, '\n'));
  // A single paragraph needs no <p>: keeps short answers and the sort field clean.
  if (blocks.length === 1 && blocks[0].kind === 'p') return inline(blocks[0].text);
  return blocks.map(renderBlock).join('');
}

function parseBlocks(src: string): Block[] {
  const blocks: Block[] = [];
  const lines = src.split('\n');
  let para: string[] = [];
  let listOpen = false; // the last block is a list still taking continuation lines
  const endPara = () => {
    if (para.length) blocks.push({ kind: 'p', text: para.join('\n') });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      endPara();
      listOpen = false;
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i].trimStart().startsWith(fence[1]); i++) code.push(lines[i]);
      blocks.push({ kind: 'pre', code: code.join('\n') });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      endPara();
      const kind = /\d/.test(item[1]) ? 'ol' : 'ul';
      const last = blocks[blocks.length - 1];
      if (last && last.kind === kind) last.items.push(item[2]);
      else blocks.push({ kind, items: [item[2]] });
      listOpen = true;
      continue;
    }
    if (!line.trim()) {
      endPara();
      listOpen = false;
      continue;
    }
    const last = blocks[blocks.length - 1];
    if (listOpen && last && (last.kind === 'ul' || last.kind === 'ol')) {
      last.items[last.items.length - 1] += '\n' + line.trim();
      continue;
    }
    para.push(line);
  }
  endPara();
  return blocks;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'p':
      return `<p>${inline(block.text)}</p>`;
    case 'pre':
      return `<pre><code>${escapeText(block.code)}</code></pre>`;
    default:
      return `<${block.kind}>${block.items.map((it) => `<li>${inline(it)}</li>`).join('')}</${block.kind}>`;
  }
}

// Spans that must not be touched by emphasis or escaping again are swapped for \uE010<k>\uE011.
const KEEP = /\uE010(\d+)\uE011/g;
// Not ( ) [ ]: `\(…\)` and `\[…\]` typed by hand are MathJax delimiters and must stay as they are.
const ESCAPABLE = '\\`*_{}#+-.!$|<>~';
// Links may only go to the web, mail, or within the site: never `javascript:` or `data:`.
const SAFE_URL = /^(https?:\/\/|mailto:|\/|#|\.{0,2}\/)/i;

function inline(text: string): string {
  const kept: string[] = [];
  const keep = (html: string) => `\uE010${kept.push(html) - 1}\uE011`;
  let out = '';
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length && ESCAPABLE.includes(text[i + 1])) {
      out += keep(escapeText(text[i + 1]));
      i += 2;
    } else if (ch === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(run, i + run.length);
      if (end < 0) {
        out += keep(run);
        i += run.length;
        continue;
      }
      let code = text.slice(i + run.length, end).replace(/\n/g, ' ');
      if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ')) code = code.slice(1, -1);
      out += keep(`<code>${escapeText(code)}</code>`);
      i = end + run.length;
    } else if (text.startsWith('$$', i) && text.indexOf('$$', i + 2) > i + 2) {
      const end = text.indexOf('$$', i + 2);
      out += keep(`\\[${escapeText(text.slice(i + 2, end))}\\]`);
      i = end + 2;
    } else if (ch === '$' && inlineMathEnd(text, i) > 0) {
      const end = inlineMathEnd(text, i);
      out += keep(`\\(${escapeText(text.slice(i + 1, end))}\\)`);
      i = end + 1;
    } else {
      out += ch;
      i++;
    }
  }
  const html = escapeText(out)
    .replace(/\[([^\]\n]+)\]\(([^()\s]+)\)/g, (whole, label: string, url: string) =>
      SAFE_URL.test(url) ? `<a href="${url.replace(/"/g, '%22')}">${label}</a>` : whole,
    )
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<b>$1</b>')
    .replace(/(^|[^*\w])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![*\w])/g, '$1<i>$2</i>')
    .replace(/ {2,}\n/g, '<br>')
    .replace(/\n/g, ' ');
  return html.replace(KEEP, (_, k: string) => kept[Number(k)]);
}

/**
 * Index of the `$` closing inline math opened at `start`, or -1. Pandoc's rule, so prices stay text:
 * the opener is not followed by a space, the closer not preceded by a space nor followed by a digit.
 */
function inlineMathEnd(text: string, start: number): number {
  if (start + 1 >= text.length || /\s|\$/.test(text[start + 1])) return -1;
  for (let j = start + 2; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '$' && !/\s/.test(text[j - 1]) && !/\d/.test(text[j + 1] ?? '')) return j;
  }
  return -1;
}
