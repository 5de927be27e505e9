import { describe, expect, it } from 'vitest';
import type { Card } from '@/lib/cards/card';
import { clozeNumbers } from '@/lib/cards/cloze';
import { tsvField, writeTsv } from './csv';
import { FIXTURE_CARDS } from '@/test/fixtures/anki-cards';
import { noteGuid } from './guid';
import { stripHtml } from './html';

/** Reads records the way Anki does (csv crate: `"` quoting with `""`, lines starting with '#' are comments). */
function parseTsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '#') {
      i = text.indexOf('\n', i) + 1 || text.length;
      continue;
    }
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        for (i++; ; i++) {
          if (text[i] === '"' && text[i + 1] === '"') field += text[i++];
          else if (text[i] === '"') break;
          else field += text[i];
        }
        i++;
      } else {
        while (i < text.length && text[i] !== '\t' && text[i] !== '\n') field += text[i++];
      }
      record.push(field);
      if (text[i] === '\t') i++;
      else break;
    }
    i++; // newline
    records.push(record);
  }
  return records;
}

const tsv = writeTsv({ cards: FIXTURE_CARDS, siteUrl: 'https://pamphlet.test' });

describe('writeTsv', () => {
  it('starts with the header lines Anki reads', () => {
    expect(tsv.split('\n').slice(0, 6)).toEqual([
      '#separator:tab',
      '#html:true',
      '#guid column:1',
      '#notetype column:2',
      '#deck column:3',
      '#tags column:6',
    ]);
  });

  it('writes one row per card: guid, stock note type, deck, two fields, tags', () => {
    const rows = parseTsv(tsv);
    expect(rows).toHaveLength(FIXTURE_CARDS.length);
    rows.forEach((row, i) => {
      const card = FIXTURE_CARDS[i];
      expect(row).toHaveLength(6);
      expect(row[0]).toBe(noteGuid(card.id));
      expect(row[1]).toBe({ cloze: 'Cloze', basic: 'Basic', reversed: 'Basic (and reversed card)' }[card.type]);
      expect(row[2]).toBe(card.deck);
    });
    expect(rows[3][5]).toBe('edge_cases unicode::emoji');
  });

  it('keeps cloze markers, escaping and the lesson link', () => {
    const [, , , text, extra] = parseTsv(tsv)[0];
    expect(clozeNumbers(text)).toEqual([1, 2, 3]);
    expect(text).toContain('<code>&lt;|endoftext|></code>');
    expect(extra).toBe(
      'The merges come from <b>byte-pair encoding</b>.<br><br><a href="https://pamphlet.test/lessons/tokenization/#byte-pair-encoding">Lesson: Tokenization</a>',
    );
    expect(stripHtml(parseTsv(tsv)[3][3])).toContain('"quotes", \'apostrophes\', {{braces}}, a stray }} and a::b stay; 🤖');
  });

  it('quotes fields with quotes, tabs, newlines, or a leading #', () => {
    expect(tsvField('plain')).toBe('plain');
    expect(tsvField('say "hi"')).toBe('"say ""hi"""');
    expect(tsvField('a\tb')).toBe('"a\tb"');
    expect(tsvField('a\nb')).toBe('"a\nb"');
    expect(tsvField('#notacomment')).toBe('"#notacomment"');
  });

  it('survives a GUID starting with # (which Anki would otherwise read as a comment line)', () => {
    let n = 0;
    while (!noteGuid(`probe/${n}`).startsWith('#')) n++;
    const card: Card = { id: `probe/${n}`, type: 'basic', front: 'Q\twith tab', back: 'line\n\nbreaks', deck: 'D', tags: [] };
    const [row] = parseTsv(writeTsv({ cards: [card] }));
    expect(row[0]).toBe(noteGuid(card.id));
    expect(row[3]).toBe('Q\twith tab');
    expect(row[4]).toBe('<p>line</p><p>breaks</p>');
  });
});
