'use client';
// Export to Anki: pick the cards (whole pamphlet, one lesson, only my own, or both), optionally with
// the review progress, and download an .apkg or Anki's tab-separated text.

import { useId, useState } from 'react';
import type { Card } from '@/lib/cards/card';
import { pamphletStore } from '@/lib/srs';
import { downloadApkg, downloadTsv } from './anki-export';
import { cardsForScope, exportFileStem, exportScopeLabel, type ExportScope, type LessonRef } from './deck-model';
import { useHydrated, useStudyStore } from './use-study-store';
import './study.css';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

export default function AnkiExportPanel({ lessonCards, lessons }: { lessonCards: Card[]; lessons: LessonRef[] }) {
  const hydrated = useHydrated();
  const ownCards = useStudyStore((s) => s.imported.cards);
  const [scope, setScope] = useState<ExportScope>('pamphlet');
  const [withProgress, setWithProgress] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const scopeId = useId();
  const own = hydrated ? ownCards : [];
  const cards = cardsForScope(scope, lessonCards, own);
  const scopes: ExportScope[] = ['pamphlet', ...lessons.map((l) => `lesson:${l.slug}` as const), 'mine', 'everything'];

  const run = async (format: 'apkg' | 'tsv') => {
    setStatus({ kind: 'busy' });
    const now = new Date();
    const fileStem = exportFileStem(scope);
    try {
      if (format === 'apkg') {
        const progress = withProgress ? pamphletStore().getState().progress : undefined;
        await downloadApkg({ cards, fileStem, now, ...(progress ? { progress } : {}) });
      } else {
        await downloadTsv({ cards, fileStem });
      }
      setStatus({ kind: 'done', message: `Downloaded ${fileStem}.${format === 'apkg' ? 'apkg' : 'txt'} with ${cards.length} notes.` });
    } catch (e) {
      setStatus({ kind: 'error', message: `The file could not be made: ${(e as Error).message}` });
    }
  };

  const busy = status.kind === 'busy';
  return (
    <div className="anki-export ui">
      <div className="study-field">
        <label htmlFor={scopeId}>Cards to export</label>
        <select id={scopeId} className="study-input" value={scope} onChange={(e) => setScope(e.target.value as ExportScope)}>
          {scopes.map((s) => (
            <option key={s} value={s}>
              {exportScopeLabel(s, lessons)} ({cardsForScope(s, lessonCards, own).length} notes)
            </option>
          ))}
        </select>
      </div>
      <label className="study-check">
        <input type="checkbox" checked={withProgress} disabled={!hydrated} onChange={(e) => setWithProgress(e.target.checked)} />
        Include my progress (review history and FSRS memory state; .apkg only)
      </label>
      {withProgress && (
        <p className="study-hint muted" id="anki-progress-note">
          Anki takes the progress when its import dialog offers “Import any learning progress” (tick it); older Anki versions import the
          notes without it. Progress only reaches cards that are new to your Anki: for notes you imported before, Anki keeps its own
          schedule and skips ours. To move your schedule over, import into a profile or deck without these notes.
        </p>
      )}
      <div className="study-actions">
        <button type="button" className="btn btn--primary" disabled={busy || cards.length === 0} onClick={() => run('apkg')}>
          Download Anki deck (.apkg)
        </button>
        <button type="button" className="btn" disabled={busy || cards.length === 0} onClick={() => run('tsv')}>
          Download CSV/TSV (.txt)
        </button>
      </div>
      <p className="study-hint" role="status">
        {status.kind === 'busy'
          ? 'Making the file…'
          : status.kind === 'done'
            ? status.message
            : cards.length === 0
              ? 'No cards to export yet.'
              : ''}
      </p>
      {status.kind === 'error' && (
        <p role="alert" className="study-error">
          {status.message}
        </p>
      )}
    </div>
  );
}
