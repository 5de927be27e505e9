// Anki cloze syntax, `{{cN::answer}}` or `{{cN::answer::hint}}`: the one grammar of the project,
// used by lessons, imported notes, review and the Anki export.
//
// Read the way Anki's cloze parser reads a field: an opener `{{c<N>::` (N >= 1) starts a
// deletion, the next `}}` while one is open closes the innermost one, and anything unmatched is
// text. Deletions may nest (`{{c1::a {{c2::b}} c}}` is two cards, as in Anki). In a deletion, the
// first `::` of its own text separates the answer from the hint. Parsing never throws; what a
// writer most likely got wrong (an opener never closed, c0, an empty answer) is listed by
// `clozeProblems`, and lessons and the importer report it.

import { ClozeSyntaxError } from './errors';

export interface ClozeText {
  kind: 'text';
  text: string;
}

export interface ClozeDeletion {
  kind: 'deletion';
  /** The cloze number N of `cN` (1-based). Each N is one Anki card. */
  n: number;
  /** The answer: text and nested deletions. */
  body: ClozeNode[];
  /** What follows the first `::` of the deletion's own text ('' when written as `{{c1::a::}}`). */
  hint?: string;
  /** Offsets of `{{` and just after `}}` in the source text. */
  start: number;
  end: number;
}

export type ClozeNode = ClozeText | ClozeDeletion;

export interface ClozeProblem {
  message: string;
  /** Index in the text where the problem starts. */
  offset: number;
}

const OPENER = /^\{\{c(\d{1,9})::/;
/** Deletions nest at most this deep; a deeper opener is text (and a problem), so nothing recurses without bound. */
export const MAX_NESTING = 16;
const CLOSE = '}}';
const HINT_SEP = '::';

/** The deletions and text of a cloze text, nested as written. Never throws. */
export function parseCloze(text: string): ClozeNode[] {
  const root: ClozeNode[] = [];
  const open: { node: ClozeDeletion; parent: ClozeNode[] }[] = [];
  let buf = '';
  const children = () => (open.length ? open[open.length - 1].node.body : root);
  const flush = () => {
    if (buf) children().push({ kind: 'text', text: buf });
    buf = '';
  };
  for (let i = 0; i < text.length;) {
    const m = text.startsWith('{{c', i) ? OPENER.exec(text.slice(i, i + 16)) : null;
    if (m && Number(m[1]) >= 1 && open.length < MAX_NESTING) {
      flush();
      const node: ClozeDeletion = { kind: 'deletion', n: Number(m[1]), body: [], start: i, end: -1 };
      const parent = children();
      parent.push(node);
      open.push({ node, parent });
      i += m[0].length;
    } else if (open.length && text.startsWith(CLOSE, i)) {
      flush();
      open.pop()!.node.end = i + CLOSE.length;
      i += CLOSE.length;
    } else buf += text[i++];
  }
  flush();
  // An opener never closed was text after all (innermost first, so each parent is final).
  for (const { node, parent } of open.reverse()) {
    parent.splice(
      parent.indexOf(node),
      1,
      { kind: 'text', text: text.slice(node.start, node.start + `{{c${node.n}::`.length) },
      ...node.body,
    );
  }
  return finish(root);
}

/** Joins neighbouring text and splits each deletion's hint off its own text. */
function finish(nodes: ClozeNode[]): ClozeNode[] {
  const out: ClozeNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.kind === 'text' && last?.kind === 'text') last.text += node.text;
    else out.push(node.kind === 'text' ? { ...node } : node);
  }
  for (const node of out) {
    if (node.kind !== 'deletion') continue;
    node.body = finish(node.body);
    const at = node.body.findIndex((c) => c.kind === 'text' && c.text.includes(HINT_SEP));
    if (at < 0) continue;
    const split = node.body[at] as ClozeText;
    const sep = split.text.indexOf(HINT_SEP);
    node.hint = split.text.slice(sep + HINT_SEP.length) + plainText(node.body.slice(at + 1));
    node.body = [...node.body.slice(0, at), ...(sep > 0 ? [{ kind: 'text' as const, text: split.text.slice(0, sep) }] : [])];
  }
  return out;
}

/** What is probably a mistake in a cloze text; empty when it reads as written. `nodes`: its parse, when the caller has it. */
export function clozeProblems(text: string, nodes: readonly ClozeNode[] = parseCloze(text)): ClozeProblem[] {
  const problems: ClozeProblem[] = [];
  const all = deletions(nodes);
  const opened = new Set(all.map((d) => d.start));
  for (const m of text.matchAll(/\{\{c(\d{1,9})::/g)) {
    if (Number(m[1]) < 1) {
      problems.push({ message: `cloze numbers start at 1, got "c${m[1]}"`, offset: m.index });
      continue;
    }
    if (opened.has(m.index)) continue;
    // An opener that opened nothing: too deep, inside a hint, or never closed.
    const around = all.filter((d) => d.start < m.index && m.index < d.end);
    const inHint = around.find((d) => d.hint !== undefined);
    if (around.length >= MAX_NESTING) {
      problems.push({ message: `cloze deletions nested more than ${MAX_NESTING} deep`, offset: m.index });
      break;
    } else if (inHint) {
      problems.push({ message: `"${m[0]}" inside the hint of "{{c${inHint.n}::" (after its "::") is not a deletion`, offset: m.index });
    } else problems.push({ message: `unclosed cloze deletion "${m[0]}…" (no "}}" after it)`, offset: m.index });
  }
  for (const d of all) {
    if (!plainText(d.body).trim()) problems.push({ message: `empty cloze deletion "{{c${d.n}::}}"`, offset: d.start });
  }
  // A link's address is not shown: a deletion there would be a card with nothing to answer.
  for (const m of text.matchAll(/\]\([^)\s]*\{\{c\d+::/g)) {
    problems.push({ message: 'a cloze deletion inside a link address cannot be shown', offset: m.index });
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

/** Throws `ClozeSyntaxError` for the first of `clozeProblems`, for writers that must be told (lessons). */
export function assertCloze(text: string): ClozeNode[] {
  const nodes = parseCloze(text);
  const [problem] = clozeProblems(text, nodes);
  if (problem) throw new ClozeSyntaxError(problem.message, problem.offset);
  return nodes;
}

/** Every deletion, outer before inner, in text order. */
export function deletions(nodes: readonly ClozeNode[]): ClozeDeletion[] {
  return nodes.flatMap((n) => (n.kind === 'deletion' ? [n, ...deletions(n.body)] : []));
}

/** The text with every answer shown and no markers. */
function plainText(nodes: readonly ClozeNode[]): string {
  return nodes.map((n) => (n.kind === 'text' ? n.text : plainText(n.body))).join('');
}

/** True when the text has at least one deletion and nothing that looks like a mistake. */
export function isCloze(text: string): boolean {
  const nodes = parseCloze(text);
  return deletions(nodes).length > 0 && clozeProblems(text, nodes).length === 0;
}

/** The distinct cloze numbers in ascending order, e.g. `[1, 2, 3]`. Anki makes one card per number. */
export function clozeNumbers(text: string): number[] {
  return [...new Set(deletions(parseCloze(text)).map((d) => d.n))].sort((a, b) => a - b);
}

/** The answers of card N, in text order. */
export function clozeAnswers(text: string, n: number): string[] {
  return deletions(parseCloze(text)).flatMap((d) => (d.n === n ? [plainText(d.body)] : []));
}

export interface ClozeRenderOptions {
  /** Wraps the active deletion (placeholder or answer), e.g. `(s) => `**${s}**``. Default: identity. */
  mark?: (s: string) => string;
}

const identity = (s: string) => s;
const hintText = (d: ClozeDeletion) => (d.hint?.trim() ? d.hint : '...');

/** Question side of card N: its deletions become `[...]` or `[hint]`, the others show their answer. */
export function renderClozeQuestion(text: string, n: number | 'all', options: ClozeRenderOptions = {}): string {
  const mark = options.mark ?? identity;
  const render = (nodes: readonly ClozeNode[]): string =>
    nodes.map((s) => (s.kind === 'text' ? s.text : n === 'all' || s.n === n ? mark(`[${hintText(s)}]`) : render(s.body))).join('');
  return render(parseCloze(text));
}

/** Answer side of card N: every deletion shows its answer; N's deletions go through `mark` (the outermost, when nested). */
export function renderClozeAnswer(text: string, n: number | 'all', options: ClozeRenderOptions = {}): string {
  const mark = options.mark ?? identity;
  const render = (nodes: readonly ClozeNode[], marked: boolean): string =>
    nodes
      .map((s) => {
        if (s.kind === 'text') return s.text;
        const active = !marked && (n === 'all' || s.n === n);
        return active ? mark(render(s.body, true)) : render(s.body, marked);
      })
      .join('');
  return render(parseCloze(text), false);
}

/** The text again, with each deletion's `{{cN::`, `::hint` and `}}` written by the callbacks (the Anki field writer). */
export function mapCloze(
  text: string,
  write: { text: (s: string) => string; open: (n: number) => string; close: string; hintSeparator?: string },
): string {
  const render = (nodes: readonly ClozeNode[]): string =>
    nodes
      .map((s) =>
        s.kind === 'text'
          ? write.text(s.text)
          : write.open(s.n) +
            render(s.body) +
            (s.hint !== undefined ? (write.hintSeparator ?? write.text(HINT_SEP)) + write.text(s.hint) : '') +
            write.close,
      )
      .join('');
  return render(parseCloze(text));
}

/** Builds one deletion, refusing answers that would break the syntax. */
export function clozeDeletion(n: number, answer: string, hint?: string): string {
  for (const part of [answer, hint ?? '']) {
    if (part.includes(CLOSE) || part.includes(HINT_SEP) || /\{\{c\d+::/.test(part)) {
      throw new ClozeSyntaxError(`cloze answer or hint may not contain "}}", "::" or "{{cN::": "${part}"`, 0);
    }
  }
  if (answer.trim() === '') throw new ClozeSyntaxError('empty cloze answer', 0);
  return `{{c${n}::${answer}${hint ? `${HINT_SEP}${hint}` : ''}}}`;
}
