// First pass over a note: classify each line, drop HTML comments (keeping `<!--SR:…-->`
// scheduling comments aside), and mask what must never count as card syntax (inline code,
// Anki deletions) so the card pass can search for `::`, ` ? `, `>>`, `____` and `==` safely.

export type LineKind =
  | 'blank'
  | 'text'
  | 'code' // inside a fenced code block, fences included: kept verbatim, never scanned
  | 'ignored' // only an HTML comment (or part of one): neither content nor a block break
  | 'heading'
  | 'tags' // a line that starts with a #hashtag
  | 'frontmatter';

export interface NoteLine {
  no: number; // 1-based
  kind: LineKind;
  /** The line without HTML comments (code lines verbatim). */
  text: string;
  /** `text` with inline code and `{{cN::…}}` masked (code lines: all of it); same length. */
  scan: string;
  /** A `<!--SR:…-->` comment on this line, verbatim. */
  sr?: string;
  /** kind 'tags': the hashtags without `#`, e.g. ['flashcards/gpt2', 'concept-pamphlet']. */
  tags?: string[];
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}#{1,6}(\s|$)/;
// Obsidian tags: letters, digits, _ - /, at least one non-digit.
const TAG = /(?:^|\s)#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu;
const SR_COMMENT = /^SR:[^<>]*$/;
const MASK = '\u0001';

export function splitNoteLines(markdown: string): { lines: NoteLine[]; frontmatter?: string } {
  const raw = markdown.replace(/\r\n?/g, '\n').split('\n');
  const lines: NoteLine[] = [];
  let frontmatter: string | undefined;
  let fmEnd = -1;
  if (raw[0]?.trim() === '---') {
    fmEnd = raw.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
    if (fmEnd > 0) frontmatter = raw.slice(1, fmEnd).join('\n');
  }

  let fence: string | null = null; // the open fence's marker
  let inComment = false;
  let comment = '';
  raw.forEach((line, i) => {
    const no = i + 1;
    if (i <= fmEnd) return lines.push({ no, kind: 'frontmatter', text: line, scan: mask(line) });
    if (fence !== null || (!inComment && FENCE.test(line))) {
      const marker = FENCE.exec(line)?.[1];
      if (fence === null) fence = marker!;
      else if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      return lines.push({ no, kind: 'code', text: line, scan: MASK.repeat(line.length) });
    }

    // Remove comments; inline code spans are skipped so "`<!--`" stays text.
    let text = '';
    let sr: string | undefined;
    for (let pos = 0; pos < line.length; ) {
      if (inComment) {
        const end = line.indexOf('-->', pos);
        if (end < 0) {
          comment += line.slice(pos) + '\n';
          break;
        }
        comment += line.slice(pos, end);
        if (SR_COMMENT.test(comment)) sr = `<!--${comment}-->`;
        inComment = false;
        pos = end + 3;
        continue;
      }
      const tick = /`+/.exec(line.slice(pos));
      const open = line.indexOf('<!--', pos);
      if (tick && (open < 0 || pos + tick.index < open)) {
        const start = pos + tick.index;
        const close = line.indexOf(tick[0], start + tick[0].length);
        const end = close < 0 ? start + tick[0].length : close + tick[0].length;
        text += line.slice(pos, end);
        pos = end;
        continue;
      }
      if (open < 0) {
        text += line.slice(pos);
        break;
      }
      text += line.slice(pos, open);
      inComment = true;
      comment = '';
      pos = open + 4;
    }

    const base = { no, text, scan: mask(text), ...(sr ? { sr } : {}) };
    if (text.trim() === '') return lines.push({ ...base, kind: line.trim() === '' ? 'blank' : 'ignored' });
    if (HEADING.test(text)) return lines.push({ ...base, kind: 'heading' });
    if (/^\s*#[^\s#]/.test(base.scan)) {
      const tags = [...base.scan.matchAll(TAG)].map((m) => m[1]);
      if (tags.length > 0 && base.scan.trimStart().startsWith(`#${tags[0]}`)) {
        return lines.push({ ...base, kind: 'tags', tags });
      }
    }
    return lines.push({ ...base, kind: 'text' });
  });
  return { lines, ...(frontmatter !== undefined ? { frontmatter } : {}) };
}

/** Masks inline code spans and Anki deletions with a same-length filler. */
export function mask(text: string): string {
  const fill = (m: string) => MASK.repeat(m.length);
  return text.replace(/(`+)[^`]*?\1/g, fill).replace(/\{\{c\d+::[\s\S]*?\}\}/g, fill);
}

// `- `, `* `, `+ `, `• `, `1. `, `1) ` (the notes use "•" bullets from a rich-text export).
export const LIST_MARKER = /^(\s*)([-*+•]|\d{1,9}[.)])(\s+|$)/;

/** The line without its indentation and list marker. */
export function lineContent(s: string): string {
  return s.replace(LIST_MARKER, '').trimStart();
}

export function isListItem(s: string): boolean {
  return LIST_MARKER.test(s);
}
