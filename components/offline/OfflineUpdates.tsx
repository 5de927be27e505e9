'use client';
// Registers the service worker (the offline copy of the site; scripts/sw-template.js) and says when a
// new version is ready. Nothing reloads by itself: a review in progress is never cut off. "Reload"
// lets the new version take over and reloads this tab; other open tabs are told to reload too.
import { useEffect, useRef, useState } from 'react';
import { sitePath } from '@/lib/site';

type Notice = null | { kind: 'ready'; worker: ServiceWorker } | { kind: 'updated-elsewhere' };

export default function OfflineUpdates() {
  const [notice, setNotice] = useState<Notice>(null);
  const reloading = useRef(false);

  useEffect(() => {
    const sw = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
    if (!sw || process.env.NODE_ENV !== 'production') return;
    let hadController = !!sw.controller;
    const onControllerChange = () => {
      if (reloading.current) return location.reload();
      if (hadController) setNotice({ kind: 'updated-elsewhere' }); // not the first install: this page is from the old build
      hadController = true;
    };
    sw.addEventListener('controllerchange', onControllerChange);
    let cancelled = false;
    sw.register(sitePath('/sw.js'), { scope: sitePath('/') })
      .then((registration) => {
        const offer = () => {
          if (!cancelled && registration.waiting && sw.controller) setNotice({ kind: 'ready', worker: registration.waiting });
        };
        offer();
        registration.addEventListener('updatefound', () => {
          const installing = registration.installing;
          installing?.addEventListener('statechange', () => {
            if (installing.state === 'installed') offer();
          });
        });
      })
      .catch(() => {
        /* no offline copy (private mode, http, disabled): the site works online as before */
      });
    return () => {
      cancelled = true;
      sw.removeEventListener('controllerchange', onControllerChange);
    };
  }, []);

  if (!notice) return null;
  const reload = () => {
    reloading.current = true;
    if (notice.kind === 'ready') notice.worker.postMessage({ type: 'SKIP_WAITING' });
    else location.reload();
  };
  return (
    <div className="update-banner ui" role="status">
      <span>
        {notice.kind === 'ready'
          ? 'A new version of the pamphlet is ready.'
          : 'The pamphlet was updated in another tab; this page is from the previous version.'}{' '}
        Your reviews are saved either way.
      </span>
      <button type="button" className="btn btn--primary" onClick={reload}>
        Reload
      </button>
    </div>
  );
}
