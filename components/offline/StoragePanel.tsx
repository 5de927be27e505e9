'use client';
// What this browser keeps for the pamphlet: the offline copy of the site, persistent storage, the space
// used, the cached model with a way to remove it, and the models trained here (MyModelsList).
import { useCallback, useEffect, useState } from 'react';
import { megabytes } from '@/lib/format';
import MyModelsList from './MyModelsList';
import { removeCachedModel, requestPersistence, storageSummary, type StorageSummary } from '@/lib/offline/storage';

export default function StoragePanel() {
  const [summary, setSummary] = useState<StorageSummary | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = useCallback(() => {
    storageSummary().then(setSummary, () => setSummary(null));
  }, []);
  useEffect(refresh, [refresh]);

  const persist = async () => {
    const granted = await requestPersistence();
    setMessage(
      granted
        ? 'This browser will keep the pamphlet’s data until you remove it.'
        : 'The browser said no (some browsers decide by how often you visit, or after installing the app). Keep a backup to be safe.',
    );
    refresh();
  };
  const removeModel = async () => {
    try {
      await removeCachedModel();
      setMessage('The cached model was removed. It is downloaded again the next time a widget needs it.');
    } catch (e) {
      setMessage(`The cached model could not be removed: ${(e as Error).message}`);
    }
    refresh();
  };

  if (!summary) return <p className="muted ui">Checking what this browser stores…</p>;
  return (
    <div className="ui storage-panel" data-testid="storage-panel">
      <dl>
        <dt>Offline</dt>
        <dd data-testid="offline-state">
          {summary.offlineReady
            ? 'Ready: lessons, cards, review, import and export work without a network. The model works offline once it has been loaded here.'
            : 'Not yet: the offline copy is saved on the first visit in a browser that allows it (not in private windows).'}
        </dd>
        <dt>Persistent storage</dt>
        <dd>
          {summary.persisted === null ? (
            'This browser cannot be asked to keep data.'
          ) : summary.persisted ? (
            'On: the browser will not delete your reviews or the cached model to free space.'
          ) : (
            <>
              Off: when space runs low, a browser may delete a site’s data, your reviews included.{' '}
              <button type="button" className="btn" onClick={persist}>
                Keep my data on this device
              </button>
            </>
          )}
        </dd>
        <dt>Space used</dt>
        <dd data-testid="storage-usage">
          {summary.usage === null
            ? 'unknown'
            : `${megabytes(summary.usage)}${summary.quota ? ` of the ${megabytes(summary.quota)} this browser allows` : ''}`}
        </dd>
        <dt>Cached model</dt>
        <dd data-testid="cached-model">
          {summary.model.files === 0 ? (
            'none'
          ) : (
            <>
              {summary.model.files} file{summary.model.files === 1 ? '' : 's'}, {megabytes(summary.model.bytes)}{' '}
              <button type="button" className="btn" onClick={removeModel}>
                Remove the cached model
              </button>
            </>
          )}
        </dd>
        <dt>Your trained models</dt>
        <dd data-testid="my-models-storage">
          <MyModelsList onChange={refresh} />
        </dd>
      </dl>
      {message ? <p role="status">{message}</p> : null}
    </div>
  );
}
