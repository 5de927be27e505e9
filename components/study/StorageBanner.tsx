'use client';
// Shown whenever the store reports a storage problem: reviews keep working in this tab, and the
// reader is told how not to lose them.

import { downloadBackup } from './backup-file';
import { useStudyStore } from './use-study-store';
import './study.css';

export default function StorageBanner() {
  const error = useStudyStore((s) => s.storageError);
  const clear = useStudyStore((s) => s.clearStorageError);
  if (!error) return null;
  return (
    <div role="alert" className="ui study-banner">
      <p className="study-banner__title">Your progress may not be saved</p>
      <p>{error}</p>
      <p>
        Reviews still work in this tab. To keep them, export a backup now and import it again later from the Deck page (Backup → Import
        progress). Private browsing or a full disk can stop saving; reloading the page tries again.
      </p>
      <div className="study-actions">
        <button type="button" className="btn btn--primary" onClick={() => downloadBackup(new Date())}>
          Export progress (JSON)
        </button>
        <button type="button" className="btn" onClick={clear}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
