// <Widget name="…" /> in a lesson: a live widget, lazy-loaded behind a placeholder of the same size.
import LiveWidget from './LiveWidget';
import { WIDGETS, type WidgetName } from './widget-names';

export default function Widget({ name }: { name: WidgetName }) {
  const w = WIDGETS[name];
  if (!w) return <p role="alert">Unknown widget “{String(name)}”.</p>;
  return <LiveWidget name={name} />;
}
