// The SQLite schema of an Anki collection at schema version 11: the `collection.anki2` inside a legacy
// `.apkg`, which every Anki since 2.1 (desktop, AnkiDroid, AnkiMobile) still imports. Copied column for
// column from Anki's rslib/src/storage/schema11.sql (the same DDL as genanki's apkg_schema.py); Anki
// upgrades the file to its current schema when it opens it for import.

export const SCHEMA_VERSION = 11;

export const SCHEMA_11 = `
create table col (
  id     integer primary key,
  crt    integer not null, -- collection creation, epoch seconds; review 'due' counts days from here
  mod    integer not null, -- last modified, epoch ms
  scm    integer not null, -- schema modified, epoch ms
  ver    integer not null, -- schema version (11)
  dty    integer not null,
  usn    integer not null,
  ls     integer not null, -- last sync, epoch ms
  conf   text    not null, -- JSON: collection config
  models text    not null, -- JSON: {id: note type}
  decks  text    not null, -- JSON: {id: deck}
  dconf  text    not null, -- JSON: {id: deck options}
  tags   text    not null  -- JSON: {tag: usn}
);

create table notes (
  id    integer primary key, -- epoch ms at creation
  guid  text    not null,    -- stable across exports; the importer matches notes on it
  mid   integer not null,    -- note type id (key into col.models)
  mod   integer not null,    -- epoch seconds
  usn   integer not null,
  tags  text    not null,    -- ' tag1 tag2 '
  flds  text    not null,    -- fields joined by \\x1f
  sfld  integer not null,    -- sort field, HTML stripped (text despite the affinity)
  csum  integer not null,    -- first 4 bytes of SHA-1 of the stripped first field
  flags integer not null,
  data  text    not null
);

create table cards (
  id     integer primary key, -- epoch ms at creation
  nid    integer not null,    -- notes.id
  did    integer not null,    -- deck id (key into col.decks)
  ord    integer not null,    -- template index; cloze number - 1 for cloze notes
  mod    integer not null,
  usn    integer not null,
  type   integer not null,    -- 0 new, 1 learning, 2 review, 3 relearning
  queue  integer not null,    -- -3..4; 0 new, 1 learning, 2 review, 3 day-learning
  due    integer not null,    -- new: position; learning: epoch s; review: days since col.crt
  ivl    integer not null,    -- days
  factor integer not null,    -- ease in permille
  reps   integer not null,
  lapses integer not null,
  left   integer not null,    -- learning steps left
  odue   integer not null,
  odid   integer not null,
  flags  integer not null,
  data   text    not null     -- JSON; FSRS memory state {"s", "d"}
);

create table revlog (
  id      integer primary key, -- review time, epoch ms
  cid     integer not null,
  usn     integer not null,
  ease    integer not null,    -- button 1-4 (0 = manual)
  ivl     integer not null,    -- days if > 0, seconds if < 0
  lastIvl integer not null,
  factor  integer not null,
  time    integer not null,    -- ms taken
  type    integer not null     -- 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual
);

create table graves (
  usn  integer not null,
  oid  integer not null,
  type integer not null
);

create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`;
