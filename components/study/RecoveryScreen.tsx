'use client';
// What a page shows instead of a blank screen when rendering it failed: what happened, and the two
// ways out that never lose data: download a backup of what is stored, or start empty (the current
// data is kept as the undo copy of that reset, like any restore).

import { useState } from 'react';
import { emptyData, pamphletStore } from '@/lib/srs';
import { downloadBackup } from './backup-file';
import './study.css';

export default function RecoveryScreen({ error, retry }: { error: Error; retry: () => void }) {
  const [status, setStatus] = useState('');
  const backup = () => {
    try {
      downloadBackup(new Date());
      setStatus('The backup is downloading.');
    } catch (e) {
      setStatus(`The backup could not be made: ${(e as Error).message}`);
    }
  };
  const reset = async () => {
    try {
      await pamphletStore().getState().replaceData(emptyData(), 'a reset from the recovery screen', new Date());
      await pamphletStore().whenSaved();
      setStatus('Reset done. Your previous data is kept: “Undo the restore” on the Deck page brings it back.');
      retry();
    } catch (e) {
      setStatus(`The reset failed: ${(e as Error).message}`);
    }
  };
  return (
    <section className="recovery ui" role="alert" aria-labelledby="recovery-title">
      <h1 id="recovery-title">This page could not be shown</h1>
      <p>
        Something in the saved data or in the page went wrong: <code>{error.message || error.name}</code>. Nothing has been deleted. Lessons
        still work; to get this page back:
      </p>
      <div className="study-actions">
        <button type="button" className="btn btn--primary" onClick={backup}>
          Download a backup
        </button>
        <button type="button" className="btn" onClick={retry}>
          Try again
        </button>
        <button type="button" className="btn btn--danger" onClick={() => void reset()}>
          Start with empty progress
        </button>
      </div>
      <p className="muted" role="status">
        {status}
      </p>
    </section>
  );
}
