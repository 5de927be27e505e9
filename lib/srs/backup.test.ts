import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BackupFormatError, DATA_VERSION, exportBackup, importBackup } from './index';
import { at, sampleData } from '@/test/fixtures/srs-data';

const NOW = at('2026-11-28T10:00:00.000Z');

describe('backup', () => {
  it('round-trips exactly, Dates included', () => {
    const data = sampleData();
    const json = exportBackup(data, NOW);
    const back = importBackup(json);
    expect(back).toStrictEqual({ version: DATA_VERSION, exportedAt: NOW, data });
    expect(back.data.progress.states['attention/why-scale#0'].due).toBeInstanceOf(Date);
    expect(back.data.progress.log[2].review).toEqual(at('2026-11-28T09:11:30.250Z'));
    expect(exportBackup(back.data, NOW)).toBe(json);
  });

  it('writes the documented envelope with ISO dates', () => {
    const doc = JSON.parse(exportBackup(sampleData(), NOW));
    expect(Object.keys(doc)).toEqual(['format', 'version', 'exportedAt', 'progress', 'imported', 'settings']);
    expect(doc).toMatchObject({ format: BACKUP_FORMAT, version: DATA_VERSION, exportedAt: '2026-11-28T10:00:00.000Z' });
    expect(doc.progress.states['attention/why-scale#0'].last_review).toBe('2026-11-28T09:10:00.000Z');
    expect(doc.imported.decks[0].importedAt).toBe('2026-11-28T08:59:00.000Z');
  });

  const valid = () => JSON.parse(exportBackup(sampleData(), NOW));
  const bad: Array<[string, string, RegExp]> = [
    ['not JSON', 'PK\u0003\u0004 zip bytes', /not a backup \(not JSON/],
    [
      'another format',
      JSON.stringify({ format: 'anki-export', version: 1 }),
      /not a GPT-2 Pamphlet backup \(format "anki-export"; expected "gpt2-pamphlet-backup"\)/,
    ],
    ['no format', JSON.stringify({ progress: {} }), /no "format" field/],
    ['a JSON array', '[]', /not a GPT-2 Pamphlet backup/],
    ['no version', JSON.stringify({ ...valid(), version: '1' }), /no integer "version"/],
    ['a newer version', JSON.stringify({ ...valid(), version: DATA_VERSION + 1 }), /newer version of the app/],
    ['bad exportedAt', JSON.stringify({ ...valid(), exportedAt: 'yesterday' }), /no valid "exportedAt"/],
    [
      'a bad date deep inside',
      JSON.stringify(valid()).replace('"2026-11-28T09:10:00.000Z"', '"soon"'),
      /data\.progress\.states\.attention\/why-scale#0\.(due|last_review): expected an ISO date/,
    ],
    [
      'a wrong card type',
      JSON.stringify(valid()).replace('"type":"basic"', '"type":"essay"'),
      /data\.imported\.cards\[0\]\.type: expected basic \| reversed \| cloze/,
    ],
    ['missing settings', JSON.stringify({ ...valid(), settings: undefined }), /data\.settings: expected an object/],
  ];
  it.each(bad)('rejects %s with a clear reason', (_name, json, message) => {
    expect(() => importBackup(json)).toThrow(BackupFormatError);
    expect(() => importBackup(json)).toThrow(message);
  });
});
