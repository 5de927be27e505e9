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
        <strong>{w.title}</strong> {w.built ? <span className="badge">loading…</span> : <span className="badge">coming soon</span>}
      </p>
      <p className="muted" style={{ margin: 0 }}>
        {w.built ? `Here you can ${w.what}` : `This slot will hold a live widget: ${w.what} It is not built yet, so nothing here pretends to come from the model.`}
      </p>
    </section>
  );
}

const LOADERS = {
  tokenizer: dynamic(() => import('@/components/widgets/TokenizerPlayground'), { ssr: false, loading: () => <Placeholder name="tokenizer" /> }),
  'training-pairs': dynamic(() => import('@/components/widgets/TrainingPairs'), { ssr: false, loading: () => <Placeholder name="training-pairs" /> }),
  attention: dynamic(() => import('@/components/widgets/AttentionExplorer'), { ssr: false, loading: () => <Placeholder name="attention" /> }),
  'kv-cache': dynamic(() => import('@/components/widgets/KvCacheMeter'), { ssr: false, loading: () => <Placeholder name="kv-cache" /> }),
  residual: dynamic(() => import('@/components/widgets/ResidualStream'), { ssr: false, loading: () => <Placeholder name="residual" /> }),
  'next-token': dynamic(() => import('@/components/widgets/NextTokenBars'), { ssr: false, loading: () => <Placeholder name="next-token" /> }),
  generator: dynamic(() => import('@/components/widgets/Generator'), { ssr: false, loading: () => <Placeholder name="generator" /> }),
} satisfies Partial<Record<WidgetName, unknown>>;

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
  const Loaded = (LOADERS as Partial<Record<WidgetName, React.ComponentType<{ standalone?: boolean }>>>)[name];
  const [ref, near] = useNearViewport<HTMLDivElement>();
  if (!Loaded || !near) {
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
