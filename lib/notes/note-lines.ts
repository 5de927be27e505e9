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
  /**
   * kind 'tags': the hashtags without `#`, e.g. ['flashcards/gpt2', 'concept-pamphlet'].
   * kind 'text': hashtags that started the line before its text (Obsidian's per-card tags); they
   * are removed from `text` and apply to the card on this line only.
   */
  tags?: string[];
}

export interface SplitNote {
  lines: NoteLine[];
  frontmatter?: string;
  /** Problems with the whole note, e.g. a code fence or comment never closed. */
  warnings: { line: number; message: string }[];
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}#{1,6}(\s|$)/;
// Obsidian tags: letters, digits, _ - /, at least one non-digit.
const TAG = /(?:^|\s)#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu;
const SR_COMMENT = /^SR:[^<>]*$/;
const MASK = '\u0001';

// Obsidian block ids, ` ^d7cee0` at the end of a line: a link target, not card text.
const BLOCK_ID = /\s\^[A-Za-z0-9-]+\s*$/;

export function splitNoteLines(markdown: string): SplitNote {
  const warnings: SplitNote['warnings'] = [];
  let fenceLine = 0;
  let commentLine = 0;
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
      if (fence === null) {
        fence = marker!;
        fenceLine = no;
      } else if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      return lines.push({ no, kind: 'code', text: line, scan: MASK.repeat(line.length) });
    }

    // Remove comments; inline code spans are skipped so "`<!--`" stays text.
    let text = '';
    let sr: string | undefined;
    for (let pos = 0; pos < line.length;) {
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
      commentLine = no;
      comment = '';
      pos = open + 4;
    }

    text = text.replace(BLOCK_ID, '');
    const base = { no, text, scan: mask(text), ...(sr ? { sr } : {}) };
    if (text.trim() === '') return lines.push({ ...base, kind: line.trim() === '' ? 'blank' : 'ignored' });
    if (HEADING.test(text)) return lines.push({ ...base, kind: 'heading' });
    if (/^\s*#[^\s#]/.test(base.scan)) {
      const tags = [...base.scan.matchAll(TAG)].map((m) => m[1]);
      if (tags.length > 0 && base.scan.trimStart().startsWith(`#${tags[0]}`)) {
        // Leading tags, then text: a card line with its own tags.
        const lead = /^\s*(?:#[\p{L}\p{N}_/-]+\s+)+/u.exec(base.scan);
        const rest = lead ? base.scan.slice(lead[0].length) : '';
        if (lead && rest.trim() && !/^#[\p{L}\p{N}_/-]/u.test(rest.trim())) {
          const own = [...lead[0].matchAll(TAG)].map((m) => m[1]);
          const cut = lead[0].length;
          return lines.push({ ...base, kind: 'text', text: text.slice(cut), scan: base.scan.slice(cut), tags: own });
        }
        return lines.push({ ...base, kind: 'tags', tags });
      }
    }
    return lines.push({ ...base, kind: 'text' });
  });
  if (fence !== null)
    warnings.push({
      line: fenceLine,
      message: `the code fence "${fence}" opened here is never closed: the rest of the note is read as code, with no cards`,
    });
  if (inComment)
    warnings.push({
      line: commentLine,
      message: 'the HTML comment "<!--" opened here is never closed ("-->"): the rest of the note is hidden, with no cards',
    });
  return { lines, warnings, ...(frontmatter !== undefined ? { frontmatter } : {}) };
}

/** Masks inline code spans and Anki deletions with a same-length filler. */
export function mask(text: string): string {
  const fill = (m: string) => MASK.repeat(m.length);
  // An opener never closed is masked too: its "::" is no card separator (the cloze pass warns about it).
  return text
    .replace(/(`+)[^`]*?\1/g, fill)
    .replace(/\{\{c\d+::[\s\S]*?\}\}/g, fill)
    .replace(/\{\{c\d+::/g, fill);
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
