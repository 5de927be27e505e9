'use client';
// Backup of everything the reader would hate to lose: export as JSON, import with a check and a
// confirmation (importing replaces the current progress, imported cards and settings, after keeping
// a copy of them: "Undo the restore" brings that copy back).

import { useId, useRef, useState } from 'react';
import { pamphletStore, type Backup } from '@/lib/srs';
import { downloadBackup, readBackupFile } from './backup-file';
import { useHydrated, useStudyStore } from './use-study-store';
import './study.css';

type Status =
  | { kind: 'idle' }
  | { kind: 'pending'; backup: Backup; fileName: string }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

function describe(backup: Backup): string {
  const { progress, imported } = backup.data;
  const items = Object.keys(progress.states).length;
  return `${progress.log.length} answers on ${items} cards, ${imported.cards.length} of your own cards, saved ${backup.exportedAt.toLocaleString()}`;
}

export default function BackupPanel() {
  const hydrated = useHydrated();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    try {
      const backup = await readBackupFile(file);
      setStatus({ kind: 'pending', backup, fileName: file.name });
      requestAnimationFrame(() => confirmRef.current?.focus());
    } catch (e) {
      setStatus({ kind: 'error', message: `“${file.name}” could not be imported: ${(e as Error).message}. Nothing was changed.` });
    } finally {
      if (fileRef.current) fileRef.current.value = ''; // choosing the same file again fires change again
    }
  };
  const undoCopy = useStudyStore((s) => s.undoCopy);
  const confirm = async (backup: Backup, fileName: string) => {
    try {
      await pamphletStore().getState().replaceData(backup.data, `restoring “${fileName}”`, new Date());
      setStatus({
        kind: 'done',
        message: `Progress restored: ${describe(backup)}. What it replaced is kept: “Undo the restore” brings it back.`,
      });
    } catch (e) {
      setStatus({ kind: 'error', message: `The backup could not be restored: ${(e as Error).message}. Nothing was changed.` });
    }
  };
  const undo = async () => {
    try {
      const ok = await pamphletStore().getState().undoReplace(new Date());
      setStatus(
        ok
          ? { kind: 'done', message: 'Restore undone: your progress is back as it was before it.' }
          : { kind: 'error', message: 'There is no copy to go back to.' },
      );
    } catch (e) {
      setStatus({ kind: 'error', message: `The restore could not be undone: ${(e as Error).message}. Nothing was changed.` });
    }
  };

  return (
    <div className="backup ui">
      <div className="study-actions">
        <button type="button" className="btn" disabled={!hydrated} onClick={() => downloadBackup(new Date())}>
          Export progress (JSON)
        </button>
      </div>
      <div className="study-field">
        <label htmlFor={fileId}>Import progress (a backup .json file)</label>
        <input
          id={fileId}
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          className="study-file"
          disabled={!hydrated}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {status.kind === 'pending' && (
        <div className="backup__confirm" role="group" aria-label="Confirm import">
          <p>
            “{status.fileName}” holds {describe(status.backup)}. Importing it <strong>replaces</strong> your current progress, your own
            cards and your settings.
          </p>
          <div className="study-actions">
            <button
              ref={confirmRef}
              type="button"
              className="btn btn--primary"
              onClick={() => void confirm(status.backup, status.fileName)}
            >
              Replace my progress
            </button>
            <button type="button" className="btn" onClick={() => setStatus({ kind: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {undoCopy && (
        <div className="study-actions">
          <button type="button" className="btn" onClick={() => void undo()}>
            Undo the restore
          </button>
          <span className="muted study-hint">
            Kept {undoCopy.savedAt.toLocaleString()}, before {undoCopy.reason}.
          </span>
        </div>
      )}
      <p className="study-hint" role="status">
        {status.kind === 'done' ? status.message : ''}
      </p>
      {status.kind === 'error' && (
        <p role="alert" className="study-error">
          {status.message}
        </p>
      )}
    </div>
  );
}
