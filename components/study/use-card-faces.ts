'use client';
// Card faces rendered in the browser (the review page; the learner's own cards on the deck page). The renderer (remark, rehype and KaTeX: the largest script of the
// study pages) is loaded after the page is interactive instead of with it; until it arrives the
// card shows an empty face (a few milliseconds on a desktop, longer on a slow phone).
import { useEffect, useMemo, useState } from 'react';
import type { Card } from '@/lib/cards/card';

type Renderer = typeof import('@/lib/cards/card-html');
let loaded: Renderer | null = null;
let loading: Promise<Renderer> | null = null;

function loadRenderer(): Promise<Renderer> {
  loading ??= import('@/lib/cards/card-html').then((r) => (loaded = r));
  return loading;
}

/** The card's faces once the renderer has loaded (null until then); `enabled: false` never loads it. */
export function useCardFaces(
  card: Pick<Card, 'type' | 'front' | 'back'>,
  n: number | 'all',
  enabled = true,
): ReturnType<Renderer['cardFaces']> | null {
  const [renderer, setRenderer] = useState<Renderer | null>(loaded);
  useEffect(() => {
    if (renderer || !enabled) return;
    let live = true;
    void loadRenderer().then((r) => live && setRenderer(r));
    return () => {
      live = false;
    };
  }, [renderer, enabled]);
  return useMemo(() => (renderer && enabled ? renderer.cardFaces(card, n) : null), [renderer, enabled, card, n]);
}
