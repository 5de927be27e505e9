import type { ReactNode } from 'react';

const LABELS = { note: 'Note', tip: 'Tip', warning: 'Careful' } as const;

export default function Callout({ kind = 'note', title, children }: { kind?: keyof typeof LABELS; title?: string; children: ReactNode }) {
  return (
    <aside className={`callout callout--${kind}`} aria-label={title ?? LABELS[kind]}>
      <p className="callout__title">{title ?? LABELS[kind]}</p>
      {children}
    </aside>
  );
}
