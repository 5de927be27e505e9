'use client';
// The attention explorer's pictures: one head's [T, T] heatmap (SVG, rows = query, columns = key),
// every head of a layer as thumbnails (canvas), and the colour legend. Masked cells (key after
// query, weight exactly 0) are hatched, not coloured, so the causal triangle is visible.
import { useEffect, useId, useRef, useState } from 'react';
import { legendGradient, probColor, scaleValue, textOn, viridis, type ScaleMode } from '@/lib/widgets/heatmap-scale';
import { fmt } from '@/lib/widgets/number-format';
import { shortLabel } from '@/lib/widgets/token-label';

const CHAR_W = 7; // px per character of the 11 px monospace axis labels (upper bound)
const LABEL_CHARS = 10;

export function cellSize(T: number): number {
  return T <= 12 ? 30 : T <= 24 ? 22 : T <= 40 ? 16 : 12;
}

interface HeatmapProps {
  /** [T, T] row-major: probs[i·T + j] = weight of key j for query i */
  probs: Float32Array;
  labels: string[];
  query: number;
  onQuery: (i: number) => void;
  scale: ScaleMode;
  /** 'layer 3, head 5' */
  title: string;
}

export function AttentionHeatmap({ probs, labels, query, onQuery, scale, title }: HeatmapProps) {
  const T = labels.length;
  const s = cellSize(T);
  const short = labels.map((l, i) => `${shortLabel(l, LABEL_CHARS)} ${i}`);
  const maxChars = Math.max(...short.map((l) => Array.from(l).length));
  const angle = s <= 16 ? 90 : 60; // column labels turned up; upright when the cells are too narrow for a slant
  const rad = (angle * Math.PI) / 180;
  const left = maxChars * CHAR_W + 10;
  const top = Math.ceil(maxChars * CHAR_W * Math.sin(rad)) + 10;
  const width = left + T * s + Math.ceil(maxChars * CHAR_W * Math.cos(rad)) + 4;
  const height = top + T * s + 4;
  const [hover, setHover] = useState<{ i: number; j: number } | null>(null);
  const hatch = `mw-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const shown = hover && hover.i < T && hover.j < T ? hover : null;

  const cellAt = (e: React.MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const j = Math.floor((e.clientX - r.left - left) / s);
    const i = Math.floor((e.clientY - r.top - top) / s);
    return i >= 0 && i < T && j >= 0 && j < T ? { i, j } : null;
  };

  return (
    <figure className="mw-heatmap">
      <div
        className="mw-scroll"
        tabIndex={0}
        role="group"
        aria-label={`Attention heatmap, ${title}. Up and down arrow keys choose the query token.`}
        onKeyDown={(e) => {
          const next = { ArrowUp: query - 1, ArrowDown: query + 1, Home: 0, End: T - 1 }[e.key];
          if (next === undefined) return;
          e.preventDefault();
          onQuery(Math.min(T - 1, Math.max(0, next)));
        }}
      >
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          style={{ width, height }}
          role="img"
          aria-label={`Attention weights of ${title}: ${T} query rows by ${T} key columns; the highlighted row is query ${query}, ${labels[query]}.`}
          onPointerMove={(e) => setHover(cellAt(e))}
          onPointerDown={(e) => setHover(cellAt(e))} // touch screens have no hover: a tap shows the cell too
          onPointerLeave={() => setHover(null)}
          onClick={(e) => {
            const c = cellAt(e);
            if (c) onQuery(c.i);
          }}
        >
          <defs>
            <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="0" y1="0" x2="0" y2="6" className="mw-hatch-line" />
            </pattern>
          </defs>
          {short.map((l, i) => (
            <text
              key={`r${i}`}
              x={left - 6}
              y={top + i * s + s / 2}
              className={`mw-axis${i === query ? ' is-active' : ''}`}
              textAnchor="end"
              dominantBaseline="central"
            >
              {l}
            </text>
          ))}
          {short.map((l, j) => (
            <text
              key={`c${j}`}
              className={`mw-axis${shown?.j === j ? ' is-active' : ''}`}
              dominantBaseline="central"
              transform={`translate(${left + j * s + s / 2},${top - 6}) rotate(-${angle})`}
            >
              {l}
            </text>
          ))}
          {Array.from({ length: T }, (_, i) => (
            <g key={i}>
              {Array.from({ length: i + 1 }, (_, j) => {
                const p = probs[i * T + j];
                return <rect key={j} x={left + j * s} y={top + i * s} width={s - 1} height={s - 1} fill={probColor(p, scale)} />;
              })}
              {i < T - 1 ? (
                <rect x={left + (i + 1) * s} y={top + i * s} width={(T - i - 1) * s - 1} height={s - 1} fill={`url(#${hatch})`} />
              ) : null}
              {s >= 30
                ? Array.from({ length: i + 1 }, (_, j) => {
                    const p = probs[i * T + j];
                    return (
                      <text
                        key={`t${j}`}
                        x={left + j * s + s / 2}
                        y={top + i * s + s / 2}
                        className="mw-cell-text"
                        textAnchor="middle"
                        dominantBaseline="central"
                        fill={textOn(viridis(scaleValue(p, scale)))}
                      >
                        {p.toFixed(2).replace(/^0/, '')}
                      </text>
                    );
                  })
                : null}
            </g>
          ))}
          <rect x={left - 1} y={top + query * s - 1} width={T * s + 1} height={s + 1} className="mw-row-mark" />
          {shown && shown.i !== query ? (
            <rect x={left - 1} y={top + shown.i * s - 1} width={T * s + 1} height={s + 1} className="mw-row-hover" />
          ) : null}
        </svg>
      </div>
      <figcaption className="mw-hover-info" aria-hidden="true">
        {shown
          ? shown.j > shown.i
            ? `query ${shown.i} “${labels[shown.i]}” → key ${shown.j} “${labels[shown.j]}”: masked (a later token), weight 0`
            : `query ${shown.i} “${labels[shown.i]}” → key ${shown.j} “${labels[shown.j]}”: weight ${fmt(probs[shown.i * T + shown.j], 4)}`
          : 'Point at or tap a cell for its weight; click or tap a row (or use ↑/↓) to choose the query token.'}
      </figcaption>
    </figure>
  );
}

interface ThumbProps {
  /** attn of one layer: [nh, T, T] */
  attn: Float32Array;
  nHead: number;
  T: number;
  head: number;
  onHead: (h: number) => void;
  scale: ScaleMode;
  layer: number;
}

function Thumb({ data, T, scale }: { data: Float32Array; T: number; scale: ScaleMode }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(T, T);
    for (let i = 0; i < T; i++) {
      for (let j = 0; j <= i; j++) {
        const [r, g, b] = viridis(scaleValue(data[i * T + j], scale));
        const o = (i * T + j) * 4;
        img.data[o] = r;
        img.data[o + 1] = g;
        img.data[o + 2] = b;
        img.data[o + 3] = 255; // masked cells stay transparent
      }
    }
    ctx.putImageData(img, 0, 0);
  }, [data, T, scale]);
  return <canvas ref={ref} width={T} height={T} aria-hidden="true" />;
}

/** Every head of one layer as a small picture; pressing one selects it. */
export function HeadThumbnails({ attn, nHead, T, head, onHead, scale, layer }: ThumbProps) {
  return (
    <div className="mw-thumbs" role="group" aria-label={`All ${nHead} heads of layer ${layer}`}>
      {Array.from({ length: nHead }, (_, h) => (
        <button
          key={h}
          type="button"
          className="mw-thumb"
          aria-pressed={h === head}
          aria-label={`h${h}: head ${h}`}
          onClick={() => onHead(h)}
        >
          <Thumb data={attn.subarray(h * T * T, (h + 1) * T * T)} T={T} scale={scale} />
          <span>h{h}</span>
        </button>
      ))}
    </div>
  );
}

export function ScaleLegend({ scale }: { scale: ScaleMode }) {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <div
      className="mw-legend"
      aria-label={`Colour scale (${scale === 'sqrt' ? 'square root' : 'linear'}): dark purple is weight 0, yellow is weight 1; hatched cells are masked.`}
      role="img"
    >
      <div className="mw-legend__scale">
        <div className="mw-legend__bar" style={{ background: legendGradient(scale) }} />
        <div className="mw-legend__ticks" aria-hidden="true">
          {ticks.map((t) => (
            <span key={t} style={{ left: `${t * 100}%` }}>
              {scale === 'sqrt' ? +(t * t).toFixed(4) : t}
            </span>
          ))}
        </div>
      </div>
      <span className="mw-legend__masked" aria-hidden="true">
        <span className="mw-legend__hatch" /> masked (later token, weight 0)
      </span>
    </div>
  );
}
