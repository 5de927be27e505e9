// Backup files: everything the reader would hate to lose, as one JSON document.
//   { format: 'gpt2-pamphlet-backup', version, exportedAt, progress, imported, settings }
// Dates are ISO strings (UTC, milliseconds); importing gives back exactly what was exported.

import { DATA_VERSION, migrateData, reviveDates, type PersistedData } from './persisted-data';

export const BACKUP_FORMAT = 'gpt2-pamphlet-backup';

export class BackupFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFormatError';
  }
}

export interface Backup {
  version: number;
  exportedAt: Date;
  data: PersistedData;
}

export function exportBackup(data: PersistedData, now: Date): string {
  const { progress, imported, settings } = data;
  return JSON.stringify({ format: BACKUP_FORMAT, version: DATA_VERSION, exportedAt: now, progress, imported, settings }, null, 1);
}

/** Parses and checks a backup file. Throws `BackupFormatError` with a reason a reader can act on. */
export function importBackup(json: string): Backup {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json, reviveDates);
  } catch (e) {
    const reason = (e as Error).message.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').slice(0, 120); // one printable line
    throw new BackupFormatError(`this file is not a backup (not JSON: ${reason})`);
  }
  const doc = parsed as Record<string, unknown> | null;
  if (!doc || typeof doc !== 'object' || doc.format !== BACKUP_FORMAT) {
    const found = doc && typeof doc === 'object' && 'format' in doc ? `format "${String(doc.format)}"` : 'no "format" field';
    throw new BackupFormatError(`this file is not a GPT-2 Pamphlet backup (${found}; expected "${BACKUP_FORMAT}")`);
  }
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version)) throw new BackupFormatError('the backup has no integer "version"');
  if (!(doc.exportedAt instanceof Date)) throw new BackupFormatError('the backup has no valid "exportedAt" date');
  try {
    const data = migrateData({ progress: doc.progress, imported: doc.imported, settings: doc.settings }, doc.version);
    return { version: doc.version, exportedAt: doc.exportedAt, data };
  } catch (e) {
    throw new BackupFormatError(`the backup cannot be read: ${(e as Error).message}`);
  }
}
