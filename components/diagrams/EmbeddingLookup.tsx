// Architecture: nn.Embedding is a table; looking up token id i returns row i.
import { ArrowDefs, Arrow, Box, Label, svgStyle } from './svg-kit';

const W = 460;
const H = 304;
const MARK = 'embedding-lookup-arrow';
const TX = 150; // table left edge
const TW = 180;
const ROW = 24;
const Y0 = 40;

// Values are made up; the real rows hold learned numbers.
const ROWS: { id: string; cells?: string; hit?: string }[] = [
  { id: '0', cells: '0.03 −0.12 … 0.08' },
  { id: '1', cells: '−0.05 0.21 … −0.01' },
  { id: '2', cells: '0.11 0.04 … −0.17' },
  { id: '⋮' },
  { id: '995', cells: '−0.02 0.09 … 0.14', hit: 'Ġworld' },
  { id: '⋮' },
  { id: '15496', cells: '0.07 −0.03 … 0.05', hit: 'Hello' },
  { id: '⋮' },
  { id: '50256', cells: '0.01 0.00 … −0.09' },
];

export function EmbeddingLookup() {
  return (
    <svg
      role="img"
      aria-labelledby="embedding-lookup-title embedding-lookup-desc"
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      style={svgStyle(W)}
    >
      <title id="embedding-lookup-title">An embedding is a lookup table</title>
      <desc id="embedding-lookup-desc">
        wte.weight is a table with 50257 rows and 768 columns. The ids 15496 for “Hello” and 995 for “ world” each select their row, and
        that row of 768 numbers is the token’s vector. Nothing is multiplied; the layer only indexes the array.
      </desc>
      <ArrowDefs id={MARK} />
      <Label x={10} y={22} bold>
        wte.weight: one array, 50257 rows × 768 columns
      </Label>

      {ROWS.map((r, i) => {
        const y = Y0 + i * ROW;
        if (!r.cells) {
          return (
            <Label key={`gap${i}`} x={TX + TW / 2} y={y + 17} anchor="middle" tone="muted">
              ⋮
            </Label>
          );
        }
        return (
          <g key={r.id}>
            <rect
              x={TX}
              y={y}
              width={TW}
              height={ROW}
              style={{ fill: 'var(--surface)', stroke: r.hit ? 'var(--accent)' : 'var(--border)', strokeWidth: r.hit ? 2 : 1 }}
            />
            {r.hit ? <rect x={TX} y={y} width={TW} height={ROW} style={{ fill: 'var(--accent)', opacity: 0.14 }} /> : null}
            {r.hit ? null : (
              <Label x={TX - 8} y={y + 17} anchor="end" mono size={12.5} tone="muted">
                {r.id}
              </Label>
            )}
            <Label x={TX + TW / 2} y={y + 17} anchor="middle" mono size={12}>
              {r.cells}
            </Label>
          </g>
        );
      })}

      {ROWS.map((r, i) => {
        if (!r.hit) return null;
        const cy = Y0 + i * ROW + ROW / 2;
        return (
          <g key={`hit${r.id}`}>
            <Box x={6} y={cy - 20} w={84} h={40} label={r.id} sub={r.hit} mono size={13.5} tone="accent" />
            <Arrow x1={90} y1={cy} x2={TX - 2} y2={cy} marker={MARK} />
            <Arrow x1={TX + TW} y1={cy} x2={350} y2={cy} marker={MARK} />
            <Box x={352} y={cy - 16} w={100} h={32} label="768 numbers" size={13} tone="accent" />
          </g>
        );
      })}
      <Label x={10} y={282} size={12.5} tone="muted">
        Looking up id i returns row i: wte(ids) is wte.weight[ids].
      </Label>
      <Label x={10} y={298} size={12.5} tone="muted">
        (The numbers shown are made up.)
      </Label>
    </svg>
  );
}
