'use client';
// A module that a page can start without (a tokenizer, a parser, a renderer): fetched the first time
// it is wanted, once, and fetched again after a failure (offline before the service worker had the
// file), so one bad moment does not break the page until a reload.
import { useEffect, useState } from 'react';

export interface LazyModule<T> {
  /** The module, fetching it if it is not here yet. */
  load: () => Promise<T>;
  /** The module if it has arrived, without waiting. */
  current: () => T | null;
  /**
   * The module once `want` is truthy (or already here). After a load that failed, `failed` is true
   * and a change of `want` (the learner's next edit, say) tries again.
   */
  useModule: (want: boolean | string) => { module: T | null; failed: boolean };
}

export function lazyModule<T>(fetchModule: () => Promise<T>): LazyModule<T> {
  let module: T | null = null;
  let loading: Promise<T> | null = null;
  const load = () =>
    (loading ??= fetchModule().then(
      (m) => (module = m),
      (e: unknown) => {
        loading = null;
        throw e;
      },
    ));
  function useModule(want: boolean | string) {
    const [state, setState] = useState<{ module: T | null; failed: boolean }>(() => ({ module, failed: false }));
    useEffect(() => {
      if (state.module || !want) return;
      let live = true;
      load().then(
        (m) => live && setState({ module: m, failed: false }),
        () => live && setState({ module: null, failed: true }),
      );
      return () => {
        live = false;
      };
    }, [state.module, want]);
    return state;
  }
  return { load, current: () => module, useModule };
}
