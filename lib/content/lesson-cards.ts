// The card components of a lesson (`<Cloze>`, `<QA>`, `<ClozeList>`), collected from its MDX
// syntax tree in document order, each with the id of the section it sits in (./lesson.ts's headings).
//
//   <Cloze id="vocab-size" text="GPT-2 has {{c1::50,257}} tokens" extra="optional" />
//   <QA id="why-scale" q="Why divide by √d_k?" a="…" />
//   <ClozeList id="config-fields" prompt="What five fields for GPT config?">
//   - `block_size`: max sequence length      → deletion c1 = first inlineCode,
//   - **vocab_size**: number of tokens       →   else first strong,
//   - n_layer                                →   else the whole item
//   </ClozeList>
//
// Optional on every component: `tags="space separated"`.

import type { Root } from 'mdast';
import type { CardType } from '../cards/card';
import { CARD_ID_PATTERN } from '../cards/card-id';
import { assertCloze, clozeDeletion } from '../cards/cloze';
import { CardSyntaxError, ClozeSyntaxError } from '../cards/errors';
import { lessonHeadings } from './lesson';

/** A lesson card before the lesson's slug, title and deck are known. */
export interface LessonCardDraft {
  id: string; // as written, e.g. 'vocab-size'
  type: CardType;
  front: string;
  back: string;
  tags: string[];
  anchor: string; // '' when no heading precedes the card
  section: string; // the text of that heading ('' when none)
  line: number;
}

export const CARD_COMPONENTS = ['Cloze', 'QA', 'ClozeList'] as const;

// The few mdast/MDX node shapes read here, structurally (no dependency on the mdx type packages).
interface Point {
  line: number;
  column: number;
  offset?: number;
}
interface MdNode {
  type: string;
  value?: string;
  name?: string | null;
  children?: MdNode[];
  attributes?: MdAttribute[];
  position?: { start: Point; end: Point };
}
interface MdAttribute {
  type: string; // 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute'
  name?: string;
  value?: string | null | { type: string; value: string; data?: { estree?: EstreeProgram | null } };
  position?: { start: Point };
}
interface EstreeProgram {
  body: Array<{ type: string; expression?: EstreeExpr }>;
}
interface EstreeExpr {
  type: string;
  value?: unknown;
  expressions?: unknown[];
  quasis?: Array<{ value: { cooked?: string | null } }>;
}

export interface CollectOptions {
  file: string; // for error messages, e.g. 'content/tokenization.mdx'
  source: string; // the MDX text (ClozeList explanations are copied from it verbatim)
}

/** Walks the tree in document order. Throws `CardSyntaxError` naming the file and line. */
export function collectLessonCards(tree: Root, { file, source }: CollectOptions): LessonCardDraft[] {
  const headings = lessonHeadings(tree); // document order, the same walk as below
  let next = 0;
  const drafts: LessonCardDraft[] = [];
  const firstLine = new Map<string, number>();
  let anchor = '';
  let section = '';

  const walk = (node: MdNode): void => {
    if (node.type === 'heading') {
      ({ text: section, id: anchor } = headings[next++]);
      return;
    }
    const isJsx = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
    if (isJsx && (CARD_COMPONENTS as readonly string[]).includes(node.name ?? '')) {
      const draft = readCard(node, { file, source, anchor, section });
      const seen = firstLine.get(draft.id);
      if (seen !== undefined) {
        throw new CardSyntaxError(`duplicate card id "${draft.id}" (first used on line ${seen})`, { file, line: draft.line });
      }
      firstLine.set(draft.id, draft.line);
      drafts.push(draft);
      return;
    }
    node.children?.forEach(walk);
  };
  walk(tree as unknown as MdNode);
  return drafts;
}

interface ReadContext {
  file: string;
  source: string;
  anchor: string;
  section: string;
}

function readCard(node: MdNode, ctx: ReadContext): LessonCardDraft {
  const line = node.position?.start.line ?? 1;
  const fail = (message: string, at = line): never => {
    throw new CardSyntaxError(message, { file: ctx.file, line: at });
  };
  const attrs = readAttributes(node, fail);
  const tag = `<${node.name}${attrs.id?.value ? ` id="${attrs.id.value}"` : ''}>`;
  const required = (name: string): string => {
    const attr = attrs[name];
    if (!attr || attr.value.trim() === '') fail(`${tag} needs a non-empty "${name}" attribute`);
    return attr!.value;
  };

  const id = required('id');
  if (!CARD_ID_PATTERN.test(id)) fail(`invalid card id "${id}": use kebab-case, e.g. "vocab-size"`, attrs.id!.line);
  const tags = (attrs.tags?.value ?? '').split(/\s+/).filter(Boolean);
  const base = { id, tags, anchor: ctx.anchor, section: ctx.section, line };

  if (node.name === 'QA') {
    return { ...base, type: 'basic', front: required('q'), back: required('a') };
  }
  if (node.name === 'Cloze') {
    const text = required('text');
    checkCloze(text, tag, attrs.text!.line, ctx.file);
    return { ...base, type: 'cloze', front: text, back: attrs.extra?.value ?? '' };
  }
  // ClozeList
  const prompt = required('prompt');
  const lists = (node.children ?? []).filter((c) => c.type === 'list');
  if (lists.length !== 1 || node.children!.length !== 1) {
    fail(`${tag} must contain exactly one Markdown list and nothing else`);
  }
  const items = lists[0].children ?? [];
  const deletions = items.map((item, i) => {
    const answer = itemDeletion(item);
    if (!answer) fail(`${tag} list item ${i + 1} has no text`, item.position?.start.line);
    try {
      return clozeDeletion(i + 1, answer);
    } catch (e) {
      if (e instanceof ClozeSyntaxError) fail(`${tag} list item ${i + 1}: ${e.message}`, item.position?.start.line);
      throw e;
    }
  });
  const explanations = items.map((item) => `- ${itemSource(item, ctx.source)}`).join('\n');
  const extra = attrs.extra?.value ? `\n\n${attrs.extra.value}` : '';
  return { ...base, type: 'cloze', front: `${prompt} ${deletions.join(', ')}`, back: explanations + extra };
}

function checkCloze(text: string, tag: string, line: number, file: string): void {
  let hasDeletion = false;
  try {
    hasDeletion = assertCloze(text).some((s) => s.kind === 'deletion');
  } catch (e) {
    if (e instanceof ClozeSyntaxError) {
      const extraLines = text.slice(0, e.offset).split('\n').length - 1; // multi-line attributes
      throw new CardSyntaxError(`${tag}: ${e.message}`, { file, line: line + extraLines });
    }
    throw e;
  }
  if (!hasDeletion) throw new CardSyntaxError(`${tag}: cloze text has no {{cN::…}} deletion`, { file, line });
}

type Attributes = Record<string, { value: string; line: number }>;

function readAttributes(node: MdNode, fail: (message: string, at?: number) => never): Attributes {
  const out: Attributes = {};
  for (const attr of node.attributes ?? []) {
    const line = attr.position?.start.line ?? node.position?.start.line ?? 1;
    if (attr.type !== 'mdxJsxAttribute' || !attr.name) fail(`<${node.name}> cannot take spread attributes`, line);
    const v = attr.value;
    if (v === null || v === undefined) {
      fail(`<${node.name}> attribute "${attr.name}" needs a string value`, line);
    } else if (typeof v === 'string') {
      out[attr.name!] = { value: v, line };
    } else {
      const literal = stringLiteral(v.data?.estree);
      if (literal === undefined) fail(`<${node.name}> attribute "${attr.name}" must be a string, not {${v.value}}`, line);
      out[attr.name!] = { value: literal!, line };
    }
  }
  return out;
}

/** `{"text"}` or `{`text`}` without `${}`: the string; anything else: undefined. */
function stringLiteral(program: EstreeProgram | null | undefined): string | undefined {
  const statement = program?.body.length === 1 ? program.body[0] : undefined;
  const expr = statement?.type === 'ExpressionStatement' ? statement.expression : undefined;
  if (expr?.type === 'Literal' && typeof expr.value === 'string') return expr.value;
  if (expr?.type === 'TemplateLiteral' && expr.expressions?.length === 0) return expr.quasis?.[0]?.value.cooked ?? undefined;
  return undefined;
}

function plainText(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'inlineMath') return node.value ?? '';
  return (node.children ?? []).map(plainText).join(' ');
}

function findFirst(node: MdNode, type: string): MdNode | undefined {
  for (const child of node.children ?? []) {
    if (child.type === type) return child;
    const inner = findFirst(child, type);
    if (inner) return inner;
  }
  return undefined;
}

function itemDeletion(item: MdNode): string {
  const code = findFirst(item, 'inlineCode');
  if (code) return (code.value ?? '').trim();
  const strong = findFirst(item, 'strong');
  const text = strong ? plainText(strong) : plainText(item);
  return text.replace(/\s+/g, ' ').trim();
}

/** The item's Markdown as written, continuation lines re-indented under "- ". */
function itemSource(item: MdNode, source: string): string {
  const children = item.children ?? [];
  const start = children[0]?.position?.start;
  const end = children.at(-1)?.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return plainText(item);
  const indent = start.column - 1;
  const [first, ...rest] = source.slice(start.offset, end.offset).split(/\r?\n/);
  const dedented = rest.map((l) => '  ' + l.replace(new RegExp(`^[ \\t]{0,${indent}}`), ''));
  return [first, ...dedented].join('\n');
}
