// Attention: 768 = 12 heads × 64; each head attends separately, then the heads are concatenated and mixed by c_proj.
import { ArrowDefs, Arrow, Box, Label, svgStyle } from './svg-kit';

const W = 460;
const H = 306;
const MARK = 'multi-head-arrow';
const HEADS = 12;
const SEG = 36;
const X0 = 14;

export function MultiHeadSplit() {
  const heads = Array.from({ length: HEADS }, (_, i) => i);
  const cx = (i: number) => X0 + i * SEG + SEG / 2;
  return (
    <svg role="img" aria-labelledby="multi-head-title multi-head-desc" viewBox={`0 0 ${W} ${H}`} width="100%" style={svgStyle(W)}>
      <title id="multi-head-title">Multi-head attention in GPT-2 small</title>
      <desc id="multi-head-desc">
        A token’s 768-number query, key and value vectors are each cut into 12 slices of 64 numbers. Each slice goes to its own head, which
        runs attention on its own. The 12 outputs of 64 numbers are concatenated back into 768 numbers, and c_proj, a 768 by 768 linear
        layer, mixes them.
      </desc>
      <ArrowDefs id={MARK} />

      <Label x={X0} y={20} bold>
        One token’s q (and k, v): 768 numbers
      </Label>
      {heads.map((i) => (
        <g key={`seg${i}`}>
          <rect
            x={X0 + i * SEG}
            y={32}
            width={SEG}
            height={30}
            style={{ fill: 'var(--surface)', stroke: 'var(--accent)', strokeWidth: 1.5 }}
          />
          <Label x={cx(i)} y={52} anchor="middle" size={12.5}>
            {i + 1}
          </Label>
        </g>
      ))}
      <Label x={W / 2} y={82} anchor="middle" size={13} tone="muted">
        12 slices × 64 numbers (d_k = 64 per head)
      </Label>
      {heads.map((i) => (
        <g key={`head${i}`}>
          <Arrow x1={cx(i)} y1={88} x2={cx(i)} y2={106} marker={MARK} />
          <rect
            x={X0 + i * SEG + 3}
            y={108}
            width={SEG - 6}
            height={36}
            rx={5}
            style={{ fill: 'var(--surface)', stroke: 'var(--accent-2)', strokeWidth: 1.5 }}
          />
          <Label x={cx(i)} y={131} anchor="middle" size={12}>{`h${i + 1}`}</Label>
          <Arrow x1={cx(i)} y1={174} x2={cx(i)} y2={194} marker={MARK} />
        </g>
      ))}
      <Label x={W / 2} y={164} anchor="middle" size={13} tone="muted">
        each head runs attention on its own, all in parallel
      </Label>
      <Box x={X0} y={196} w={HEADS * SEG} h={30} label="concatenate: 12 × 64 = 768" tone="accent" size={13} />
      <Arrow x1={W / 2} y1={226} x2={W / 2} y2={252} marker={MARK} />
      <Box x={120} y={254} w={220} h={40} label="c_proj: Linear 768 → 768" mono size={13} />
    </svg>
  );
}
