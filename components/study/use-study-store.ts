'use client';
// React's view of the one flashcard store (lib/srs/store.ts). The store is created with
// skipHydration, so the first component that mounts starts loading IndexedDB; until `hydrated`
// every page renders the same placeholder as the server did (no hydration mismatch).

import { useCallback, useDeferredValue, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { pamphletStore, type PamphletState } from '@/lib/srs';

let rehydrating: Promise<void> | undefined;

/** Selects from the store; starts loading the saved data once, after mount. */
export function useStudyStore<T>(selector: (s: PamphletState) => T): T {
  const store = pamphletStore();
  useEffect(() => {
    rehydrating ??= Promise.resolve(store.persist.rehydrate()).catch((e: unknown) => {
      store.setState({ hydrated: true, storageError: `Saved progress could not be loaded (${String(e)}).` });
    });
  }, [store]);
  return useStore(store, selector);
}

/**
 * True once the saved data is loaded (or failed to load and the defaults are in use). Deferred: the
 * store's own update renders synchronously (it comes from outside React), so what it unlocks (the
 * review session, the statistics, the deck's rows) renders in a second, lower-priority pass after
 * it, which React can pause between components.
 */
export function useHydrated(): boolean {
  return useDeferredValue(useStudyStore((s) => s.hydrated));
}

/**
 * The time at the UI edge: null during server rendering and the first client render, then a Date
 * that refreshes every `refreshMs` and whenever `bump()` is called (after an answer).
 */
export function useNow(refreshMs = 60_000): [Date | null, () => void] {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const id = setInterval(() => setNow(new Date()), refreshMs);
    return () => clearInterval(id);
  }, [refreshMs]);
  const bump = useCallback(() => setNow(new Date()), []);
  return [now, bump];
}
