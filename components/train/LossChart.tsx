'use client';
// The loss curve of a training run: the training loss of every step (a thin line and its running
// mean), the validation loss as marked points, and ln V dashed (V: the tokens the model chooses
// between, the corpus's K or all 50,257): where an untrained model starts.
// The widget's status line states the same figures in words.
import { niceTicks } from '@/lib/widgets/chart-scale';
import { recentMean } from '@/lib/train/phase';
import { count } from '@/lib/format';

const W = 640;
const H = 220;
const L = 44;
const R = 12;
const TOP = 10;
const B = 30;

interface Props {
  losses: readonly number[];
  valLosses: readonly { step: number; loss: number }[];
  steps: number;
  vocab: number | null;
}

export default function LossChart({ losses, valLosses, steps, vocab }: Props) {
  const lnK = vocab ? Math.log(vocab) : null;
  const top = Math.max(lnK ?? 0, ...losses, ...valLosses.map((v) => v.loss), 1);
  const yTicks = niceTicks(top * 1.05);
  const yMax = yTicks.at(-1)!;
  const xTicks = niceTicks(Math.max(1, steps), 5).filter((t) => t <= steps);
  const x = (step: number) => L + ((W - L - R) * step) / Math.max(1, steps);
  const y = (v: number) => TOP + (H - TOP - B) * (1 - v / yMax);
  const line = (pts: [number, number][]) => pts.map(([s, v], i) => `${i ? 'L' : 'M'}${x(s).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const raw = losses.map((v, i) => [i, v] as [number, number]);
  const smooth = losses.map((_, i) => [i, recentMean(losses.slice(Math.max(0, i - 9), i + 1))] as [number, number]);
  const lastVal = valLosses.at(-1);
  return (
    <svg
      className="loss-chart"
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={`Loss curve over ${losses.length} of ${steps} steps${lnK !== null ? `, starting level ln ${count(vocab!)} = ${lnK.toFixed(2)}` : ''}${
        losses.length ? `, training loss now ${recentMean(losses, 10).toFixed(2)}` : ''
      }${lastVal ? `, validation loss ${lastVal.loss.toFixed(2)} at step ${lastVal.step}` : ''}.`}
    >
      {yTicks.map((t) => (
        <g key={t} className="loss-chart__grid">
          <line x1={L} x2={W - R} y1={y(t)} y2={y(t)} />
          <text x={L - 6} y={y(t) + 4} textAnchor="end">
            {t}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <text key={t} className="loss-chart__tick" x={x(t)} y={H - B + 16} textAnchor={x(t) > W - R - 20 ? 'end' : 'middle'}>
          {t}
        </text>
      ))}
      <text className="loss-chart__tick" x={W - R} y={H - 2} textAnchor="end">
        step
      </text>
      {lnK !== null ? (
        <g className="loss-chart__lnk">
          <line x1={L} x2={W - R} y1={y(lnK)} y2={y(lnK)} />
          <text x={W - R} y={y(lnK) - 5} textAnchor="end">
            untrained: ln {count(vocab!)} = {lnK.toFixed(2)}
          </text>
        </g>
      ) : null}
      <path className="loss-chart__raw" d={line(raw)} />
      <path className="loss-chart__train" d={line(smooth)} />
      {valLosses.map((v) => (
        <rect key={v.step} className="loss-chart__val" x={x(v.step) - 4} y={y(v.loss) - 4} width={8} height={8} />
      ))}
    </svg>
  );
}
