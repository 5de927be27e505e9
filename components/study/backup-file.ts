// Backup files in the browser: the store's data → a JSON download, and a chosen file → a checked
// backup (lib/srs/backup.ts does the format; this only moves bytes).

import { exportBackup, importBackup, pamphletStore, type Backup } from '@/lib/srs';
import { downloadFile, localDate } from './download';

export function downloadBackup(now: Date): void {
  const { progress, imported, settings } = pamphletStore().getState();
  downloadFile(exportBackup({ progress, imported, settings }, now), `gpt2-pamphlet-backup-${localDate(now)}.json`, 'application/json');
}

/** Reads a chosen file as a backup; throws BackupFormatError (with a reason to show) on a bad file. */
export async function readBackupFile(file: File): Promise<Backup> {
  return importBackup(await file.text());
}
