'use client';
// Review settings: the daily new-card limit and typed answers for cloze cards.

import { useId, useState } from 'react';
import { pamphletStore, type Settings } from '@/lib/srs';

const MAX_NEW = 9999;

export default function ReviewSettings({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState<string | null>(null);
  const limitId = useId();
  const hintId = useId();
  const update = (patch: Partial<Settings>) => pamphletStore().getState().updateSettings(patch);
  const commit = (value: string) => {
    const n = Number(value);
    if (value.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_NEW) update({ dailyNewLimit: n });
  };
  return (
    <details className="study-settings">
      <summary>Settings</summary>
      <div className="study-settings__body">
        <div className="study-field">
          <label htmlFor={limitId}>New cards per day</label>
          <input
            id={limitId}
            className="study-input study-input--num"
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_NEW}
            step={1}
            value={draft ?? String(settings.dailyNewLimit)}
            aria-describedby={hintId}
            onChange={(e) => {
              setDraft(e.target.value);
              commit(e.target.value);
            }}
            onBlur={() => setDraft(null)}
          />
          <p id={hintId} className="muted study-hint">
            Counted over all decks per review day (days start at {settings.dayStartHour}:00). An end-of-lesson quiz shows all of its
            lesson’s cards.
          </p>
        </div>
        <label className="study-check">
          <input type="checkbox" checked={settings.typedAnswer} onChange={(e) => update({ typedAnswer: e.target.checked })} />
          Type the answer to fill-in-the-blank cards before seeing it
        </label>
      </div>
    </details>
  );
}
