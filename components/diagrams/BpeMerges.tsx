// Tokenization: the toy corpus's learned merges, then encoding " that" by applying the lowest rank first.
import { ArrowDefs, Arrow, Box, Label, svgStyle } from './svg-kit';

const W = 460;
const H = 352;
const MARK = 'bpe-merges-arrow';

const MERGES = ['0 · a+t → at', '1 · t+h → th', '2 · th+e → the', '3 · Ġ+the → Ġthe', '4 · Ġ+c → Ġc', '5 · Ġc+at → Ġcat'];

/** Each step: the tokens, which adjacent pair (by index) merges next, and the note beside it. */
const STEPS: { tokens: string[]; pair: number | null; note: string }[] = [
  { tokens: ['Ġ', 't', 'h', 'a', 't'], pair: 3, note: 'a+t has rank 0 → merge' },
  { tokens: ['Ġ', 't', 'h', 'at'], pair: 1, note: 't+h has rank 1 → merge' },
  { tokens: ['Ġ', 'th', 'at'], pair: null, note: 'no pair in the table → done' },
];

function tokenWidth(t: string): number {
  return Math.max(34, Math.round(t.length * 15 * 0.6 + 16));
}

export function BpeMerges() {
  return (
    <svg role="img" aria-labelledby="bpe-merges-title bpe-merges-desc" viewBox={`0 0 ${W} ${H}`} width="100%" style={svgStyle(W)}>
      <title id="bpe-merges-title">Learning BPE merges, then encoding a word with them</title>
      <desc id="bpe-merges-desc">
        From the toy corpus, the most frequent adjacent pair a plus t is merged first (rank 0), then t plus h (rank 1), th plus e, space
        plus the, space plus c, and space-c plus at. To encode “ that”, split it into Ġ t h a t; the pair a+t has the lowest rank so it
        merges first giving Ġ t h at; then t+h merges giving Ġ th at; no remaining pair is in the table, so encoding stops.
      </desc>
      <ArrowDefs id={MARK} />

      <Label x={10} y={22} bold>
        1 · Learn: count adjacent pairs, merge the most frequent
      </Label>
      <Label x={10} y={44} size={12.5} tone="muted" mono>
        first counts: a+t ×6 t+h ×4 h+e ×4 Ġ+t ×3
      </Label>
      {MERGES.map((m, i) => (
        <Box
          key={m}
          x={10 + (i % 3) * 150}
          y={56 + Math.floor(i / 3) * 34}
          w={140}
          h={28}
          label={m}
          mono
          size={13}
          tone={i === 0 ? 'accent' : 'plain'}
        />
      ))}

      <Label x={10} y={148} bold>
        2 · Encode “ that”: lowest-rank pair first
      </Label>
      {STEPS.map((step, row) => {
        const y = 162 + row * 52;
        let x = 14;
        const boxes = step.tokens.map((t, i) => {
          const w = tokenWidth(t);
          const inPair = step.pair !== null && (i === step.pair || i === step.pair + 1);
          const box = <Box key={i} x={x} y={y} w={w} h={32} label={t} mono size={15} tone={inPair ? 'accent' : 'plain'} tint={inPair} />;
          x += w + 6;
          return box;
        });
        return (
          <g key={row}>
            {boxes}
            <Label x={226} y={y + 21} size={13} tone={step.pair === null ? 'accent2' : 'fg'}>
              {step.note}
            </Label>
            {row < STEPS.length - 1 ? <Arrow x1={31} y1={y + 34} x2={31} y2={y + 50} marker={MARK} /> : null}
          </g>
        );
      })}

      <Label x={10} y={322} size={12.5} tone="muted">
        Ġ marks a leading space. Real GPT-2 has 50,000 merges,
      </Label>
      <Label x={10} y={340} size={12.5} tone="muted">
        and with them “ that” is the single token 326.
      </Label>
    </svg>
  );
}
