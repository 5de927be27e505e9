'use client';
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import { WIDGETS, type WidgetName } from './widget-names';
import '@/components/widgets/widgets.css'; // the placeholders need the widgets' responsive height rules

// Widgets whose height changes with the viewport reserve it with a CSS class (widgets.css) instead of minHeight.
const SIZE: Partial<Record<WidgetName, string>> = { tokenizer: 'wg-size--tokenizer', 'training-pairs': 'wg-size--training-pairs' };
const reserve = (name: WidgetName) => (SIZE[name] ? undefined : { minHeight: WIDGETS[name].minHeight });

function Placeholder({ name }: { name: WidgetName }) {
  const w = WIDGETS[name];
  return (
    <section className={`widget-slot ${SIZE[name] ?? ''}`} aria-label={w.title} data-widget={name} style={reserve(name)}>
      <p className="widget-slot__title">
        <strong>{w.title}</strong> <span className="badge">loading…</span>
      </p>
      <p className="muted" style={{ margin: 0 }}>
        Here you can {w.what}
      </p>
    </section>
  );
}

type WidgetComponent = React.ComponentType<{ standalone?: boolean }>;

// One lazily loaded chunk per widget; a name without an entry here is a type error.
const IMPORTS = {
  tokenizer: () => import('@/components/widgets/TokenizerPlayground'),
  'training-pairs': () => import('@/components/widgets/TrainingPairs'),
  attention: () => import('@/components/widgets/AttentionExplorer'),
  'kv-cache': () => import('@/components/widgets/KvCacheMeter'),
  residual: () => import('@/components/widgets/ResidualStream'),
  'next-token': () => import('@/components/widgets/NextTokenBars'),
  generator: () => import('@/components/widgets/Generator'),
  trainer: () => import('@/components/train/TrainerWidget'),
} satisfies Record<WidgetName, () => Promise<{ default: unknown }>>;

const LOADERS = Object.fromEntries(
  // Every widget takes only optional props (the generator reads `standalone`), so one props type fits all.
  (Object.keys(IMPORTS) as WidgetName[]).map((name) => [
    name,
    dynamic(IMPORTS[name] as () => Promise<{ default: WidgetComponent }>, { ssr: false, loading: () => <Placeholder name={name} /> }),
  ]),
) as Record<WidgetName, WidgetComponent>;

/** True once the element comes within a screen of the viewport: widgets load their code only then. */
function useNearViewport<T extends Element>(): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    if (typeof IntersectionObserver === 'undefined') return setNear(true);
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '100% 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  return [ref, near];
}

export default function LiveWidget({ name, standalone }: { name: WidgetName; standalone?: boolean }) {
  const Loaded = LOADERS[name];
  const [ref, near] = useNearViewport<HTMLDivElement>();
  if (!near) {
    return (
      <div ref={ref}>
        <Placeholder name={name} />
      </div>
    );
  }
  return (
    <div data-widget={name} className={SIZE[name]} style={reserve(name)}>
      <Loaded standalone={standalone} />
    </div>
  );
}
