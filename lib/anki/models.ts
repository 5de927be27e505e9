// Note types ("models" in schema 11). Same fields and templates as Anki's stock Basic,
// "Basic (and reversed card)" and Cloze (rslib notetype/stock.rs), plus a `Source` field shown only on
// the answer side that links back to the lesson section. They carry our own names and fixed ids,
// as genanki does: an incoming note type named plain "Basic" with an id the user's collection does
// not know would be added as "Basic-xxxxx" next to theirs.
//
// Never change a model's fields or template names without also changing its id: Anki matches note
// types by id and compares field and template names (import notes.rs `schema_hash`); on a mismatch
// it adds a copy and skips every note it already has.

import type { CardType } from '@/lib/cards/card';

export type FieldRequirement = [ord: number, kind: 'any' | 'all', fieldOrds: number[]];

export interface NoteModel {
  id: number;
  name: string;
  /** Name of Anki's own stock note type with the same first two fields (used by the TSV export). */
  stockName: string;
  type: 0 | 1; // 0 standard, 1 cloze
  fields: string[];
  templates: { name: string; qfmt: string; afmt: string }[];
  /** Which fields must be non-empty for each template to make a card (genanki's computation). */
  req: FieldRequirement[];
}

const SOURCE = '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}';

export const BASIC_MODEL: NoteModel = {
  id: 1735689600001,
  name: 'Basic (GPT-2 Pamphlet)',
  stockName: 'Basic',
  type: 0,
  fields: ['Front', 'Back', 'Source'],
  templates: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: `{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}\n${SOURCE}` }],
  req: [[0, 'all', [0]]],
};

export const REVERSED_MODEL: NoteModel = {
  id: 1735689600002,
  name: 'Basic (and reversed card) (GPT-2 Pamphlet)',
  stockName: 'Basic (and reversed card)',
  type: 0,
  fields: ['Front', 'Back', 'Source'],
  templates: [
    { name: 'Card 1', qfmt: '{{Front}}', afmt: `{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}\n${SOURCE}` },
    { name: 'Card 2', qfmt: '{{Back}}', afmt: `{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}\n${SOURCE}` },
  ],
  req: [
    [0, 'all', [0]],
    [1, 'all', [1]],
  ],
};

// Anki's stock cloze calls the second field "Back Extra" (it was "Extra" before Anki 2.1.28).
export const CLOZE_MODEL: NoteModel = {
  id: 1735689600003,
  name: 'Cloze (GPT-2 Pamphlet)',
  stockName: 'Cloze',
  type: 1,
  fields: ['Text', 'Back Extra', 'Source'],
  templates: [{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: `{{cloze:Text}}<br>\n{{Back Extra}}\n${SOURCE}` }],
  req: [[0, 'all', [0]]],
};

export const MODELS: readonly NoteModel[] = [BASIC_MODEL, REVERSED_MODEL, CLOZE_MODEL];

export function modelFor(type: CardType): NoteModel {
  return type === 'cloze' ? CLOZE_MODEL : type === 'reversed' ? REVERSED_MODEL : BASIC_MODEL;
}

export const CARD_CSS = `.card {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 20px;
  line-height: 1.5;
  text-align: left;
  max-width: 36em;
  margin: 0 auto;
  color: #1f2328;
  background-color: #ffffff;
}
.nightMode.card, .nightMode .card { color: #e6edf3; background-color: #0d1117; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; padding: 0.1em 0.3em; border-radius: 4px; background: rgba(127, 127, 127, 0.15); }
pre { padding: 0.6em 0.8em; border-radius: 6px; overflow-x: auto; background: rgba(127, 127, 127, 0.12); }
pre code { padding: 0; background: none; }
.cloze { font-weight: bold; color: #0969da; }
.nightMode .cloze { color: #58a6ff; }
.source { margin-top: 1.5em; font-size: 0.75em; opacity: 0.8; }
`;

// rslib notetype/mod.rs DEFAULT_LATEX_HEADER / DEFAULT_LATEX_FOOTER (unused by MathJax, required keys).
const LATEX_PRE =
  '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n' +
  '\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n';
const LATEX_POST = '\\end{document}';

/** The schema-11 JSON of a note type, with every key rslib's NotetypeSchema11 requires. */
export function modelJson(model: NoteModel, opts: { mod: number; did: number }) {
  return {
    id: model.id,
    name: model.name,
    type: model.type,
    mod: opts.mod,
    usn: -1,
    sortf: 0,
    did: opts.did,
    tmpls: model.templates.map((t, ord) => ({
      name: t.name,
      ord,
      qfmt: t.qfmt,
      afmt: t.afmt,
      bqfmt: '',
      bafmt: '',
      did: null,
      bfont: '',
      bsize: 0,
    })),
    flds: model.fields.map((name, ord) => ({
      name,
      ord,
      sticky: false,
      rtl: false,
      font: 'Arial',
      size: 20,
      media: [],
    })),
    css: CARD_CSS,
    latexPre: LATEX_PRE,
    latexPost: LATEX_POST,
    latexsvg: false,
    req: model.req,
    tags: [],
    vers: [],
  };
}

export type ModelJson = ReturnType<typeof modelJson>;
