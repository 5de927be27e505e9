'use client';
// The reader's imported decks: how many cards each holds, when it came in, review it or delete it.
// Deleting asks once more in place; review progress of deleted cards is kept (re-importing restores it).

import Link from '@/components/SiteLink';
import { useMemo, useState } from 'react';
import { pamphletStore } from '@/lib/srs';
import { useHydrated, useStudyStore } from './use-study-store';
import { localDate } from './download';
import './study.css';

const inDeck = (deck: string, name: string) => deck === name || deck.startsWith(`${name}::`);

export default function ImportedDecks() {
  const hydrated = useHydrated();
  const decks = useStudyStore((s) => s.imported.decks);
  const cards = useStudyStore((s) => s.imported.cards);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const rows = useMemo(
    () =>
      [...decks]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((d) => ({ ...d, count: cards.filter((c) => inDeck(c.deck, d.name)).length })),
    [decks, cards],
  );
  if (!hydrated) return <p className="ui muted imported-decks">Loading your decks…</p>;
  return (
    <div className="imported-decks ui">
      {rows.length === 0 ? (
        <p className="muted">No imported decks yet.</p>
      ) : (
        <ul className="imported-decks__list">
          {rows.map((d) => (
            <li key={d.name} className="imported-decks__item">
              <div>
                <strong>{d.name}</strong>{' '}
                <span className="muted">
                  {d.count} {d.count === 1 ? 'card' : 'cards'} · imported {localDate(d.importedAt)}
                  {d.fileName ? ` from ${d.fileName}` : ''}
                </span>
              </div>
              <div className="study-actions">
                <Link className="btn" href={`/review/?deck=${encodeURIComponent(d.name)}`}>
                  Review
                </Link>
                {confirming === d.name ? (
                  <>
                    <button
                      type="button"
                      className="btn btn--danger"
                      autoFocus
                      onClick={() => {
                        pamphletStore().getState().removeImportedDeck(d.name);
                        setConfirming(null);
                        setRemoved(d.name);
                      }}
                    >
                      Delete {d.count} {d.count === 1 ? 'card' : 'cards'} of “{d.name}”
                    </button>
                    <button type="button" className="btn" onClick={() => setConfirming(null)}>
                      Keep it
                    </button>
                  </>
                ) : (
                  <button type="button" className="btn" aria-label={`Delete deck ${d.name}`} onClick={() => setConfirming(d.name)}>
                    Delete
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="study-hint" role="status">
        {removed ? `Deleted “${removed}”. Its review history is kept, so importing the same note again picks up where you left off.` : ''}
      </p>
    </div>
  );
}
