// Shared drawing parts for the lesson diagrams. Colours come from the theme's CSS variables
// (set through `style`, where var() always resolves), so every diagram follows dark mode.
import type { CSSProperties, ReactNode } from 'react';

export type Tone = 'plain' | 'accent' | 'accent2' | 'muted';

const STROKE: Record<Tone, string> = {
  plain: 'var(--border)',
  accent: 'var(--accent)',
  accent2: 'var(--accent-2)',
  muted: 'var(--muted)',
};

export const FONT_UI = 'var(--font-ui, system-ui, sans-serif)';
export const FONT_MONO = 'var(--font-mono, ui-monospace, monospace)';

/** Style for the root <svg>: scales to its container, never larger than ~1.25× its own width. */
export function svgStyle(viewBoxWidth: number): CSSProperties {
  return { display: 'block', margin: '0 auto', maxWidth: Math.round(viewBoxWidth * 1.25), height: 'auto', fontFamily: FONT_UI };
}

/** An arrowhead marker; `id` must be unique on the page, so each diagram prefixes its own. */
export function ArrowDefs({ id }: { id: string }) {
  return (
    <defs>
      <marker id={id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
        <path d="M0,0 L10,5 L0,10 z" style={{ fill: 'var(--muted)' }} />
      </marker>
    </defs>
  );
}

interface TextProps {
  x: number;
  y: number;
  children: ReactNode;
  size?: number;
  anchor?: 'start' | 'middle' | 'end';
  tone?: 'fg' | 'muted' | 'accent' | 'accent2';
  mono?: boolean;
  bold?: boolean;
}

const TEXT_FILL = { fg: 'var(--fg)', muted: 'var(--muted)', accent: 'var(--accent)', accent2: 'var(--accent-2)' } as const;

export function Label({ x, y, children, size = 14, anchor = 'start', tone = 'fg', mono = false, bold = false }: TextProps) {
  return (
    <text
      x={x}
      y={y}
      textAnchor={anchor}
      style={{ fill: TEXT_FILL[tone], fontSize: size, fontFamily: mono ? FONT_MONO : FONT_UI, fontWeight: bold ? 600 : 400 }}
    >
      {children}
    </text>
  );
}

interface BoxProps {
  x: number;
  y: number;
  w: number;
  h: number;
  tone?: Tone;
  /** Main line, centred. */
  label?: ReactNode;
  /** Optional second line, smaller and muted. */
  sub?: ReactNode;
  mono?: boolean;
  size?: number;
  dashed?: boolean;
  /** Tint the inside with the tone's colour (for highlighted boxes). */
  tint?: boolean;
}

export function Box({ x, y, w, h, tone = 'plain', label, sub, mono = false, size = 14, dashed = false, tint = false }: BoxProps) {
  const cx = x + w / 2;
  const hasSub = sub !== undefined && sub !== null;
  const labelY = hasSub ? y + h / 2 - 3 : y + h / 2 + size * 0.35;
  return (
    <g>
      <rect
        x={x}
        y={y}
        width={w}
        height={h}
        rx={6}
        style={{
          fill: 'var(--surface)',
          stroke: STROKE[tone],
          strokeWidth: tone === 'plain' ? 1.25 : 2,
          strokeDasharray: dashed ? '5 4' : undefined,
        }}
      />
      {tint ? <rect x={x} y={y} width={w} height={h} rx={6} style={{ fill: STROKE[tone], opacity: 0.14 }} /> : null}
      {label !== undefined ? (
        <Label x={cx} y={labelY} anchor="middle" mono={mono} size={size}>
          {label}
        </Label>
      ) : null}
      {hasSub ? (
        <Label x={cx} y={y + h / 2 + 14} anchor="middle" tone="muted" size={12.5}>
          {sub}
        </Label>
      ) : null}
    </g>
  );
}

/** A straight arrow from (x1, y1) to (x2, y2). */
export function Arrow({
  x1,
  y1,
  x2,
  y2,
  marker,
  tone = 'muted',
  dashed = false,
}: {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  marker: string;
  tone?: Tone;
  dashed?: boolean;
}) {
  return (
    <line
      x1={x1}
      y1={y1}
      x2={x2}
      y2={y2}
      markerEnd={`url(#${marker})`}
      style={{ stroke: STROKE[tone], strokeWidth: 1.6, strokeDasharray: dashed ? '5 4' : undefined }}
    />
  );
}

/** An arrow along an SVG path (for elbows and loops). */
export function PathArrow({
  d,
  marker,
  tone = 'muted',
  dashed = false,
  width = 1.6,
}: {
  d: string;
  marker?: string;
  tone?: Tone;
  dashed?: boolean;
  width?: number;
}) {
  return (
    <path
      d={d}
      markerEnd={marker ? `url(#${marker})` : undefined}
      style={{ fill: 'none', stroke: STROKE[tone], strokeWidth: width, strokeDasharray: dashed ? '5 4' : undefined }}
    />
  );
}

/** The ⊕ of a residual connection. */
export function AddNode({ cx, cy, tone = 'accent' }: { cx: number; cy: number; tone?: Tone }) {
  return (
    <g>
      <circle cx={cx} cy={cy} r={10} style={{ fill: 'var(--surface)', stroke: STROKE[tone], strokeWidth: 2 }} />
      <line x1={cx - 5.5} y1={cy} x2={cx + 5.5} y2={cy} style={{ stroke: STROKE[tone], strokeWidth: 2 }} />
      <line x1={cx} y1={cy - 5.5} x2={cx} y2={cy + 5.5} style={{ stroke: STROKE[tone], strokeWidth: 2 }} />
    </g>
  );
}

/** Width of a monospace token box for `chars` characters at `size` px (≈0.6em per glyph). */
export function monoWidth(chars: number, size = 14, pad = 16): number {
  return Math.round(chars * size * 0.6 + pad);
}
