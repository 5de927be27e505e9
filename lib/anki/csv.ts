// Anki's plain-text import format (File > Import, a .txt/.tsv): tab-separated, with header lines
// that Anki reads (rslib import_export/text/csv/metadata.rs) so no import options need setting.
// Columns follow Anki's own note export (csv/export.rs): guid, notetype, deck, fields, tags. The
// note types are Anki's stock ones by name, which every collection has; the lesson link goes at the
// end of the answer field because the stock types have no Source field.

import type { Card } from '@/lib/cards/card';
import { toAnkiNote } from './note';

const COLUMNS = { guid: 1, notetype: 2, deck: 3, first: 4, second: 5, tags: 6 } as const;

/** A field as the csv crate reads it: quoted if it holds a quote, tab or newline, or starts with '#'. */
export function tsvField(value: string): string {
  return /["\t\n\r]/.test(value) || value.startsWith('#') ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeTsv(opts: { cards: readonly Card[]; siteUrl?: string }): string {
  const header = [
    '#separator:tab',
    '#html:true',
    `#guid column:${COLUMNS.guid}`,
    `#notetype column:${COLUMNS.notetype}`,
    `#deck column:${COLUMNS.deck}`,
    `#tags column:${COLUMNS.tags}`,
  ];
  const rows = opts.cards.map((card) => {
    const note = toAnkiNote(card, opts.siteUrl);
    const [first, second, source] = note.fields;
    const answer = source ? (second ? `${second}<br><br>${source}` : source) : second;
    return [note.guid, note.model.stockName, note.deck, first, answer, note.tags.join(' ')].map(tsvField).join('\t');
  });
  return [...header, ...rows].join('\n') + '\n';
}
