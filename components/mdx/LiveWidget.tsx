'use client';
import dynamic from 'next/dynamic';
import { WIDGETS, type WidgetName } from './widget-names';

function Placeholder({ name }: { name: WidgetName }) {
  const w = WIDGETS[name];
  return (
    <section className="widget-slot" aria-label={w.title} data-widget={name} style={{ minHeight: w.minHeight }}>
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
  generator: dynamic(() => import('@/components/widgets/Generator'), { ssr: false, loading: () => <Placeholder name="generator" /> }),
} satisfies Partial<Record<WidgetName, unknown>>;

export default function LiveWidget({ name, standalone }: { name: WidgetName; standalone?: boolean }) {
  const Loaded = (LOADERS as Partial<Record<WidgetName, React.ComponentType<{ standalone?: boolean }>>>)[name];
  if (!Loaded) return <Placeholder name={name} />;
  return (
    <div data-widget={name} style={{ minHeight: WIDGETS[name].minHeight }}>
      <Loaded standalone={standalone} />
    </div>
  );
}
