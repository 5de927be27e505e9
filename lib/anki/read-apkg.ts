// Reads a package back the way Anki's importer starts (import/mod.rs): unzip, take
// `collection.anki2` and the `media` map, open the collection, parse the JSON in `col`.
// Used by the tests and handy for checking a package by hand; it never writes.

import { strFromU8, unzipSync } from 'fflate';
import type { SqlJsStatic, SqlValue } from 'sql.js';
import type { DeckJson } from './deck';
import type { ModelJson } from './models';
import { COLLECTION_FILE, MEDIA_FILE } from './package';

export type Row = Record<string, SqlValue>;

export interface ApkgContents {
  files: string[];
  media: Record<string, string>;
  col: Row;
  conf: Record<string, unknown>;
  models: Record<string, ModelJson>;
  decks: Record<string, DeckJson>;
  dconf: Record<string, { id: number; name: string }>;
  tags: Record<string, number>;
  notes: Row[];
  cards: Row[];
  revlog: Row[];
  graves: Row[];
  /** `PRAGMA table_info` column names per table. */
  columns: Record<string, string[]>;
  /** Index name → its SQL. */
  indexes: Record<string, string>;
}

export function readApkg(bytes: Uint8Array, sqlJs: SqlJsStatic): ApkgContents {
  const zip = unzipSync(bytes);
  const collection = zip[COLLECTION_FILE];
  const media = zip[MEDIA_FILE];
  if (!collection || !media) throw new Error(`package lacks ${COLLECTION_FILE} or ${MEDIA_FILE}`);
  const db = new sqlJs.Database(collection);
  try {
    const all = (sql: string): Row[] => {
      const [res] = db.exec(sql);
      return res ? res.values.map((v) => Object.fromEntries(res.columns.map((c, i) => [c, v[i]]))) : [];
    };
    const tables = all("select name from sqlite_master where type = 'table' order by name").map((r) => String(r.name));
    const columns = Object.fromEntries(tables.map((t) => [t, all(`pragma table_info(${t})`).map((r) => String(r.name))]));
    const indexes = Object.fromEntries(
      all("select name, sql from sqlite_master where type = 'index' and sql is not null").map((r) => [String(r.name), String(r.sql)]),
    );
    const [col] = all('select * from col');
    const json = (key: string) => JSON.parse(String(col[key]));
    return {
      files: Object.keys(zip).sort(),
      media: JSON.parse(strFromU8(media)),
      col,
      conf: json('conf'),
      models: json('models'),
      decks: json('decks'),
      dconf: json('dconf'),
      tags: json('tags'),
      notes: all('select * from notes order by id'),
      cards: all('select * from cards order by id'),
      revlog: all('select * from revlog order by id'),
      graves: all('select * from graves'),
      columns,
      indexes,
    };
  } finally {
    db.close();
  }
}
