'use client';
// A small SVG line chart for the residual-stream widget: a few series over the same x positions,
// told apart by colour (the theme's two accents), by marker shape and by dash, so colour is never
// the only cue. Decorative for screen readers: the widget's table carries the numbers.
import { axisPosition, logTicks, niceTicks, tickLabel } from '@/lib/widgets/chart-scale';
import { ScrollBox } from './model-widget-kit';

export type Marker = 'circle' | 'square' | 'triangle' | 'diamond';

export interface Series {
  name: string;
  values: number[];
  tone: 1 | 2;
  marker: Marker;
  dashed?: boolean;
}

function MarkerShape({ m, x, y }: { m: Marker; x: number; y: number }) {
  const r = 4;
  if (m === 'circle') return <circle cx={x} cy={y} r={r} />;
  if (m === 'square') return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} />;
  if (m === 'triangle') return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} />;
  return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`} />;
}

export function LegendMarker({ s }: { s: Series }) {
  return (
    <svg width="28" height="12" className={`mw-series mw-series--${s.tone}`} aria-hidden="true">
      <line x1="0" y1="6" x2="28" y2="6" strokeDasharray={s.dashed ? '4 3' : undefined} />
      <MarkerShape m={s.marker} x={14} y={6} />
    </svg>
  );
}

interface Props {
  xLabels: string[];
  series: Series[];
  log?: boolean;
  /** a sentence for screen readers, e.g. what rises and where the table is */
  label: string;
  yTitle: string;
  height?: number;
}

export default function MiniLineChart({ xLabels, series, log = false, label, yTitle, height = 190 }: Props) {
  const values = series.flatMap((s) => s.values).filter((v) => Number.isFinite(v));
  const ticks = log
    ? logTicks(Math.min(...values.filter((v) => v > 0)) / 1.5, Math.max(...values) * 1.5)
    : niceTicks(Math.max(...values) * 1.05);
  const left = 52;
  const top = 10;
  const bottom = 34;
  const step = Math.max(22, Math.min(48, 560 / Math.max(1, xLabels.length - 1)));
  const plotW = step * Math.max(1, xLabels.length - 1);
  const width = left + plotW + 16;
  const plotH = height - top - bottom;
  const x = (i: number) => left + i * step;
  const y = (v: number) => top + plotH * (1 - axisPosition(v, ticks, log));
  return (
    <ScrollBox label={label} className="mw-chart">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} style={{ width, height }} role="img" aria-label={label}>
        <text x={4} y={top + plotH / 2} className="mw-axis" transform={`rotate(-90 10 ${top + plotH / 2})`} textAnchor="middle">
          {yTitle}
        </text>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={left + plotW} y1={y(t)} y2={y(t)} className="mw-grid" />
            <text x={left - 4} y={y(t)} className="mw-axis" textAnchor="end" dominantBaseline="central">
              {tickLabel(t, log)}
            </text>
          </g>
        ))}
        {xLabels.map((l, i) => (
          <text key={i} x={x(i)} y={top + plotH + 14} className="mw-axis" textAnchor="middle">
            {l}
          </text>
        ))}
        {series.map((s) => (
          <g key={s.name} className={`mw-series mw-series--${s.tone}`}>
            <polyline
              fill="none"
              strokeDasharray={s.dashed ? '5 4' : undefined}
              points={s.values.flatMap((v, i) => (Number.isFinite(v) ? [`${x(i)},${y(v)}`] : [])).join(' ')}
            />
            {s.values.map((v, i) => (Number.isFinite(v) ? <MarkerShape key={i} m={s.marker} x={x(i)} y={y(v)} /> : null))}
          </g>
        ))}
      </svg>
    </ScrollBox>
  );
}
