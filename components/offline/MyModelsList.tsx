'use client';
// The models the learner trained and kept in this browser: how many and how large, each one's name,
// size and date, a download as a Hugging Face folder, and a delete that asks once more. Deleting the
// model the widgets run sends them back to the site's model.
import { useCallback, useEffect, useState } from 'react';
import { downloadMyModel } from '@/components/model/download-my-model';
import { forgetMyModel } from '@/components/model/model-store';
import { megabytes } from '@/lib/format';
import { deleteMyModel, listMyModels, type MyModel } from '@/lib/worker/my-models';

export default function MyModelsList({ onChange }: { onChange: () => void }) {
  const [models, setModels] = useState<MyModel[] | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const refresh = useCallback(() => {
    listMyModels().then(setModels, () => setModels([]));
  }, []);
  useEffect(refresh, [refresh]);

  const remove = async (m: MyModel) => {
    setAsking(null);
    try {
      await deleteMyModel(m.id);
      forgetMyModel(m.id);
      setMessage(`“${m.name}” was deleted.`);
    } catch (e) {
      setMessage(`“${m.name}” could not be deleted: ${(e as Error).message}`);
    }
    refresh();
    onChange();
  };
  const download = (m: MyModel) =>
    downloadMyModel(m.id).catch((e: Error) => setMessage(`“${m.name}” could not be downloaded: ${e.message}`));

  const bytes = models?.reduce((sum, m) => sum + m.bytes, 0) ?? 0;
  return (
    <>
      <span data-testid="my-models-summary">
        {models === null
          ? '…'
          : models.length === 0
            ? 'none'
            : `${models.length} model${models.length === 1 ? '' : 's'}, ${megabytes(bytes)}, kept until you delete them:`}
      </span>
      {models?.length ? (
        <ul className="my-models" data-testid="my-models-list">
          {models.map((m) => (
            <li key={m.id}>
              <strong>{m.name}</strong>{' '}
              <span className="muted">
                {megabytes(m.bytes)}, {m.createdAt.slice(0, 10)}
              </span>{' '}
              {asking === m.id ? (
                <>
                  {/* the Delete button that had focus is gone: focus moves to the question's answer */}
                  <button type="button" className="btn" autoFocus onClick={() => remove(m)}>
                    Delete it for good
                  </button>{' '}
                  <button type="button" className="btn" onClick={() => setAsking(null)}>
                    Keep it
                  </button>
                </>
              ) : (
                <>
                  <button type="button" className="btn" onClick={() => download(m)}>
                    Download
                  </button>{' '}
                  <button type="button" className="btn" aria-label={`Delete “${m.name}”`} onClick={() => setAsking(m.id)}>
                    Delete
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <p role="status" className="my-models__message">
        {message}
      </p>
    </>
  );
}
