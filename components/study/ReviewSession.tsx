'use client';
// The review loop: the queue from pickSession (due first, then new up to the daily limit), one
// item at a time, Space to reveal, 1–4 to grade, U or Ctrl+Z to undo. The item on screen stays
// pinned until it is answered, even when the queue is recomputed underneath it.

import Link from '@/components/SiteLink';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Card } from '@/lib/cards/card';
import { checkClozeAnswer, type AnswerCheck } from '@/lib/cards';
import {
  GRADES,
  GRADE_NAMES,
  Rating,
  formatInterval,
  matchesFilter,
  pamphletStore,
  reviewItems,
  type Grade,
  type SessionFilter,
} from '@/lib/srs';
import GradeBar from './GradeBar';
import Placeholder from './Placeholder';
import ReviewCard from './ReviewCard';
import ReviewSettings from './ReviewSettings';
import {
  describeWhen,
  heldBackNew,
  keyAction,
  nextReviewAt,
  progressText,
  reviewHref,
  sessionSummary,
  studyCards,
  studySession,
} from './study-model';
import { useHydrated, useNow, useStudyStore } from './use-study-store';
import './study.css';

// A timer longer than this is not worth keeping; the minute tick takes over.
const MAX_WAIT_MS = 3_600_000;

function focusTarget(target: EventTarget | null) {
  const el = target instanceof HTMLElement ? target : null;
  const textTypes = new Set(['text', 'search', 'number', 'email', 'url', 'tel', 'password', '']);
  const inTextField =
    !!el &&
    (el.isContentEditable ||
      el instanceof HTMLTextAreaElement ||
      el instanceof HTMLSelectElement ||
      (el instanceof HTMLInputElement && textTypes.has(el.type)));
  const onControl = !!el?.closest('button, a[href], summary, input, select, label');
  return { inTextField, onControl };
}

export default function ReviewSession({
  lessonCards,
  filter,
  pastLimit = false,
}: {
  lessonCards: readonly Card[];
  filter: SessionFilter;
  /** Introduce every new card of the filter today, whatever the daily limit. */
  pastLimit?: boolean;
}) {
  const hydrated = useHydrated();
  const progress = useStudyStore((s) => s.progress);
  const importedCards = useStudyStore((s) => s.imported.cards);
  const settings = useStudyStore((s) => s.settings);
  const canUndo = useStudyStore((s) => s.lastUndo !== null);
  const [now, bump] = useNow(60_000);
  const [sessionStart] = useState(() => new Date()); // this visit to the review page, for the summary at its end

  // Only once the stored progress is read: before that nothing is shown, and the work (every blank
  // of every card) would land in the page's first, blocking task.
  const items = useMemo(
    () => (hydrated ? reviewItems(studyCards(lessonCards, importedCards)) : []),
    [hydrated, lessonCards, importedCards],
  );
  const byKey = useMemo(() => new Map(items.map((i) => [i.key, i])), [items]);
  const input = useMemo(
    () => (hydrated && now ? { items, progress, settings, filter, now, pastLimit } : null),
    [hydrated, now, items, progress, settings, filter, pastLimit],
  );
  const session = useMemo(() => (input ? studySession(input) : null), [input]);

  const [pinned, setPinned] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [typed, setTyped] = useState('');
  const [check, setCheck] = useState<AnswerCheck | null>(null);
  const current = (pinned ? byKey.get(pinned) : undefined) ?? session?.queue[0];
  useEffect(() => {
    if (current && current.key !== pinned) setPinned(current.key);
  }, [current, pinned]);

  const typing = settings.typedAnswer && current?.cloze !== undefined;
  // The grade buttons' intervals come from the store's scheduler at the moment of the reveal, and
  // grading applies exactly the result a button showed.
  const [revealedAt, setRevealedAt] = useState<Date | null>(null);
  const itemState = current ? progress.states[current.key] : undefined; // an undo or another tab can change it
  const preview = useMemo(
    () => (current && revealedAt ? pamphletStore().getState().preview(itemState, revealedAt) : null),
    [current, revealedAt, itemState],
  );

  // Focus: the grade buttons after a reveal; the next card's first control after an answer or undo.
  const gradeRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement & HTMLInputElement>(null);
  const emptyRef = useRef<HTMLDivElement>(null);
  const focusStart = useRef(false);
  // When the current card was first shown: the answer time goes into the review log (and to Anki).
  const shownAt = useRef(0);
  const currentKey = current?.key;
  useEffect(() => {
    shownAt.current = Date.now();
  }, [currentKey]);
  useLayoutEffect(() => {
    if (revealed) gradeRef.current?.focus();
  }, [revealed, current?.key]);
  useLayoutEffect(() => {
    if (!focusStart.current || revealed) return;
    focusStart.current = false;
    (startRef.current ?? emptyRef.current)?.focus();
  });

  // When nothing is due, wake up when the next item is.
  const next = useMemo(() => (input && session?.queue.length === 0 ? nextReviewAt(input) : null), [input, session]);
  const summary = useMemo(() => sessionSummary(progress, sessionStart), [progress, sessionStart]);
  const heldBack = useMemo(() => (input && session?.queue.length === 0 ? heldBackNew(input, session) : 0), [input, session]);
  useEffect(() => {
    if (!next || !input) return;
    const wait = next.getTime() - input.now.getTime() + 250;
    if (wait > MAX_WAIT_MS) return;
    const id = setTimeout(bump, Math.max(0, wait));
    return () => clearTimeout(id);
  }, [next, input, bump]);

  const resetCard = () => {
    setRevealed(false);
    setRevealedAt(null);
    setTyped('');
    setCheck(null);
    focusStart.current = true;
  };
  const reveal = () => {
    if (!current) return;
    if (typing) setCheck(checkClozeAnswer(current.card.front, current.cloze!, typed));
    setRevealedAt(new Date());
    setRevealed(true);
  };
  const grade = (rating: Grade) => {
    if (!current || !revealed || !preview) return;
    const now = new Date();
    pamphletStore()
      .getState()
      .grade(current, rating, now, now.getTime() - shownAt.current, preview[rating]);
    setPinned(null);
    resetCard();
    bump();
  };
  const undo = () => {
    const store = pamphletStore().getState();
    const key = store.lastUndo?.key;
    if (!key || !store.undo()) return;
    setPinned(key);
    resetCard();
    bump();
  };

  // One listener for the page's life; it reads the latest render's state through a ref that is
  // updated before paint, so a key pressed right after a change never meets a stale closure.
  const onKey = useRef<(e: KeyboardEvent) => void>(() => {});
  useLayoutEffect(() => {
    onKey.current = (e) => {
      if (e.defaultPrevented || e.isComposing) return;
      const action = keyAction(
        { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, ...focusTarget(e.target) },
        { revealed, hasCard: !!current },
      );
      if (!action || (e.repeat && action.kind !== 'reveal')) return;
      e.preventDefault();
      if (action.kind === 'reveal') reveal();
      else if (action.kind === 'grade') grade(action.grade);
      else undo();
    };
  });
  useLayoutEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (!session || !now) {
    return <Placeholder className="review-placeholder" />;
  }

  const matching = items.some((i) => matchesFilter(i, filter));
  const focusGrade: Grade = check && !check.correct ? Rating.Again : Rating.Good;

  return (
    <div className="review ui">
      <div className="review__bar">
        <p className="review__progress" role="status" aria-label="Session progress">
          {progressText(session)}
        </p>
        <button type="button" className="btn" onClick={undo} disabled={!canUndo} aria-keyshortcuts="U Control+Z">
          Undo
        </button>
      </div>
      {current ? (
        <ReviewCard
          item={current}
          revealed={revealed}
          typing={typing}
          typed={typed}
          check={check}
          onTyped={setTyped}
          onCheck={reveal}
          onReveal={reveal}
          startRef={startRef}
        >
          {preview ? <GradeBar preview={preview} onGrade={grade} focusGrade={focusGrade} focusRef={gradeRef} /> : null}
        </ReviewCard>
      ) : (
        <div className="review-empty" ref={emptyRef} tabIndex={-1}>
          {!matching ? (
            <p>There are no cards here. Pick a lesson from the home page, or import your own notes.</p>
          ) : (
            <>
              {summary.answers > 0 ? (
                <p data-testid="session-summary">
                  <strong>Session done:</strong> {summary.answers} answer{summary.answers === 1 ? '' : 's'} (
                  {GRADES.filter((g) => summary.byGrade[g] > 0)
                    .map((g) => `${summary.byGrade[g]} ${GRADE_NAMES[g]}`)
                    .join(', ')}
                  ).
                </p>
              ) : null}
              <p>
                <strong>Nothing due</strong> — {next ? `next review ${describeWhen(next, now, formatInterval)}` : 'every card is learned.'}
              </p>
              {summary.answers > 0 ? (
                <p className="muted">
                  Next: see how you are doing in <Link href="/stats/">Statistics</Link>,{' '}
                  {filter.lesson ? <Link href={`/lessons/${filter.lesson}/`}>reread the lesson</Link> : <Link href="/">read a lesson</Link>}
                  , or <Link href="/import/">turn your own notes into cards</Link>.
                </p>
              ) : null}
            </>
          )}
          {matching && heldBack > 0 && (
            <p data-testid="held-back">
              {heldBack} new {heldBack === 1 ? 'card waits' : 'cards wait'} for another day: you have started {session.newToday} of
              today&apos;s {settings.dailyNewLimit} new cards.{' '}
              <Link className="btn btn--primary" href={reviewHref(filter, true)}>
                Study {heldBack === 1 ? 'it' : `these ${heldBack}`} now
              </Link>{' '}
              <span className="muted">or raise the daily limit in the settings below.</span>
            </p>
          )}
        </div>
      )}
      <p className="review__keys muted">Keys: Space shows the answer · 1 Again · 2 Hard · 3 Good · 4 Easy · U undo</p>
      <ReviewSettings settings={settings} />
    </div>
  );
}
