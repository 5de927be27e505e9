// Attention: the causal mask as a grid; row = query position, column = key position; the upper triangle is −∞.
import { Label, svgStyle } from './svg-kit';

const W = 440;
const H = 432;
const TOKENS = ['To', 'Ġbe', ',', 'Ġor', 'Ġnot'];
const CELL = 54;
const GX = 130;
const GY = 92;

export function CausalMaskGrid() {
  const n = TOKENS.length;
  const mid = GY + (n * CELL) / 2;
  return (
    <svg role="img" aria-labelledby="causal-mask-title causal-mask-desc" viewBox={`0 0 ${W} ${H}`} width="100%" style={svgStyle(W)}>
      <title id="causal-mask-title">The causal mask for five tokens</title>
      <desc id="causal-mask-desc">
        A five by five grid for the tokens To, be, comma, or, not. Each row is a query and each column a key. Cells on or below the diagonal
        keep their score; cells above the diagonal, where the key comes later than the query, are set to minus infinity, so after the
        softmax they get zero weight. The first token can only look at itself; the last can look at all five.
      </desc>

      <Label x={GX + (n * CELL) / 2} y={40} anchor="middle" size={13} tone="muted">
        keys: the tokens being looked at →
      </Label>
      <text
        transform={`translate(34 ${mid}) rotate(-90)`}
        textAnchor="middle"
        style={{ fill: 'var(--muted)', fontSize: 13, fontFamily: 'var(--font-ui, system-ui, sans-serif)' }}
      >
        queries: the token doing the looking
      </text>

      {TOKENS.map((t, j) => (
        <Label key={`c${j}`} x={GX + j * CELL + CELL / 2} y={GY - 12} anchor="middle" mono size={13}>
          {t}
        </Label>
      ))}
      {TOKENS.map((t, i) => (
        <Label key={`r${i}`} x={GX - 12} y={GY + i * CELL + CELL / 2 + 5} anchor="end" mono size={13}>
          {t}
        </Label>
      ))}

      {TOKENS.map((_, i) =>
        TOKENS.map((__, j) => {
          const allowed = j <= i;
          const x = GX + j * CELL;
          const y = GY + i * CELL;
          return (
            <g key={`${i}-${j}`}>
              <rect x={x} y={y} width={CELL} height={CELL} style={{ fill: 'var(--surface)', stroke: 'var(--border)', strokeWidth: 1 }} />
              {allowed ? (
                <rect x={x + 1} y={y + 1} width={CELL - 2} height={CELL - 2} style={{ fill: 'var(--accent)', opacity: 0.22 }} />
              ) : null}
              <Label x={x + CELL / 2} y={y + CELL / 2 + 5} anchor="middle" size={13} tone={allowed ? 'fg' : 'muted'} mono>
                {allowed ? 'q·k' : '−∞'}
              </Label>
            </g>
          );
        }),
      )}

      <rect x={GX} y={GY + n * CELL + 22} width={16} height={16} style={{ fill: 'var(--accent)', opacity: 0.35 }} />
      <Label x={GX + 24} y={GY + n * CELL + 35} size={13}>
        kept: the scaled score q·k / √d_k
      </Label>
      <rect x={GX} y={GY + n * CELL + 46} width={16} height={16} style={{ fill: 'var(--surface)', stroke: 'var(--border)' }} />
      <Label x={GX + 24} y={GY + n * CELL + 59} size={13}>
        masked: −∞, so weight 0 after softmax
      </Label>
    </svg>
  );
}
