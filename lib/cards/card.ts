// The one card model shared by lessons, imported notes, the scheduler and the Anki writer.

export type CardType = 'basic' | 'reversed' | 'cloze';

/** Where a lesson card lives, so every card can link back to its section. */
export interface CardSource {
  lesson: string; // lesson slug, e.g. 'tokenization'
  lessonTitle: string; // e.g. 'Tokenization'
  anchor: string; // heading id of the section, e.g. 'byte-pair-encoding'
  section?: string; // that heading's text, e.g. 'Byte-pair encoding'
  file?: string; // e.g. 'content/tokenization.mdx'
  line?: number;
}

export interface Card {
  /** Stable id: explicit in lessons (`tokenization/vocab-size`), derived for imported notes. */
  id: string;
  type: CardType;
  /** basic/reversed: the question (Markdown). cloze: the text with Anki deletions `{{c1::answer::hint}}`. */
  front: string;
  /** basic/reversed: the answer (Markdown). cloze: extra text shown on the back ('' if none). */
  back: string;
  /** Deck name with Anki's `::` hierarchy, e.g. 'GPT-2 Pamphlet::Tokenization'. */
  deck: string;
  tags: string[];
  source?: CardSource;
  /** Imported notes only: the `<!--SR:...-->` scheduling comment, kept verbatim. */
  srComment?: string;
}

export const PAMPHLET_DECK = 'GPT-2 Pamphlet';

/** Why Anki would refuse a deck name (an empty part around `::`, e.g. `Physics::`), or null. */
export function deckNameProblem(name: string): string | null {
  if (!name.trim()) return 'a deck name cannot be empty';
  if (name.split('::').some((part) => !part.trim()))
    return `"${name}" has an empty part around "::" (write "Physics::Optics", not "Physics::")`;
  return null;
}

/** 'Tokenization § Byte-pair encoding': the lesson and, when known, the section a card comes from. */
export function sourceLabel(source: CardSource): string {
  return source.section ? `${source.lessonTitle} § ${source.section}` : source.lessonTitle;
}
