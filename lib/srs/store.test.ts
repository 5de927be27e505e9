import 'fake-indexeddb/auto';
import { get, set, createStore as idbStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import {
  DATA_VERSION,
  Rating,
  State,
  createPamphletStore,
  emptyData,
  exportBackup,
  idbKeyValue,
  importBackup,
  reviveDates,
  type KeyValue,
} from './index';
import { IMPORTED_CARD, LESSON_ITEM, NOTE_ITEM, at, sampleData, scheduler } from '@/test/fixtures/srs-data';

// Every test uses its own key in the one fake IndexedDB, like one browser profile per test.
let n = 0;
const freshName = () => `gpt2-pamphlet-test-${++n}`;
const db = idbStore('gpt2-pamphlet', 'state'); // the database idbKeyValue() opens
const raw = (key: string) => get(key, db);
const stored = async (key: string) => JSON.parse((await raw(key)) as string, reviveDates);

async function open(name: string, options: Parameters<typeof createPamphletStore>[0] = {}) {
  const store = createPamphletStore({ name, scheduler, ...options });
  await store.persist.rehydrate();
  return store;
}

describe('store: persistence', () => {
  it('does not read storage before rehydrate() (skipHydration), then loads it', async () => {
    const name = freshName();
    await set(name, JSON.stringify({ state: sampleData(), version: DATA_VERSION }), db);
    const store = createPamphletStore({ name, scheduler });
    expect(store.getState().hydrated).toBe(false);
    expect(store.getState().progress).toEqual(emptyData().progress);
    await store.persist.rehydrate();
    const s = store.getState();
    expect(s.hydrated).toBe(true);
    expect(s.storageError).toBeNull();
    expect({ progress: s.progress, imported: s.imported, settings: s.settings }).toStrictEqual(sampleData());
  });

  it('saves data only (partialize), with its version, and a new store reads it back exactly', async () => {
    const name = freshName();
    const a = await open(name);
    a.getState().grade(LESSON_ITEM, Rating.Good, at('2026-11-28T09:00:00Z'));
    a.getState().importCards([IMPORTED_CARD], { fileName: 'concept-pamphlet.md', now: at('2026-11-28T09:01:00Z') });
    a.getState().updateSettings({ dailyNewLimit: 7 });
    await a.whenSaved();
    const saved = await stored(name);
    expect(saved.version).toBe(DATA_VERSION);
    expect(Object.keys(saved.state)).toEqual(['progress', 'imported', 'settings']);
    const b = await open(name);
    for (const key of ['progress', 'imported', 'settings'] as const) expect(b.getState()[key]).toStrictEqual(a.getState()[key]);
    expect(b.getState().progress.states[LESSON_ITEM.key].due).toBeInstanceOf(Date);
  });

  it('undo restores the state before the last answer, also after a reload', async () => {
    const name = freshName();
    const a = await open(name);
    a.getState().grade(LESSON_ITEM, Rating.Good, at('2026-11-28T09:00:00Z'));
    const afterFirst = a.getState().progress.states[LESSON_ITEM.key];
    a.getState().grade(LESSON_ITEM, Rating.Again, at('2026-11-28T09:10:00Z'));
    expect(a.getState().undo()).toBe(true);
    expect(a.getState().undo()).toBe(false); // one level, like Anki's undo of the last answer
    expect(a.getState().progress.states[LESSON_ITEM.key]).toEqual(afterFirst);
    expect(a.getState().progress.log).toHaveLength(1);
    await a.whenSaved();
    expect((await open(name)).getState().progress.log).toHaveLength(1);
  });
});

describe('store: damaged or foreign saved data', () => {
  it('corrupt JSON: reports it, keeps a copy under a backup key, continues with defaults', async () => {
    const name = freshName();
    await set(name, '{"state": {"progress": ', db);
    const store = await open(name);
    const { storageError, progress } = store.getState();
    expect(progress).toEqual(emptyData().progress);
    expect(storageError).toMatch(
      /^Saved progress was unreadable \(invalid JSON .*\)\. A copy was kept under "gpt2-pamphlet-test-\d+:corrupt:[0-9a-f]{16}"\. Starting with defaults\.$/,
    );
    const backupKey = /"([^"]+)"/.exec(storageError!)![1];
    expect(await raw(backupKey)).toBe('{"state": {"progress": ');
    store.getState().grade(LESSON_ITEM, Rating.Good, at('2026-11-28T09:00:00Z'));
    await store.whenSaved();
    expect((await stored(name)).state.progress.log).toHaveLength(1);
    expect(await raw(backupKey)).toBe('{"state": {"progress": '); // still there
  });

  it('valid JSON of the wrong shape: the message names the field', async () => {
    const name = freshName();
    await set(
      name,
      JSON.stringify({ state: { ...emptyData(), progress: { states: {}, log: 'x', undone: [] } }, version: DATA_VERSION }),
      db,
    );
    const store = await open(name);
    expect(store.getState().storageError).toMatch(/unreadable \(data\.progress\.log: expected an array\)/);
  });

  it('data from a newer app: reported, kept, and never overwritten by this tab', async () => {
    const name = freshName();
    const newer = JSON.stringify({ state: { future: true }, version: DATA_VERSION + 1 });
    await set(name, newer, db);
    const store = await open(name);
    expect(store.getState().storageError).toMatch(
      /could not be loaded \(the saved data is from a newer version of the app.*A copy was kept under/,
    );
    store.getState().grade(LESSON_ITEM, Rating.Good, at('2026-11-28T09:00:00Z'));
    await store.whenSaved();
    expect(await raw(name)).toBe(newer);
    expect(store.getState().storageError).toMatch(/^Not saved: saved by a newer version of the app/);
    expect(store.getState().progress.log).toHaveLength(1); // the answer is kept in memory
  });

  it('migrates older data on load and saves it in the new version', async () => {
    const name = freshName();
    const v1 = await open(name);
    v1.getState().grade(LESSON_ITEM, Rating.Good, at('2026-11-28T09:00:00Z'));
    await v1.whenSaved();
    const migrations = { [DATA_VERSION]: (d: unknown) => ({ ...(d as object), settings: { ...emptyData().settings, dailyNewLimit: 42 } }) };
    const v2 = await open(name, { version: DATA_VERSION + 1, migrations });
    expect(v2.getState().storageError).toBeNull();
    expect(v2.getState().settings.dailyNewLimit).toBe(42);
    expect(v2.getState().progress.log).toHaveLength(1);
    await v2.whenSaved();
    expect((await stored(name)).version).toBe(DATA_VERSION + 1);
  });

  it('a failed migration: reported with a backup copy, defaults in memory', async () => {
    const name = freshName();
    const v1 = await open(name);
    v1.getState().grade(LESSON_ITEM, Rating.Good, at('2026-11-28T09:00:00Z'));
    await v1.whenSaved();
    const before = await raw(name);
    const v2 = await open(name, { version: DATA_VERSION + 1, migrations: {} });
    await v2.whenSaved(); // the backup copy is written in the background
    const error = v2.getState().storageError!;
    expect(error).toMatch(
      new RegExp(
        `could not be loaded \\(no migration from data version ${DATA_VERSION} to ${DATA_VERSION + 1}\\)\\. A copy was kept under "(.+)"\\. Starting with defaults\\.`,
      ),
    );
    expect(await raw(/"(.+)"/.exec(error)![1])).toBe(before);
    expect(v2.getState().progress).toEqual(emptyData().progress);
    expect(v2.getState().hydrated).toBe(true);
  });

  it('a failed write (quota): reported, the in-memory state is kept, no retry loop', async () => {
    const name = freshName();
    const idb = idbKeyValue();
    const full: KeyValue = {
      ...idb,
      update: async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    const store = await open(name, { keyValue: full });
    store.getState().grade(LESSON_ITEM, Rating.Good, at('2026-11-28T09:00:00Z'));
    await store.whenSaved();
    expect(store.getState().storageError).toBe(
      'Progress could not be saved (QuotaExceededError: The quota has been exceeded.). It is kept in this tab; export a backup to be safe.',
    );
    expect(store.getState().progress.log).toHaveLength(1);
    store.getState().clearStorageError();
    await store.whenSaved();
    expect(store.getState().storageError).toBeNull(); // nothing new to save, nothing tried
    store.getState().grade(NOTE_ITEM, Rating.Good, at('2026-11-28T09:01:00Z'));
    await store.whenSaved();
    expect(store.getState().storageError).toMatch(/QuotaExceededError/); // the next answer fails to save again
    expect(store.getState().progress.log).toHaveLength(2);
    expect(await raw(name)).toBeUndefined();
  });

  it('a failed read: reported, defaults', async () => {
    const broken: KeyValue = { ...idbKeyValue(), get: async () => Promise.reject(new Error('IndexedDB is disabled')) };
    const store = await open(freshName(), { keyValue: broken });
    expect(store.getState().storageError).toMatch(/^Saved progress could not be read \(IndexedDB is disabled\)/);
    expect(store.getState().hydrated).toBe(true);
  });
});

describe('store: two tabs on one IndexedDB', () => {
  it("reviews in both tabs survive; each tab learns the other's on its next write", async () => {
    const name = freshName();
    const [a, b] = await Promise.all([open(name), open(name)]);
    a.getState().grade(LESSON_ITEM, Rating.Good, at('2026-11-28T09:00:00Z'));
    await a.whenSaved();
    b.getState().grade(NOTE_ITEM, Rating.Easy, at('2026-11-28T09:01:00Z'));
    await b.whenSaved();
    const c = await open(name);
    expect(Object.keys(c.getState().progress.states).sort()).toEqual([LESSON_ITEM.key, NOTE_ITEM.key].sort());
    expect(c.getState().progress.log).toHaveLength(2);
    expect(Object.keys(b.getState().progress.states)).toContain(LESSON_ITEM.key); // merged back into tab B
  });

  it('the same card answered in both tabs: the later answer wins, both are logged', async () => {
    const name = freshName();
    const [a, b] = await Promise.all([open(name), open(name)]);
    b.getState().grade(LESSON_ITEM, Rating.Again, at('2026-11-28T09:30:00Z'));
    await b.whenSaved();
    a.getState().grade(LESSON_ITEM, Rating.Easy, at('2026-11-28T09:00:00Z')); // earlier, written later
    await a.whenSaved();
    const c = await open(name);
    expect(c.getState().progress.states[LESSON_ITEM.key]).toMatchObject({ last_review: at('2026-11-28T09:30:00Z'), state: State.Learning });
    expect(c.getState().progress.log.map((e) => e.rating)).toEqual([Rating.Easy, Rating.Again]);
  });

  it('an undo in one tab is not brought back by the other tab', async () => {
    const name = freshName();
    const [a, b] = await Promise.all([open(name), open(name)]);
    a.getState().grade(LESSON_ITEM, Rating.Good, at('2026-11-28T09:00:00Z'));
    await a.whenSaved();
    b.getState().grade(NOTE_ITEM, Rating.Good, at('2026-11-28T09:01:00Z')); // B now also holds A's answer
    await b.whenSaved();
    a.getState().undo();
    await a.whenSaved();
    b.getState().updateSettings({ typedAnswer: true }); // B writes again with A's answer still in memory
    await b.whenSaved();
    const c = await open(name);
    expect(Object.keys(c.getState().progress.states)).toEqual([NOTE_ITEM.key]);
    expect(c.getState().progress.log.map((e) => e.key)).toEqual([NOTE_ITEM.key]);
    expect(c.getState().settings.typedAnswer).toBe(true);
  });

  it('a stale tab does not overwrite newer settings or imported cards', async () => {
    const name = freshName();
    const [a, b] = await Promise.all([open(name), open(name)]);
    a.getState().updateSettings({ dailyNewLimit: 3 });
    a.getState().importCards([IMPORTED_CARD], { now: at('2026-11-28T09:00:00Z') });
    await a.whenSaved();
    b.getState().grade(LESSON_ITEM, Rating.Good, at('2026-11-28T09:05:00Z'));
    await b.whenSaved();
    const c = await open(name);
    expect(c.getState().settings.dailyNewLimit).toBe(3);
    expect(c.getState().imported.cards).toEqual([IMPORTED_CARD]);
    expect(b.getState().settings.dailyNewLimit).toBe(3);
  });
});

describe('store: two tabs, imports, deletions and settings (each change merges, nothing is lost)', () => {
  const deckCard = (deck: string) => ({ ...IMPORTED_CARD, id: `note/${deck}`, deck });

  it('tab A imports deck A, the stale tab B imports deck B: both are stored, and B shows A', async () => {
    const name = freshName();
    const [a, b] = await Promise.all([open(name, { channel: null }), open(name, { channel: null })]);
    a.getState().importCards([deckCard('A')], { now: at('2026-11-28T09:00:00Z') });
    await a.whenSaved();
    b.getState().importCards([deckCard('B')], { now: at('2026-11-28T09:01:00Z') });
    await b.whenSaved();
    const c = await open(name, { channel: null });
    expect(c.getState().imported.decks.map((d) => d.name)).toEqual(['A', 'B']);
    expect(c.getState().imported.cards.map((x) => x.id)).toEqual(['note/A', 'note/B']);
    expect(b.getState().imported.decks.map((d) => d.name)).toEqual(['A', 'B']);
  });

  it('a deck deleted in one tab does not come back from another; a setting changed in one survives the other', async () => {
    const name = freshName();
    const first = await open(name, { channel: null });
    first.getState().importCards([deckCard('A'), deckCard('B')], { now: at('2026-11-28T09:00:00Z') });
    await first.whenSaved();
    const [a, b] = await Promise.all([open(name, { channel: null }), open(name, { channel: null })]);
    a.getState().removeImportedDeck('A');
    a.getState().updateSettings({ dailyNewLimit: 3 });
    await a.whenSaved();
    b.getState().updateSettings({ typedAnswer: true });
    b.getState().grade(LESSON_ITEM, Rating.Good, at('2026-11-28T09:05:00Z'));
    await b.whenSaved();
    const c = (await open(name, { channel: null })).getState();
    expect(c.imported.decks.map((d) => d.name)).toEqual(['B']);
    expect(c.settings).toMatchObject({ dailyNewLimit: 3, typedAnswer: true });
    expect(c.progress.log).toHaveLength(1);
  });

  it('a save in one tab reaches the other without a write of its own (BroadcastChannel)', async () => {
    const name = freshName();
    const [a, b] = await Promise.all([open(name), open(name)]);
    a.getState().importCards([deckCard('A')], { now: at('2026-11-28T09:00:00Z') });
    await a.whenSaved();
    await expect.poll(() => b.getState().imported.decks.map((d) => d.name)).toEqual(['A']);
  });
});

describe('store: replace (restore a backup) and its undo', () => {
  it('replace replaces: answers given after the backup are gone; undo brings them back', async () => {
    const name = freshName();
    const store = await open(name, { channel: null });
    const backup = exportBackup(sampleData(), at('2026-11-28T10:00:00Z'));
    await store.getState().replaceData(importBackup(backup).data, 'the first restore', at('2026-11-28T10:00:00Z'));
    await store.whenSaved();
    store.getState().grade(NOTE_ITEM, Rating.Again, at('2026-11-29T09:00:00Z')); // newer than the backup
    store.getState().updateSettings({ dailyNewLimit: 42 });
    await store.whenSaved();
    const newer = (await stored(name)).state;
    expect(newer.progress.log).toHaveLength(4);

    await store.getState().replaceData(importBackup(backup).data, 'restored backup.json', at('2026-11-29T10:00:00Z'));
    await store.whenSaved();
    const reopenedStore = await open(name, { channel: null });
    const reopened = reopenedStore.getState();
    expect(reopened.progress).toStrictEqual(sampleData().progress); // the newer answer did not survive
    expect(reopened.settings.dailyNewLimit).toBe(15);
    await expect
      .poll(() => reopenedStore.getState().undoCopy)
      .toEqual({ savedAt: at('2026-11-29T10:00:00Z'), reason: 'restored backup.json' });

    expect(await store.getState().undoReplace(at('2026-11-29T10:01:00Z'))).toBe(true);
    await store.whenSaved();
    const undone = (await open(name, { channel: null })).getState();
    expect(undone.progress).toStrictEqual(newer.progress);
    expect(undone.settings.dailyNewLimit).toBe(42);
  });

  it('data saved by version 1 (revisions, undone list) is migrated on load', async () => {
    const name = freshName();
    const v1 = { ...sampleData(), progress: { ...sampleData().progress, undone: ['x@2026-01-01T00:00:00.000Z'] } };
    const old = { state: { ...v1, imported: { ...v1.imported, rev: 4 }, settings: { ...v1.settings, rev: 2 } }, version: 1 };
    await set(name, JSON.stringify(old), db);
    const s = (await open(name, { channel: null })).getState();
    expect(s.storageError).toBeNull();
    expect({ progress: s.progress, imported: s.imported, settings: s.settings }).toStrictEqual(sampleData());
  });
});

describe('store: imported cards, settings, backup', () => {
  it('imports, replaces by id, and removes decks with their sub-decks', async () => {
    const store = await open(freshName());
    const sub = { ...IMPORTED_CARD, id: 'note/1111111111111111', deck: 'concept-pamphlet::attention' };
    store.getState().importCards([IMPORTED_CARD, sub], { fileName: 'concept-pamphlet.md', now: at('2026-11-28T09:00:00Z') });
    store.getState().importCards([{ ...IMPORTED_CARD, back: 'edited' }], { now: at('2026-11-28T10:00:00Z') });
    const { imported } = store.getState();
    expect(imported.cards.map((c) => c.back)).toEqual(['edited', IMPORTED_CARD.back]);
    expect(imported.decks).toEqual([
      { name: 'concept-pamphlet::attention', fileName: 'concept-pamphlet.md', importedAt: at('2026-11-28T09:00:00Z') },
      { name: 'concept-pamphlet', importedAt: at('2026-11-28T10:00:00Z') },
    ]);
    store.getState().removeImportedDeck('concept-pamphlet');
    expect(store.getState().imported).toEqual({ cards: [], decks: [] });
  });

  it('restores a backup exactly and persists it', async () => {
    const name = freshName();
    const store = await open(name);
    store.getState().updateSettings({ dailyNewLimit: 99 }); // local changes are replaced
    await store
      .getState()
      .replaceData(importBackup(exportBackup(sampleData(), at('2026-11-28T10:00:00Z'))).data, 'test', at('2026-11-28T10:00:00Z'));
    await store.whenSaved();
    const s = (await open(name)).getState();
    expect(s.progress).toStrictEqual(sampleData().progress);
    expect(s.imported.cards).toStrictEqual(sampleData().imported.cards);
    expect(s.settings).toMatchObject({ dailyNewLimit: 15, typedAnswer: true });
  });
});

describe('store: one scheduler, previewed then applied', () => {
  it('grading with a preview applies exactly what the preview showed, even with fuzz and a later click', async () => {
    const { createScheduler } = await import('./scheduler');
    const store = await open(freshName(), { channel: null, scheduler: createScheduler({ enableFuzz: true }) });
    const shownAt = at('2026-11-28T09:00:00Z');
    const preview = store.getState().preview(store.getState().progress.states[LESSON_ITEM.key], shownAt);
    const entry = store.getState().grade(LESSON_ITEM, Rating.Easy, at('2026-11-28T09:00:42Z'), 42_000, preview[Rating.Easy]);
    expect(store.getState().progress.states[LESSON_ITEM.key]).toEqual(preview[Rating.Easy].state);
    expect(entry.review).toEqual(shownAt);
    expect(entry.duration_ms).toBe(42_000);
    expect(entry.next_due).toEqual(preview[Rating.Easy].state.due);
  });
});

describe('store: what cannot be stored is not stored', () => {
  it('data the validator would refuse on the next load is not written; the error says so; storage keeps the rest', async () => {
    const name = freshName();
    const store = await open(name, { channel: null });
    store.getState().grade(LESSON_ITEM, Rating.Good, at('2026-11-28T09:00:00Z'));
    await store.whenSaved();
    store.getState().importCards([{ ...IMPORTED_CARD, deck: 'Physics::' }], { now: at('2026-11-28T09:01:00Z') });
    await store.whenSaved();
    expect(store.getState().storageError).toMatch(/^Not saved: data\.imported\.cards\[0\]\.deck: expected a deck name/);
    const reopened = (await open(name, { channel: null })).getState();
    expect(reopened.storageError).toBeNull();
    expect(reopened.progress.log).toHaveLength(1);
  });

  it("an undo after another tab answered the same item keeps that tab's state", async () => {
    const name = freshName();
    const [a, b] = await Promise.all([open(name, { channel: null }), open(name, { channel: null })]);
    a.getState().grade(LESSON_ITEM, Rating.Good, at('2026-11-28T09:00:00Z'));
    await a.whenSaved();
    b.getState().updateSettings({ typedAnswer: true }); // b takes a's answer in
    await b.whenSaved();
    b.getState().grade(LESSON_ITEM, Rating.Easy, at('2026-11-28T09:30:00Z'));
    await b.whenSaved();
    a.getState().updateSettings({ dailyNewLimit: 7 }); // a takes b's answer in
    await a.whenSaved();
    expect(a.getState().undo()).toBe(true);
    await a.whenSaved();
    const c = (await open(name, { channel: null })).getState();
    expect(c.progress.states[LESSON_ITEM.key]).toMatchObject({ last_review: at('2026-11-28T09:30:00Z') });
    expect(c.progress.log.map((e) => e.rating)).toEqual([Rating.Easy]);
  });
});
