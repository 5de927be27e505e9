// Overview: the whole path from text to the next token, and the loop that makes generation.
import { ArrowDefs, Arrow, Box, PathArrow, svgStyle } from './svg-kit';

const W = 460;
const H = 452;
const MARK = 'gpt-pipeline-arrow';
const X = 90;
const BW = 350;
const STEP = 64;

const STAGES: { label: string; sub: string; tone?: 'accent' | 'accent2' }[] = [
  { label: 'Text', sub: '“To be, or not to be”' },
  { label: 'Tokenizer: byte-level BPE', sub: '50,257-token vocabulary' },
  { label: 'Token ids', sub: '[2514, 307, 11, 393, 407, 284, 307]', tone: 'accent2' },
  { label: 'Embeddings: wte + wpe', sub: 'one vector of 768 numbers per token' },
  { label: '12 transformer blocks', sub: 'attention + MLP, pre-norm, residual', tone: 'accent' },
  { label: 'ln_f → lm_head', sub: '50,257 logits: a score per possible next token' },
  { label: 'Sampling', sub: 'softmax, temperature, top-k → one new id', tone: 'accent2' },
];

export function GptPipeline() {
  const top = (i: number) => 10 + i * STEP;
  const last = STAGES.length - 1;
  return (
    <svg role="img" aria-labelledby="gpt-pipeline-title gpt-pipeline-desc" viewBox={`0 0 ${W} ${H}`} width="100%" style={svgStyle(W)}>
      <title id="gpt-pipeline-title">From text to the next token</title>
      <desc id="gpt-pipeline-desc">
        Text goes into the byte-level BPE tokenizer, which produces token ids. The ids select embeddings from wte and wpe, one vector of 768
        numbers per token. Twelve transformer blocks refine those vectors. The final LayerNorm and lm_head turn the last vector into 50,257
        logits, and sampling picks one new id. The new id is appended to the ids and the loop repeats.
      </desc>
      <ArrowDefs id={MARK} />
      {STAGES.map((s, i) => (
        <g key={s.label}>
          <Box x={X} y={top(i)} w={BW} h={46} label={s.label} sub={s.sub} tone={s.tone} />
          {i < last ? <Arrow x1={X + BW / 2} y1={top(i) + 46} x2={X + BW / 2} y2={top(i + 1) - 2} marker={MARK} /> : null}
        </g>
      ))}
      <PathArrow
        d={`M${X},${top(last) + 23} L44,${top(last) + 23} L44,${top(2) + 23} L${X - 2},${top(2) + 23}`}
        marker={MARK}
        tone="accent2"
      />
      <text
        transform={`translate(32 ${(top(2) + top(last)) / 2 + 23}) rotate(-90)`}
        textAnchor="middle"
        style={{ fill: 'var(--accent-2)', fontSize: 13, fontFamily: 'var(--font-ui, system-ui, sans-serif)' }}
      >
        append the new id, repeat
      </text>
    </svg>
  );
}
