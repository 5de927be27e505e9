// Under the head thumbnails: the three patterns of lib/widgets/head-patterns.ts for every head of
// the layer, on the prompt being shown, with the heads that show one picked out.
import { useMemo } from 'react';
import { layerPatterns, PATTERN_THRESHOLD, type HeadPattern } from '@/lib/widgets/head-patterns';
import { fmtPct } from '@/lib/widgets/number-format';

interface Props {
  attn: Float32Array; // [nHead, T, T]
  nHead: number;
  ids: number[];
  layer: number;
}

const COLUMNS: { key: keyof HeadPattern; label: string }[] = [
  { key: 'previous', label: 'the previous token' },
  { key: 'first', label: 'the first token' },
  { key: 'induction', label: 'the token after an earlier copy' },
];

export default function HeadPatterns({ attn, nHead, ids, layer }: Props) {
  const patterns = useMemo(() => (ids.length >= 2 ? layerPatterns(attn, nHead, ids) : null), [attn, nHead, ids]);
  if (!patterns) return null;
  const columns = COLUMNS.filter((c) => patterns.some((p) => p[c.key] !== null));
  const strong = (v: number | null) => v !== null && v >= PATTERN_THRESHOLD;
  return (
    <div className="mw-table-wrap" tabIndex={0} role="region" aria-label={`What the heads of layer ${layer} attend to`}>
      <table className="mw-table mw-patterns" data-testid="head-patterns">
        <caption>
          Layer {layer} on this prompt: the mean attention each head gives to… (bold: {PATTERN_THRESHOLD * 100}% or more)
        </caption>
        <thead>
          <tr>
            <th scope="col">Head</th>
            {columns.map((c) => (
              <th scope="col" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {patterns.map((p, h) => (
            <tr key={h} data-head={h} data-previous={p.previous}>
              <th scope="row">h{h}</th>
              {columns.map((c) => {
                const v = p[c.key];
                return <td key={c.key}>{v === null ? '—' : strong(v) ? <strong>{fmtPct(v)}</strong> : fmtPct(v)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
