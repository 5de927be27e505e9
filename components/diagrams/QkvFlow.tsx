// Attention: the data flow of one attention layer, from x through c_attn to Q, K, V, scores, mask, softmax and the weighted sum.
import { GPT2_SMALL, headSize } from '@/lib/model/config';
import { ArrowDefs, Arrow, Box, PathArrow, svgStyle } from './svg-kit';

// GPT-2 small's numbers, from its config: width, heads, head size and √head size.
const C = GPT2_SMALL.nEmbd;
const NH = GPT2_SMALL.nHead;
const HS = headSize(GPT2_SMALL);
const SQRT_HS = Math.sqrt(HS);

const W = 460;
const H = 626;
const MARK = 'qkv-flow-arrow';

// The main chain sits in the left column; V runs down the right-hand side to the weighted sum.
const CHAIN_X = 20;
const CHAIN_W = 270;
const CX = CHAIN_X + CHAIN_W / 2;

const CHAIN: { y: number; label: string; sub: string; tone?: 'accent' | 'accent2' }[] = [
  { y: 240, label: 'scores = Q_h · K_hᵀ, per head', sub: `${NH} tables of T × T, each from ${HS} numbers` },
  { y: 304, label: `÷ √d_k = ÷ √${HS} = ÷ ${SQRT_HS}`, sub: `d_k = ${HS}: the size of one head` },
  { y: 368, label: 'causal mask', sub: 'scores of future keys become −∞', tone: 'accent2' },
  { y: 432, label: 'softmax over each row', sub: 'weights ≥ 0, each row sums to 1' },
  { y: 496, label: 'weights · V_h', sub: 'per head: weighted sums of its values', tone: 'accent' },
];

export function QkvFlow() {
  return (
    <svg role="img" aria-labelledby="qkv-flow-title qkv-flow-desc" viewBox={`0 0 ${W} ${H}`} width="100%" style={svgStyle(W)}>
      <title id="qkv-flow-title">How one attention layer turns x into its output</title>
      <desc id="qkv-flow-desc">
        {`The input x, T tokens of ${C} numbers, goes through one linear layer c_attn that outputs ${3 * C} numbers per token, split into ` +
          `queries Q, keys K and values V, each cut into ${NH} heads of ${HS} numbers. For each head, Q times K transposed gives a T by T ` +
          `table of scores, which is divided by the square root of d_k (the square root of ${HS}, so ${SQRT_HS}), masked so no token sees ` +
          `later tokens, and passed through a softmax so each row becomes weights that sum to one. The weights multiply that head's V, ` +
          `giving each token a weighted sum of values. The ${NH} heads are concatenated and mixed by c_proj.`}
      </desc>
      <ArrowDefs id={MARK} />

      <Box x={130} y={10} w={200} h={44} label="x" sub={`T tokens × ${C} (after ln_1)`} />
      <Arrow x1={230} y1={54} x2={230} y2={78} marker={MARK} />
      <Box
        x={80}
        y={80}
        w={300}
        h={44}
        label={`c_attn: Linear ${C} → ${3 * C}`}
        sub={`split into Q, K, V, each ${NH} heads of ${HS}`}
        mono
        size={13.5}
      />

      <Arrow x1={230} y1={124} x2={80} y2={158} marker={MARK} />
      <Arrow x1={230} y1={124} x2={230} y2={158} marker={MARK} />
      <Arrow x1={230} y1={124} x2={380} y2={158} marker={MARK} />
      <Box x={20} y={160} w={120} h={44} label="Q (queries)" sub={`T × ${NH} × ${HS}`} tone="accent" />
      <Box x={170} y={160} w={120} h={44} label="K (keys)" sub={`T × ${NH} × ${HS}`} tone="accent" />
      <Box x={320} y={160} w={120} h={44} label="V (values)" sub={`T × ${NH} × ${HS}`} tone="accent2" />

      <Arrow x1={80} y1={204} x2={110} y2={238} marker={MARK} />
      <Arrow x1={230} y1={204} x2={200} y2={238} marker={MARK} />
      {CHAIN.map((step, i) => (
        <g key={step.label}>
          <Box x={CHAIN_X} y={step.y} w={CHAIN_W} h={44} label={step.label} sub={step.sub} tone={step.tone} />
          {i < CHAIN.length - 1 ? <Arrow x1={CX} y1={step.y + 44} x2={CX} y2={step.y + 62} marker={MARK} /> : null}
        </g>
      ))}
      <PathArrow d="M380,204 L380,518 L292,518" marker={MARK} tone="accent2" />

      <Arrow x1={CX} y1={540} x2={CX} y2={564} marker={MARK} />
      <Box
        x={CHAIN_X}
        y={566}
        w={CHAIN_W + 150}
        h={44}
        label={`concatenate the ${NH} heads → c_proj`}
        sub={`Linear ${C} → ${C} mixes what the heads found`}
      />
    </svg>
  );
}
