// Architecture: the whole GPT-2 small stack, top to bottom, with the pre-norm block expanded and lm_head tied to wte.
import { AddNode, ArrowDefs, Arrow, Box, Label, PathArrow, svgStyle } from './svg-kit';

const W = 460;
const H = 746;
const MARK = 'gpt2-stack-arrow';
const S = 70; // x of the residual stream

export function Gpt2Stack() {
  return (
    <svg role="img" aria-labelledby="gpt2-stack-title gpt2-stack-desc" viewBox={`0 0 ${W} ${H}`} width="100%" style={svgStyle(W)}>
      <title id="gpt2-stack-title">The GPT-2 small architecture</title>
      <desc id="gpt2-stack-desc">
        Token ids go into two lookup tables, wpe for positions (1024 by 768) and wte for tokens (50257 by 768), whose rows are added. The
        sum enters the residual stream, which passes through 12 identical blocks, h.0 to h.11. In each block a branch reads the stream
        through ln_1, runs causal self-attention (c_attn, c_proj) and adds the result back; a second branch reads it through ln_2, runs the
        MLP (c_fc to 3072, GELU, c_proj back to 768) and adds that back. After the blocks come the final LayerNorm ln_f and lm_head, a 768
        to 50257 linear layer without bias whose weight is the same matrix as wte. It outputs one logit per vocabulary entry; a softmax
        turns them into next-token probabilities.
      </desc>
      <ArrowDefs id={MARK} />

      <Box x={130} y={10} w={200} h={40} label="token ids  (B, T)" mono size={13.5} />
      <Arrow x1={230} y1={50} x2={120} y2={74} marker={MARK} />
      <Arrow x1={230} y1={50} x2={340} y2={74} marker={MARK} />
      <Box x={30} y={76} w={180} h={44} label="wpe" sub="1024 × 768 · positions" mono />
      <Box x={250} y={76} w={180} h={44} label="wte" sub="50257 × 768 · tokens" mono tone="accent" />
      <Arrow x1={120} y1={120} x2={S + 4} y2={142} marker={MARK} />
      <PathArrow d={`M340,120 L340,150 L${S + 12},150`} marker={MARK} />
      <AddNode cx={S} cy={150} />
      <Label x={S + 72} y={176} size={12.5} tone="muted">
        (+ dropout while training)
      </Label>

      {/* One block, drawn once, repeated 12 times. */}
      <rect
        x={20}
        y={190}
        width={412}
        height={318}
        rx={10}
        style={{ fill: 'none', stroke: 'var(--accent)', strokeWidth: 1.5, strokeDasharray: '6 5' }}
      />
      <Label x={110} y={212} bold>
        Block × 12 (h.0 … h.11)
      </Label>

      <line x1={S} y1={160} x2={S} y2={320} style={{ stroke: 'var(--accent)', strokeWidth: 3 }} />
      <line x1={S} y1={340} x2={S} y2={464} style={{ stroke: 'var(--accent)', strokeWidth: 3 }} />
      <line x1={S} y1={484} x2={S} y2={548} style={{ stroke: 'var(--accent)', strokeWidth: 3 }} />
      <text
        transform={`translate(${S - 14} 420) rotate(-90)`}
        textAnchor="middle"
        style={{ fill: 'var(--accent)', fontSize: 13, fontFamily: 'var(--font-ui, system-ui, sans-serif)' }}
      >
        residual stream
      </text>

      <Arrow x1={S} y1={240} x2={128} y2={240} marker={MARK} />
      <Box x={130} y={224} w={280} h={32} label="ln_1 (LayerNorm)" mono size={13.5} tone="accent2" />
      <Arrow x1={270} y1={256} x2={270} y2={268} marker={MARK} />
      <Box x={130} y={270} w={280} h={46} label="attn: causal self-attention" sub="c_attn 768→2304 · c_proj 768→768" />
      <PathArrow d={`M270,316 L270,330 L${S + 12},330`} marker={MARK} />
      <AddNode cx={S} cy={330} />

      <Arrow x1={S} y1={380} x2={128} y2={380} marker={MARK} />
      <Box x={130} y={364} w={280} h={32} label="ln_2 (LayerNorm)" mono size={13.5} tone="accent2" />
      <Arrow x1={270} y1={396} x2={270} y2={408} marker={MARK} />
      <Box x={130} y={410} w={280} h={46} label="mlp" sub="c_fc 768→3072 · GELU · c_proj 3072→768" />
      <PathArrow d={`M270,456 L270,474 L${S + 12},474`} marker={MARK} />
      <AddNode cx={S} cy={474} />

      <PathArrow d={`M${S},548 L128,548`} marker={MARK} tone="accent" />
      <Box x={130} y={530} w={200} h={36} label="ln_f (final LayerNorm)" mono size={13.5} tone="accent2" />
      <Arrow x1={230} y1={566} x2={230} y2={588} marker={MARK} />
      <Box x={100} y={590} w={260} h={46} label="lm_head: Linear 768 → 50257" sub="no bias · weight tied to wte (dashed)" tone="accent" />
      <PathArrow d="M360,613 L448,613 L448,98 L432,98" marker={MARK} tone="accent" dashed />
      <Arrow x1={230} y1={636} x2={230} y2={658} marker={MARK} />
      <Box x={130} y={660} w={200} h={36} label="logits  (B, T, 50257)" mono size={13.5} />
      <Label x={230} y={726} anchor="middle" size={13} tone="muted">
        softmax → probability of every possible next token
      </Label>
    </svg>
  );
}
