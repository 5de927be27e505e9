// lib/notes/SYNTAX.md → sections of blocks the page can render with the cards' own safe Markdown
// renderer (lib/cards/card-html.ts), which knows paragraphs, lists and code but not headings or
// tables: those two are split out here.

export type SyntaxBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'markdown'; text: string }
  | { kind: 'table'; head: string[]; rows: string[][] };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s{0,3}(```+|~~~+)/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** `| a | b \| c |` → ['a', 'b | c'] (a backslash keeps a pipe in its cell). */
export function tableCells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replaceAll('\\|', '|'));
}

export function syntaxBlocks(markdown: string): SyntaxBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: SyntaxBlock[] = [];
  let text: string[] = [];
  const flush = () => {
    if (text.some((l) => l.trim())) blocks.push({ kind: 'markdown', text: text.join('\n').trim() });
    text = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      // Copied as is up to the closing fence (a fence may hold `#` or `|` lines).
      text.push(line);
      for (i++; i < lines.length; i++) {
        text.push(lines[i]);
        if (lines[i].trimStart().startsWith(fence[1])) break;
      }
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1].length, text: heading[2] });
      continue;
    }
    if (line.trimStart().startsWith('|') && TABLE_RULE.test(lines[i + 1] ?? '')) {
      flush();
      const head = tableCells(line);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && lines[i].trimStart().startsWith('|'); i++) rows.push(tableCells(lines[i]));
      i--;
      blocks.push({ kind: 'table', head, rows });
      continue;
    }
    text.push(line);
  }
  flush();
  return blocks;
}
