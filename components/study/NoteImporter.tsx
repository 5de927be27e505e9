'use client';
// Your own notes → cards: paste Markdown or pick a file, check the preview (rendered through the
// same escaping renderer as every card) and the warnings, then save the cards to the store.

import Link from '@/components/SiteLink';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { Card } from '@/lib/cards/card';
import { pamphletStore } from '@/lib/srs';
import { lazyModule } from '../lazy-module';
import { NO_FACES, useCardFaces } from './use-card-faces';
import { useHydrated, useStudyStore } from './use-study-store';
import { deckAnchor } from './deck-model';
import { reviewHref } from './study-model';
import './study.css';

const MAX_FILE_BYTES = 2_000_000;

// The note parser (micromark and a YAML reader) loads when the learner starts on a note, not with
// the page.
const notesParser = lazyModule(() => import('@/lib/notes'));

function PreviewRow({ card }: { card: Card }) {
  // The renderer (remark, rehype, sanitize, KaTeX) loads with the first preview, not with the page.
  const faces = useCardFaces(card, 'all', { lessonFaces: false }) ?? NO_FACES;
  return (
    <tr>
      <td>
        <span className="badge">{card.type}</span>
      </td>
      <td>{card.deck}</td>
      <td className="import-preview__face" dangerouslySetInnerHTML={{ __html: faces.front }} />
      <td className="import-preview__face">
        <div dangerouslySetInnerHTML={{ __html: faces.back }} />
        {faces.extra ? <div className="muted" dangerouslySetInnerHTML={{ __html: faces.extra }} /> : null}
      </td>
    </tr>
  );
}

export default function NoteImporter() {
  const hydrated = useHydrated();
  const importedCards = useStudyStore((s) => s.imported.cards);
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const [deck, setDeck] = useState('');
  const [message, setMessage] = useState<{ saved: number; updated: number; decks: string[] } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const ids = { text: useId(), file: useId(), deck: useId() };
  const deferred = useDeferredValue(text);
  const { module: notes, failed: notesFailed } = notesParser.useModule(deferred);
  const parsed = useMemo(
    () =>
      notes?.parseNote(deferred, { ...(fileName ? { fileName } : {}), ...(deck.trim() ? { defaultDeck: deck.trim() } : {}) }) ?? {
        cards: [],
        warnings: [],
      },
    [notes, deferred, fileName, deck],
  );
  const defaultDeck = fileName?.replace(/\.[^.]*$/, '') || 'Notes';
  const known = useMemo(() => new Set(importedCards.map((c) => c.id)), [importedCards]);
  const n = parsed.cards.length;

  const pick = async (file: File | undefined) => {
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setFileError(`“${file.name}” is larger than 2 MB; split it into smaller notes.`);
    setText(await file.text());
    setFileName(file.name);
    setMessage(null);
  };
  const save = () => {
    const updated = parsed.cards.filter((c) => known.has(c.id)).length;
    pamphletStore()
      .getState()
      .importCards(parsed.cards, { ...(fileName ? { fileName } : {}), now: new Date() });
    setMessage({ saved: n, updated, decks: [...new Set(parsed.cards.map((c) => c.deck))] });
  };

  return (
    <div className="importer ui">
      <div className="study-field">
        <label htmlFor={ids.text}>Note (Markdown)</label>
        <textarea
          id={ids.text}
          className="study-input importer__text"
          rows={10}
          value={text}
          spellCheck={false}
          onFocus={() => void notesParser.load().catch(() => {})}
          onChange={(e) => {
            setText(e.target.value);
            setMessage(null);
          }}
          placeholder={'What is the vocabulary size of GPT-2? ? 50,257\nwte::the token embedding table'}
        />
      </div>
      <div className="importer__row">
        <div className="study-field">
          <label htmlFor={ids.file}>Or open a file (.md, .txt)</label>
          <input
            id={ids.file}
            type="file"
            accept=".md,.markdown,.txt,text/markdown,text/plain"
            className="study-file"
            onChange={(e) => void pick(e.target.files?.[0])}
          />
          {fileName && <p className="study-hint muted">From {fileName}. Editing the text above keeps this file name.</p>}
        </div>
        <div className="study-field">
          <label htmlFor={ids.deck}>Deck for these cards</label>
          <input id={ids.deck} className="study-input" value={deck} onChange={(e) => setDeck(e.target.value)} placeholder={defaultDeck} />
          <p className="study-hint muted">A #flashcards/name tag in the note puts the cards below it in deck “name” instead.</p>
        </div>
      </div>
      {fileError && (
        <p role="alert" className="study-error">
          {fileError}
        </p>
      )}
      {notesFailed && (
        <p role="alert" className="study-error">
          The note reader could not be loaded (offline?). Edit the text to try again.
        </p>
      )}

      <div className="study-actions importer__save">
        <button type="button" className="btn btn--primary" disabled={!hydrated || n === 0} onClick={save}>
          Save {n} {n === 1 ? 'card' : 'cards'}
        </button>
        <p className="study-hint" role="status">
          {message ? (
            <>
              Saved {message.saved} {message.saved === 1 ? 'card' : 'cards'}
              {message.updated ? ` (${message.updated} replaced cards you had imported before)` : ''} to {message.decks.join(', ')}.{' '}
              {message.decks.length === 1 ? (
                <Link href={reviewHref({ deck: message.decks[0] }, true)}>Study them now</Link>
              ) : (
                <Link href="/review/">Review them</Link>
              )}{' '}
              ·{' '}
              <Link href={message.decks.length === 1 ? `/deck/#${deckAnchor(message.decks[0])}` : '/deck/#cards'}>
                See them in the deck
              </Link>
            </>
          ) : (
            ''
          )}
        </p>
      </div>

      {deferred.trim() !== '' && notes && (
        <>
          {n === 0 && parsed.warnings.length === 0 && (
            <p className="import-none" role="note">
              No card in this text yet. A line becomes a card only in one of the forms described below, for example{' '}
              <code>What is wpe? ? the position embedding table</code> (a <code>?</code> with spaces around it after the question),{' '}
              <code>wpe::the position embedding table</code>, or a question followed by a line holding only <code>?</code> and then the
              answer.
            </p>
          )}
          {parsed.warnings.length > 0 && (
            <div className="import-warnings">
              <h3>
                {parsed.warnings.length} {parsed.warnings.length === 1 ? 'line' : 'lines'} did not become a card
              </h3>
              <ul>
                {parsed.warnings.map((w, i) => (
                  <li key={i}>
                    Line {w.line}: {w.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="import-preview">
            <table>
              <caption>
                Preview: {n} {n === 1 ? 'card' : 'cards'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Type</th>
                  <th scope="col">Deck</th>
                  <th scope="col">Front</th>
                  <th scope="col">Back</th>
                </tr>
              </thead>
              <tbody>
                {parsed.cards.map((c) => (
                  <PreviewRow key={c.id} card={c} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
