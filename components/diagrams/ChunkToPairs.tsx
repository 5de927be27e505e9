// Tokenization: one chunk of block_size + 1 tokens → inputs x, targets y (shifted by one) → block_size examples.
import { ArrowDefs, Arrow, Box, Label, svgStyle } from './svg-kit';

const W = 460;
const H = 330;
const MARK = 'chunk-to-pairs-arrow';

// The opening of tiny Shakespeare, "First Citizen:\nBefore", in GPT-2 tokens.
const TOKENS = [
  { t: 'First', id: 5962 },
  { t: 'ĠCitizen', id: 22307 },
  { t: ':', id: 25 },
  { t: 'Ċ', id: 198 },
  { t: 'Before', id: 8421 },
];
const BLOCK = 4;
const CELL = 82;
const GAP = 6;
const X0 = 13;

function ctxWidth(t: string): number {
  return Math.max(26, Math.round(t.length * 13 * 0.6 + 12));
}

export function ChunkToPairs() {
  const span = (from: number, to: number) => ({ x: X0 + from * (CELL + GAP), w: (to - from) * CELL + (to - from - 1) * GAP });
  const xs = span(0, BLOCK);
  const ys = span(1, BLOCK + 1);
  return (
    <svg role="img" aria-labelledby="chunk-to-pairs-title chunk-to-pairs-desc" viewBox={`0 0 ${W} ${H}`} width="100%" style={svgStyle(W)}>
      <title id="chunk-to-pairs-title">One chunk of tokens becomes block_size training examples</title>
      <desc id="chunk-to-pairs-desc">
        Five tokens, First, space Citizen, colon, newline, Before, with ids 5962, 22307, 25, 198, 8421. The inputs x are the first four, the
        targets y are the same tokens shifted left by one. That gives four examples: First predicts Citizen; First Citizen predicts the
        colon; First Citizen colon predicts the newline; and all four predict Before.
      </desc>
      <ArrowDefs id={MARK} />

      <Label x={X0} y={20} bold>
        A chunk of block_size + 1 = 5 tokens
      </Label>
      {TOKENS.map((tok, i) => (
        <g key={tok.id}>
          <Box x={X0 + i * (CELL + GAP)} y={32} w={CELL} h={46} />
          <Label x={X0 + i * (CELL + GAP) + CELL / 2} y={52} anchor="middle" mono size={14}>
            {tok.t}
          </Label>
          <Label x={X0 + i * (CELL + GAP) + CELL / 2} y={70} anchor="middle" tone="muted" size={12}>
            {tok.id}
          </Label>
        </g>
      ))}
      <Box x={xs.x} y={88} w={xs.w} h={22} tone="accent" tint label="x = inputs (tokens 0–3)" size={13} />
      <Box x={ys.x} y={116} w={ys.w} h={22} tone="accent2" tint label="y = targets: x shifted by one" size={13} />

      <Label x={X0} y={164} bold>
        … gives block_size = 4 training examples
      </Label>
      <Label x={X0} y={182} size={12.5} tone="muted">
        context (what the model sees)
      </Label>
      <Label x={256} y={182} size={12.5} tone="muted">
        target
      </Label>
      {Array.from({ length: BLOCK }, (_, row) => {
        const y = 190 + row * 34;
        let x = X0;
        const ctx = TOKENS.slice(0, row + 1).map((tok) => {
          const w = ctxWidth(tok.t);
          const b = <Box key={tok.id} x={x} y={y} w={w} h={28} label={tok.t} mono size={13} />;
          x += w + 4;
          return b;
        });
        const target = TOKENS[row + 1].t;
        return (
          <g key={row}>
            {ctx}
            <Arrow x1={214} y1={y + 14} x2={248} y2={y + 14} marker={MARK} />
            <Box x={256} y={y} w={ctxWidth(target)} h={28} label={target} mono size={13} tone="accent2" tint />
          </g>
        );
      })}
    </svg>
  );
}
