// Writes packages from fixture cards and reads them back the way Anki's importer does.
import { createHash } from 'node:crypto';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '@/lib/cards/card';
import { clozeNumbers } from '@/lib/cards/cloze';
import { AnkiExportError } from './errors';
import { FIXTURE_CARDS } from '@/test/fixtures/anki-cards';
import { noteGuid } from './guid';
import { stripHtml } from './html';
import { CLOZE_MODEL, CARD_CSS } from './models';
import { writeApkg } from './package';
import { readApkg, type ApkgContents, type Row } from './read-apkg';

const NOW = new Date('2025-03-01T12:00:00Z');
let sqlJs: SqlJsStatic;
let pkg: ApkgContents;
let bytes: Uint8Array;

beforeAll(async () => {
  sqlJs = await initSqlJs();
  bytes = await writeApkg({ cards: FIXTURE_CARDS, now: NOW, sqlJs, siteUrl: 'https://pamphlet.test' });
  pkg = readApkg(bytes, sqlJs);
});

// rslib/src/storage/schema11.sql, column for column.
const COLUMNS = {
  col: ['id', 'crt', 'mod', 'scm', 'ver', 'dty', 'usn', 'ls', 'conf', 'models', 'decks', 'dconf', 'tags'],
  notes: ['id', 'guid', 'mid', 'mod', 'usn', 'tags', 'flds', 'sfld', 'csum', 'flags', 'data'],
  cards: [
    'id',
    'nid',
    'did',
    'ord',
    'mod',
    'usn',
    'type',
    'queue',
    'due',
    'ivl',
    'factor',
    'reps',
    'lapses',
    'left',
    'odue',
    'odid',
    'flags',
    'data',
  ],
  revlog: ['id', 'cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type'],
  graves: ['usn', 'oid', 'type'],
};
const INDEXES = {
  ix_notes_usn: 'notes (usn)',
  ix_cards_usn: 'cards (usn)',
  ix_revlog_usn: 'revlog (usn)',
  ix_cards_nid: 'cards (nid)',
  ix_cards_sched: 'cards (did, queue, due)',
  ix_revlog_cid: 'revlog (cid)',
  ix_notes_csum: 'notes (csum)',
};

const hasKeys = (obj: object, keys: string[]) => expect(Object.keys(obj)).toEqual(expect.arrayContaining(keys));
const fieldsOf = (note: Row) => String(note.flds).split('\x1f');
const noteFor = (p: ApkgContents, cardId: string) => p.notes.find((n) => n.guid === noteGuid(cardId))!;

describe('package layout', () => {
  it('is a zip of collection.anki2 and an empty media map', () => {
    expect(pkg.files).toEqual(['collection.anki2', 'media']);
    expect(pkg.media).toEqual({});
  });

  it('has every schema-11 table with the exact columns, and the indexes', () => {
    expect(pkg.columns).toEqual(COLUMNS);
    expect(Object.keys(pkg.indexes).sort()).toEqual(Object.keys(INDEXES).sort());
    for (const [name, on] of Object.entries(INDEXES)) expect(pkg.indexes[name].replace(/\s+/g, ' ')).toContain(`on ${on}`);
  });

  it('is a sound SQLite file', () => {
    const db = new sqlJs.Database(unzipSync(bytes)['collection.anki2']);
    expect(db.exec('pragma integrity_check')[0].values).toEqual([['ok']]);
    db.close();
  });

  it('is byte-for-byte reproducible for the same cards and time', async () => {
    const again = await writeApkg({ cards: FIXTURE_CARDS, now: NOW, sqlJs, siteUrl: 'https://pamphlet.test' });
    expect(again).toEqual(bytes);
  });
});

describe('col row', () => {
  it('is schema 11 with times from `now`', () => {
    expect(pkg.col).toMatchObject({ id: 1, ver: 11, mod: NOW.getTime(), scm: NOW.getTime(), usn: 0, ls: 0, dty: 0 });
    // Start of the Anki day (04:00 UTC cutoff) containing now.
    expect(pkg.col.crt).toBe(Date.parse('2025-03-01T04:00:00Z') / 1000);
    expect(pkg.conf).toMatchObject({ schedVer: 2, nextPos: FIXTURE_CARDS.length + 1, curDeck: 1 });
    expect(Object.keys(pkg.models)).toContain(String(pkg.conf.curModel));
  });

  it('has note types with the keys rslib NotetypeSchema11 requires, each pointing at a real deck', () => {
    for (const [id, m] of Object.entries(pkg.models)) {
      expect(String(m.id)).toBe(id);
      hasKeys(m, ['id', 'name', 'type', 'mod', 'usn', 'sortf', 'did', 'tmpls', 'flds', 'css', 'latexPre', 'latexPost', 'req']);
      expect(pkg.decks[m.did]).toBeDefined();
      m.flds.forEach((f, ord) => {
        hasKeys(f, ['name', 'ord', 'sticky', 'rtl', 'font', 'size']);
        expect(f.ord).toBe(ord);
      });
      m.tmpls.forEach((t, ord) => {
        hasKeys(t, ['name', 'ord', 'qfmt', 'afmt']);
        expect(t.ord).toBe(ord);
      });
    }
  });

  it('has Default (id 1), every card deck and its parents, all using an existing options group', () => {
    expect(pkg.decks['1']).toMatchObject({ id: 1, name: 'Default', dyn: 0 });
    const names = Object.values(pkg.decks).map((d) => d.name);
    for (const card of FIXTURE_CARDS) expect(names).toContain(card.deck);
    for (const name of names) if (name.includes('::')) expect(names).toContain(name.slice(0, name.lastIndexOf('::')));
    for (const [id, d] of Object.entries(pkg.decks)) {
      expect(String(d.id)).toBe(id);
      hasKeys(d, ['id', 'name', 'usn', 'lrnToday', 'revToday', 'newToday', 'timeToday', 'collapsed', 'dyn', 'conf']);
      expect(pkg.dconf[d.conf]).toBeDefined();
    }
    hasKeys(pkg.dconf['1'], ['id', 'mod', 'name', 'usn', 'maxTaken', 'autoplay', 'timer', 'new', 'rev', 'lapse']);
  });

  it('lists the note tags', () => {
    expect(Object.keys(pkg.tags).sort()).toEqual([
      'architecture',
      'attention',
      'edge_cases',
      'gpt2',
      'names',
      'tokenization',
      'unicode::emoji',
    ]);
  });
});

describe('notes', () => {
  it('one per card, each with its note type and exactly that type’s field count', () => {
    expect(pkg.notes).toHaveLength(FIXTURE_CARDS.length);
    for (const n of pkg.notes) {
      const model = pkg.models[String(n.mid)];
      expect(model).toBeDefined();
      expect(fieldsOf(n)).toHaveLength(model.flds.length);
    }
  });

  it('has GUIDs from the card ids, and ids counting up from now', () => {
    expect(pkg.notes.map((n) => n.guid)).toEqual(FIXTURE_CARDS.map((c) => noteGuid(c.id)));
    expect(pkg.notes.map((n) => n.id)).toEqual(FIXTURE_CARDS.map((_, i) => NOW.getTime() + i));
  });

  it('has sfld = stripped first field and csum = first 4 bytes of its SHA-1', () => {
    for (const n of pkg.notes) {
      const stripped = stripHtml(fieldsOf(n)[0]);
      expect(String(n.sfld)).toBe(stripped);
      expect(n.csum).toBe(parseInt(createHash('sha1').update(stripped).digest('hex').slice(0, 8), 16));
    }
  });

  it('stores tags as " a b " with spaces replaced', () => {
    expect(noteFor(pkg, 'notes/special-characters').tags).toBe(' edge_cases unicode::emoji ');
  });

  it('keeps special characters, cloze markers and math through escaping', () => {
    const [text, extra, source] = fieldsOf(noteFor(pkg, 'notes/special-characters'));
    expect(stripHtml(text)).toBe(
      'In HTML, {{c1::< & &}} need escaping; "quotes", \'apostrophes\', {{braces}}, a stray }} and a::b stay; 🤖 too. Also \\(a<b\\) and {{c2::\\(x^{2}\\)}}.',
    );
    expect(clozeNumbers(text)).toEqual([1, 2]);
    expect(text).not.toMatch(/\{\{braces/);
    expect(extra).toBe('Deck names use <code>::</code>, e.g. GPT-2 Pamphlet::Tokenization');
    expect(source).toBe('');
    const [front, back] = fieldsOf(noteFor(pkg, 'attention/scaling'));
    expect(front).toBe('Why divide \\(QK^\\top\\) by \\(\\sqrt{d_k}\\)?');
    expect(back).toContain('<p>\\[\\mathrm{softmax}');
  });

  it('names the lesson section in plain text when the site address is unknown (no dead localhost links)', async () => {
    const plain = readApkg(await writeApkg({ cards: FIXTURE_CARDS, now: NOW, sqlJs }), sqlJs);
    expect(fieldsOf(noteFor(plain, 'tokenization/vocab-size'))[2]).toBe('Lesson: Tokenization');
    expect(plain.notes.map((n) => String(n.flds)).join('\n')).not.toMatch(/href=|localhost/);
  });

  it('links back to the lesson section in the Source field', () => {
    const fields = fieldsOf(noteFor(pkg, 'tokenization/vocab-size'));
    expect(fields[2]).toBe('<a href="https://pamphlet.test/lessons/tokenization/#byte-pair-encoding">Lesson: Tokenization</a>');
  });
});

describe('cards', () => {
  it('one per cloze number (ord = n - 1), one per basic, two per reversed', () => {
    for (const n of pkg.notes) {
      const ords = pkg.cards.filter((c) => c.nid === n.id).map((c) => c.ord);
      const model = pkg.models[String(n.mid)];
      const expected = model.type === 1 ? clozeNumbers(fieldsOf(n)[0]).map((k) => k - 1) : model.tmpls.map((t) => t.ord);
      expect(ords).toEqual(expected);
    }
    const ordsOf = (id: string) => pkg.cards.filter((c) => c.nid === noteFor(pkg, id).id).map((c) => c.ord);
    expect(ordsOf('tokenization/vocab-size')).toEqual([0, 1, 2]);
    expect(ordsOf('attention/scaling')).toEqual([0]);
    expect(ordsOf('architecture/ln-1')).toEqual([0, 1]);
  });

  it('sit in the decks of their cards, which exist', () => {
    for (const c of pkg.cards) {
      const deck = pkg.decks[String(c.did)];
      expect(deck).toBeDefined();
      const note = pkg.notes.find((n) => n.id === c.nid)!;
      const card = FIXTURE_CARDS.find((fc) => noteGuid(fc.id) === note.guid)!;
      expect(deck.name).toBe(card.deck);
    }
  });

  it('are new, in note order, with unique ids after the note ids', () => {
    const ids = pkg.cards.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe(NOW.getTime() + FIXTURE_CARDS.length);
    pkg.notes.forEach((n, i) => {
      for (const c of pkg.cards.filter((c) => c.nid === n.id)) {
        expect(c).toMatchObject({ type: 0, queue: 0, due: i + 1, ivl: 0, reps: 0, lapses: 0, odue: 0, odid: 0, data: '' });
      }
    });
    expect(pkg.revlog).toEqual([]);
    expect(pkg.graves).toEqual([]);
  });
});

describe('stability across exports', () => {
  it('keeps GUIDs when text and time change', async () => {
    const edited: Card[] = FIXTURE_CARDS.map((c) => ({ ...c, front: c.front.replace('{{c1::', 'Edited: {{c1::'), back: `${c.back} (v2)` }));
    const later = readApkg(await writeApkg({ cards: edited, now: new Date('2025-06-01T00:00:00Z'), sqlJs }), sqlJs);
    expect(later.notes.map((n) => n.guid)).toEqual(pkg.notes.map((n) => n.guid));
    expect(later.notes.map((n) => n.flds)).not.toEqual(pkg.notes.map((n) => n.flds));
    // A later export has a newer note mtime, so Anki's importer updates the existing notes.
    expect(Number(later.notes[0].mod)).toBeGreaterThan(Number(pkg.notes[0].mod));
  });

  it('writes an empty package that is still a valid collection', async () => {
    const empty = readApkg(await writeApkg({ cards: [], now: NOW, sqlJs }), sqlJs);
    expect(empty.notes).toEqual([]);
    expect(Object.keys(empty.decks)).toEqual(['1']);
  });
});

describe('invalid cards', () => {
  const base = FIXTURE_CARDS[0];
  it.each<[string, Partial<Card>]>([
    ['a cloze card without deletions', { front: 'no deletion here' }],
    ['a basic card with an empty front', { type: 'basic', front: '  ' }],
    ['a reversed card with an empty back', { type: 'reversed', front: 'Q', back: '' }],
    ['an empty deck name component', { deck: 'GPT-2 Pamphlet::' }],
  ])('rejects %s', async (_, patch) => {
    await expect(writeApkg({ cards: [{ ...base, ...patch }], now: NOW, sqlJs })).rejects.toBeInstanceOf(AnkiExportError);
  });

  it('rejects duplicate card ids', async () => {
    await expect(writeApkg({ cards: [base, base], now: NOW, sqlJs })).rejects.toThrow(/duplicate card id/);
  });
});

describe('golden: Cloze note type JSON', () => {
  it('has the structure Anki expects', () => {
    const m = pkg.models[String(CLOZE_MODEL.id)];
    const deckOfFirstCloze = pkg.cards.find((c) => c.nid === noteFor(pkg, 'tokenization/vocab-size').id)!.did;
    expect(m).toEqual({
      id: 1735689600003,
      name: 'Cloze (GPT-2 Pamphlet)',
      type: 1,
      mod: NOW.getTime() / 1000,
      usn: -1,
      sortf: 0,
      did: deckOfFirstCloze,
      tmpls: [
        {
          name: 'Cloze',
          ord: 0,
          qfmt: '{{cloze:Text}}',
          afmt: '{{cloze:Text}}<br>\n{{Back Extra}}\n{{#Source}}<div class="source">{{Source}}</div>{{/Source}}',
          bqfmt: '',
          bafmt: '',
          did: null,
          bfont: '',
          bsize: 0,
        },
      ],
      flds: ['Text', 'Back Extra', 'Source'].map((name, ord) => ({
        name,
        ord,
        sticky: false,
        rtl: false,
        font: 'Arial',
        size: 20,
        media: [],
      })),
      css: CARD_CSS,
      latexPre: expect.stringMatching(/^\\documentclass\[12pt\]\{article\}[\s\S]*\\begin\{document\}\n$/),
      latexPost: '\\end{document}',
      latexsvg: false,
      req: [[0, 'all', [0]]],
      tags: [],
      vers: [],
    });
  });
});
