'use client';
// Card faces in the browser (the review page; the deck page's answers and the learner's own cards;
// the import page's preview).
// A lesson card's faces were rendered at build time into /card-faces.json (lib/srs/card-faces-map.ts,
// keyed by the card's exact text); any other card is rendered here, by the renderer (remark, rehype,
// sanitize and KaTeX: the largest script of the study pages), which loads only when such a card is
// shown. Until the faces arrive the card shows an empty face (milliseconds on a desktop, longer on
// a slow phone).
import { useEffect, useMemo, useState } from 'react';
import { facesKey, type FacesKeyCard } from '@/lib/cards/faces-key';
import { sitePath } from '@/lib/site';
import { lazyModule } from '../lazy-module';

type Renderer = typeof import('@/lib/cards/card-html');
type Faces = ReturnType<Renderer['cardFaces']>;

/** What a card shows while its faces load. */
export const NO_FACES: Faces = { front: '', back: '', extra: '' };

// Fetched again for the next card after a failed load (offline before the files were cached).
const renderer = lazyModule<Renderer>(() => Promise.all([import('@/lib/cards/card-html'), import('./katex-style')]).then(([r]) => r));
let prerendered: Record<string, Faces> | null = null;
let prerenderedLoading: Promise<Record<string, Faces>> | null = null;

/** The build's faces; an empty map when they cannot be fetched (every card is then rendered here). */
function loadPrerendered(): Promise<Record<string, Faces>> {
  prerenderedLoading ??= fetch(sitePath('/card-faces.json'))
    .then((r) => (r.ok ? (r.json() as Promise<Record<string, Faces>>) : {}))
    .catch(() => ({}))
    .then((map) => (prerendered = map));
  return prerenderedLoading;
}

/** The faces if they can be had without waiting. */
function facesNow(card: FacesKeyCard, n: number | 'all', key: string): Faces | null {
  return prerendered?.[key] ?? renderer.current()?.cardFaces(card, n) ?? null;
}

/**
 * The card's faces once they are available (null until then). `enabled: false` loads nothing;
 * `lessonFaces: false` does not fetch /card-faces.json (the learner's own notes are rarely a lesson's
 * card word for word) and goes straight to the renderer.
 */
export function useCardFaces(
  card: FacesKeyCard,
  n: number | 'all',
  { enabled = true, lessonFaces = true }: { enabled?: boolean; lessonFaces?: boolean } = {},
): Faces | null {
  const key = facesKey(card, n);
  const [arrived, setArrived] = useState(0); // bumped when the build's faces or the renderer arrive
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the card's text; `arrived` re-reads the module's caches
  const faces = useMemo(() => (enabled ? facesNow(card, n, key) : null), [enabled, key, arrived]);
  useEffect(() => {
    if (!enabled || faces) return;
    let live = true;
    void (lessonFaces ? loadPrerendered() : Promise.resolve<Record<string, Faces>>({}))
      .then((map) => map[key] ?? renderer.load())
      .catch(() => undefined) // the card stays blank; the next one tries again
      .then(() => live && setArrived((a) => a + 1));
    return () => {
      live = false;
    };
  }, [enabled, faces, key, lessonFaces]);
  return faces;
}
