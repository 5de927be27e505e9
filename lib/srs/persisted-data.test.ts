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
import { LESSON_ITEM, NOTE_ITEM, at, sampleData, scheduler } from './test-data';

describe('reviveDates', () => {
  it('revives ISO strings under date keys only', () => {
    const parsed = JSON.parse(
      '{"due":"2026-11-28T09:00:00.000Z","front":"2026-11-28T09:00:00.000Z","review":"not a date","importedAt":"2026-11-28T09:00:00Z"}',
      reviveDates,
    );
    expect(parsed).toEqual({ due: at('2026-11-28T09:00:00.000Z'), front: '2026-11-28T09:00:00.000Z', review: 'not a date', importedAt: at('2026-11-28T09:00:00Z') });
  });
});

describe('validateData', () => {
  it('accepts the empty and the sample data', () => {
    expect(validateData(emptyData())).toEqual(emptyData());
    expect(validateData(sampleData())).toEqual(sampleData());
  });
  it.each([
    [null, /data: expected an object/],
    [{ ...emptyData(), progress: { states: [], log: [], undone: [] } }, /data\.progress\.states: expected an object/],
    [{ ...emptyData(), settings: { ...emptyData().settings, dailyNewLimit: '20' } }, /data\.settings\.dailyNewLimit: expected a number/],
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

describe('merging two tabs', () => {
  const base = emptyData().progress;
  const tabA = gradeItem(base, LESSON_ITEM, Rating.Good, at('2026-11-28T09:00:00Z'), scheduler);
  const tabB = gradeItem(base, NOTE_ITEM, Rating.Easy, at('2026-11-28T09:05:00Z'), scheduler);

  it('different items: both kept', () => {
    const merged = mergeProgress(tabA.progress, tabB.progress);
    expect(Object.keys(merged.states).sort()).toEqual([LESSON_ITEM.key, NOTE_ITEM.key].sort());
    expect(merged.log.map((e) => e.id)).toEqual([tabA.entry.id, tabB.entry.id]);
  });

  it('the same item: the later review wins, both answers stay in the log', () => {
    const later = gradeItem(base, LESSON_ITEM, Rating.Again, at('2026-11-28T09:30:00Z'), scheduler);
    for (const merged of [mergeProgress(tabA.progress, later.progress), mergeProgress(later.progress, tabA.progress)]) {
      expect(merged.states[LESSON_ITEM.key]).toEqual(later.progress.states[LESSON_ITEM.key]);
      expect(merged.log.map((e) => e.id)).toEqual([tabA.entry.id, later.entry.id]);
    }
  });

  it('an undo is not undone by what the other tab still has', () => {
    const again = gradeItem(tabA.progress, LESSON_ITEM, Rating.Again, at('2026-11-28T09:10:00Z'), scheduler);
    const undone = undoGrade(again.progress, again.undo);
    const merged = mergeProgress(again.progress, undone);
    expect(merged.states[LESSON_ITEM.key]).toEqual(tabA.progress.states[LESSON_ITEM.key]);
    expect(merged.log.map((e) => e.id)).toEqual([tabA.entry.id]);
    const first = undoGrade(tabA.progress, tabA.undo);
    expect(mergeProgress(tabA.progress, first)).toEqual({ states: {}, log: [], undone: [tabA.entry.id] });
  });

  it('imported cards and settings: the higher revision wins', () => {
    const stored = sampleData();
    const stale = { ...emptyData(), progress: stored.progress };
    expect(mergeData(stored, stale).settings).toEqual(stored.settings);
    expect(mergeData(stored, stale).imported).toEqual(stored.imported);
    const newer = { ...stored, settings: { ...stored.settings, dailyNewLimit: 5, rev: 3 } };
    expect(mergeData(stored, newer).settings.dailyNewLimit).toBe(5);
  });
});
