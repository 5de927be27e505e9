// Architecture: where LayerNorm sits. Post-norm (original Transformer) vs pre-norm (GPT-2).
import { AddNode, ArrowDefs, Arrow, Box, Label, PathArrow, svgStyle } from './svg-kit';

const W = 460;
const H = 352;
const MARK = 'pre-post-norm-arrow';

function PostNorm({ x0 }: { x0: number }) {
  const s = x0 + 40;
  const b = x0 + 150;
  return (
    <g>
      <Label x={x0} y={22} bold>
        Post-norm (2017)
      </Label>
      <Label x={x0} y={40} size={12.5} tone="muted" mono>
        LN(x + f(x))
      </Label>
      <Label x={s} y={64} anchor="middle" mono>
        x
      </Label>
      <line x1={s} y1={70} x2={s} y2={166} style={{ stroke: 'var(--muted)', strokeWidth: 2 }} />
      <PathArrow d={`M${s},86 L${b},86 L${b},98`} marker={MARK} />
      <Box x={x0 + 90} y={100} w={120} h={36} label="attn or MLP" size={13.5} />
      <PathArrow d={`M${b},136 L${b},176 L${s + 12},176`} marker={MARK} />
      <AddNode cx={s} cy={176} tone="muted" />
      <Arrow x1={s} y1={186} x2={s} y2={200} marker={MARK} />
      <Box x={s - 46} y={202} w={92} h={32} label="LayerNorm" size={13.5} tone="accent2" tint />
      <Arrow x1={s} y1={234} x2={s} y2={268} marker={MARK} />
      <Label x={s} y={286} anchor="middle" mono>
        out
      </Label>
      <Label x={x0} y={318} size={12.5}>
        LayerNorm sits on the main path,
      </Label>
      <Label x={x0} y={336} size={12.5}>
        after every add
      </Label>
    </g>
  );
}

function PreNorm({ x0 }: { x0: number }) {
  const s = x0 + 40;
  const b = x0 + 150;
  return (
    <g>
      <Label x={x0} y={22} bold>
        Pre-norm (GPT-2)
      </Label>
      <Label x={x0} y={40} size={12.5} tone="muted" mono>
        x + f(LN(x))
      </Label>
      <Label x={s} y={64} anchor="middle" mono>
        x
      </Label>
      <line x1={s} y1={70} x2={s} y2={216} style={{ stroke: 'var(--accent)', strokeWidth: 3 }} />
      <PathArrow d={`M${s},86 L${b},86 L${b},98`} marker={MARK} />
      <Box x={x0 + 90} y={100} w={120} h={32} label="LayerNorm" size={13.5} tone="accent2" tint />
      <Arrow x1={b} y1={132} x2={b} y2={146} marker={MARK} />
      <Box x={x0 + 90} y={148} w={120} h={36} label="attn or MLP" size={13.5} />
      <PathArrow d={`M${b},184 L${b},226 L${s + 12},226`} marker={MARK} />
      <AddNode cx={s} cy={226} />
      <Arrow x1={s} y1={236} x2={s} y2={268} marker={MARK} tone="accent" />
      <Label x={s} y={286} anchor="middle" mono>
        out
      </Label>
      <Label x={x0} y={318} size={12.5}>
        the main path is a plain sum;
      </Label>
      <Label x={x0} y={336} size={12.5}>
        plus one ln_f at the very end
      </Label>
    </g>
  );
}

export function PrePostNorm() {
  return (
    <svg role="img" aria-labelledby="pre-post-norm-title pre-post-norm-desc" viewBox={`0 0 ${W} ${H}`} width="100%" style={svgStyle(W)}>
      <title id="pre-post-norm-title">Post-norm versus pre-norm residual blocks</title>
      <desc id="pre-post-norm-desc">
        Left, post-norm as in the original Transformer: the sublayer’s output is added to x and the sum then goes through LayerNorm, so the
        normalization sits on the main path after every residual add. Right, pre-norm as in GPT-2: the branch first applies LayerNorm, then
        attention or the MLP, and the result is added to x; the main path from input to output is only additions, and GPT-2 adds one final
        LayerNorm, ln_f, after the last block.
      </desc>
      <ArrowDefs id={MARK} />
      <PostNorm x0={10} />
      <line x1={230} y1={8} x2={230} y2={340} style={{ stroke: 'var(--border)', strokeWidth: 1 }} />
      <PreNorm x0={242} />
    </svg>
  );
}
