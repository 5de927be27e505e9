import { describe, expect, it } from 'vitest';
import {
  Rating,
  StorageFormatError,
  StorageMigrationError,
  emptyData,
  gradeItem,
  mergeData,
  mergeProgress,
  migrateData,
  reviveDates,
  undoGrade,
  validateData,
} from './index';
import { LESSON_ITEM, NOTE_ITEM, at, sampleData, scheduler } from '@/test/fixtures/srs-data';

describe('reviveDates', () => {
  it('revives ISO strings under date keys only', () => {
    const parsed = JSON.parse(
      '{"due":"2026-11-28T09:00:00.000Z","front":"2026-11-28T09:00:00.000Z","review":"not a date","importedAt":"2026-11-28T09:00:00Z"}',
      reviveDates,
    );
    expect(parsed).toEqual({
      due: at('2026-11-28T09:00:00.000Z'),
      front: '2026-11-28T09:00:00.000Z',
      review: 'not a date',
      importedAt: at('2026-11-28T09:00:00Z'),
    });
  });
});

describe('validateData', () => {
  it('accepts the empty and the sample data', () => {
    expect(validateData(emptyData())).toEqual(emptyData());
    expect(validateData(sampleData())).toEqual(sampleData());
  });
  it.each([
    [null, /data: expected an object/],
    [{ ...emptyData(), progress: { states: [], log: [] } }, /data\.progress\.states: expected an object/],
    [
      { ...emptyData(), settings: { ...emptyData().settings, dailyNewLimit: '20' } },
      /data\.settings\.dailyNewLimit: expected a whole number from 0 to 9999/,
    ],
  ])('names the first bad field', (value, message) => {
    expect(() => validateData(value)).toThrow(StorageFormatError);
    expect(() => validateData(value)).toThrow(message);
  });
});

describe('migrateData', () => {
  it('runs each step from the stored version up, then validates', () => {
    const migrations = { 1: (d: unknown) => ({ ...(d as object), extra: true }) };
    expect(migrateData(emptyData(), 1, 2, migrations)).toEqual({ ...emptyData(), extra: true });
  });
  it('refuses newer data and missing steps', () => {
    expect(() => migrateData(emptyData(), 3, 2)).toThrow(StorageMigrationError);
    expect(() => migrateData(emptyData(), 3, 2)).toThrow(/newer version of the app/);
    expect(() => migrateData(emptyData(), 0, 2, {})).toThrow(/no migration from data version 0 to 1/);
  });
});

describe('merging two tabs (three-way: what this tab changed since it last saw storage wins)', () => {
  const empty = emptyData().progress;
  const tabA = gradeItem(empty, LESSON_ITEM, Rating.Good, at('2026-11-28T09:00:00Z'), scheduler);
  const tabB = gradeItem(empty, NOTE_ITEM, Rating.Easy, at('2026-11-28T09:05:00Z'), scheduler);

  it('different items: both kept', () => {
    const merged = mergeProgress(empty, tabA.progress, tabB.progress);
    expect(Object.keys(merged.states).sort()).toEqual([LESSON_ITEM.key, NOTE_ITEM.key].sort());
    expect(merged.log.map((e) => e.id)).toEqual([tabA.entry.id, tabB.entry.id]);
  });

  it('the same item in both: the later review wins, both answers stay in the log', () => {
    const later = gradeItem(empty, LESSON_ITEM, Rating.Again, at('2026-11-28T09:30:00Z'), scheduler);
    for (const merged of [mergeProgress(empty, tabA.progress, later.progress), mergeProgress(empty, later.progress, tabA.progress)]) {
      expect(merged.states[LESSON_ITEM.key]).toEqual(later.progress.states[LESSON_ITEM.key]);
      expect(merged.log.map((e) => e.id)).toEqual([tabA.entry.id, later.entry.id]);
    }
  });

  it('an undo is not undone by what the other tab still has', () => {
    const again = gradeItem(tabA.progress, LESSON_ITEM, Rating.Again, at('2026-11-28T09:10:00Z'), scheduler);
    const undone = undoGrade(again.progress, again.undo);
    // This tab saw `again` stored and undid it; storage still holds it.
    const merged = mergeProgress(again.progress, again.progress, undone);
    expect(merged.states[LESSON_ITEM.key]).toEqual(tabA.progress.states[LESSON_ITEM.key]);
    expect(merged.log.map((e) => e.id)).toEqual([tabA.entry.id]);
    // The other tab, which also saw it, writes something else: the undo stays.
    expect(mergeProgress(again.progress, undone, again.progress)).toEqual(undone);
  });

  it('imported decks: one tab imports A, a stale tab imports B, a third deletes one: each change stays', () => {
    const deck = (name: string, id: string) => ({
      card: { ...sampleData().imported.cards[0], id, deck: name },
      deck: { name, importedAt: at('2026-11-28T09:00:00Z') },
    });
    const a = deck('A', 'note/a');
    const b = deck('B', 'note/b');
    const base = emptyData();
    const withA = { ...base, imported: { cards: [a.card], decks: [a.deck] } };
    const withB = { ...base, imported: { cards: [b.card], decks: [b.deck] } };
    const both = mergeData(base, withA, withB);
    expect(both.imported.decks.map((d) => d.name)).toEqual(['A', 'B']);
    expect(both.imported.cards.map((c) => c.id)).toEqual(['note/a', 'note/b']);
    // A tab that saw both deletes A; the stale tab that only knew B writes again.
    const deleted = { ...both, imported: { cards: [b.card], decks: [b.deck] } };
    expect(mergeData(withB, deleted, withB).imported.decks.map((d) => d.name)).toEqual(['B']);
    expect(mergeData(both, both, deleted).imported.cards.map((c) => c.id)).toEqual(['note/b']);
  });

  it('settings merge per setting', () => {
    const base = emptyData();
    const limit = { ...base, settings: { ...base.settings, dailyNewLimit: 5 } };
    const typed = { ...base, settings: { ...base.settings, typedAnswer: true } };
    expect(mergeData(base, limit, typed).settings).toEqual({ ...base.settings, dailyNewLimit: 5, typedAnswer: true });
  });

  it('keeps the incoming objects when nothing else changed', () => {
    const data = sampleData();
    const merged = mergeData(emptyData(), emptyData(), data);
    expect(merged.progress).toBe(data.progress);
    expect(merged.settings).toBe(data.settings);
  });
});
