// One lesson card → one Anki note: its note type, field HTML, tags, GUID and the card ordinals
// Anki would generate for it (one per cloze number, `ord = n - 1`; one for Basic; two for reversed).

import type { Card } from '@/lib/cards/card';
import { clozeNumbers } from '@/lib/cards/cloze';
import { AnkiExportError } from './errors';
import { clozeFieldHtml, fieldHtml, sourceFieldHtml } from './fields';
import { noteGuid } from './guid';
import { stripHtml } from './html';
import { modelFor, type NoteModel } from './models';

export interface AnkiNote {
  cardId: string;
  guid: string;
  model: NoteModel;
  /** Field HTML in the model's field order. */
  fields: string[];
  tags: string[];
  deck: string;
  /** Card ordinals (template index, or cloze number - 1), ascending. */
  ords: number[];
}

/** Anki tags cannot contain spaces; `::` is kept (tag hierarchy). */
export function ankiTags(tags: readonly string[]): string[] {
  const out = tags.map((t) => t.trim().replace(/\s+/g, '_')).filter(Boolean);
  return [...new Set(out)];
}

export function toAnkiNote(card: Card, siteUrl?: string): AnkiNote {
  const model = modelFor(card.type);
  const source = sourceFieldHtml(card.source, siteUrl);
  const fields =
    card.type === 'cloze'
      ? [clozeFieldHtml(card.front), fieldHtml(card.back), source]
      : [fieldHtml(card.front), fieldHtml(card.back), source];
  const ords = card.type === 'cloze' ? clozeNumbers(card.front).map((n) => n - 1) : card.type === 'reversed' ? [0, 1] : [0];

  if (card.type === 'cloze' && ords.length === 0) throw new AnkiExportError('cloze card has no {{cN::…}} deletion', card.id);
  // Anki generates a card only when its template's required fields are non-empty (model `req`).
  for (const [ord, , required] of model.req) {
    if (ords.includes(ord) && required.some((f) => !stripHtml(fields[f]).trim())) {
      throw new AnkiExportError(`field '${model.fields[required[0]]}' is empty`, card.id);
    }
  }
  if (!card.deck.trim()) throw new AnkiExportError('card has no deck', card.id);

  return { cardId: card.id, guid: noteGuid(card.id), model, fields, tags: ankiTags(card.tags), deck: card.deck, ords };
}
