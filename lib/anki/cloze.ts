// Anki cloze deletions `{{cN::answer}}` / `{{cN::answer::hint}}`, nested allowed. Parsed the way
// Anki's cloze parser reads a field: an opener `{{c<N>::` (N >= 1) starts a deletion, the next `}}`
// while one is open closes it, and anything unmatched is plain text.

export type ClozeToken =
  | { kind: 'text'; text: string }
  | { kind: 'open'; n: number }
  | { kind: 'close' };

const OPENER = /^\{\{c(\d+)::/;

export function tokenizeCloze(text: string): ClozeToken[] {
  const tokens: ClozeToken[] = [];
  const open: number[] = []; // indexes into tokens of unclosed openers
  let buf = '';
  const flush = () => {
    if (buf) tokens.push({ kind: 'text', text: buf });
    buf = '';
  };
  for (let i = 0; i < text.length; ) {
    const m = text.startsWith('{{c', i) ? OPENER.exec(text.slice(i)) : null;
    if (m && Number(m[1]) >= 1) {
      flush();
      open.push(tokens.length);
      tokens.push({ kind: 'open', n: Number(m[1]) });
      i += m[0].length;
    } else if (open.length && text.startsWith('}}', i)) {
      flush();
      open.pop();
      tokens.push({ kind: 'close' });
      i += 2;
    } else {
      buf += text[i++];
    }
  }
  flush();
  // An opener never closed was only text after all.
  for (const idx of open) {
    const t = tokens[idx] as { kind: 'open'; n: number };
    tokens[idx] = { kind: 'text', text: `{{c${t.n}::` };
  }
  return tokens;
}

/** Distinct cloze numbers in `text`, ascending. Anki makes one card per number, `ord = n - 1`. */
export function clozeNumbers(text: string): number[] {
  const ns = new Set<number>();
  for (const t of tokenizeCloze(text)) if (t.kind === 'open') ns.add(t.n);
  return [...ns].sort((a, b) => a - b);
}
