'use client';
// One row of attention, step by step, with the real q, k, v of the chosen head: computed in
// lib/widgets/attention-steps.ts and checked against the model's own attention row.
import { maxAbsDiff, MATCH_TOLERANCE, type AttentionStep } from '@/lib/widgets/attention-steps';
import { fmt, fmtSci, fmtVec } from '@/lib/widgets/number-format';

interface Props {
  steps: AttentionStep;
  /** the model's attention row for the same (layer, head, query) */
  modelRow: Float32Array;
  labels: string[];
  layer: number;
  head: number;
}

export default function AttentionStepsPanel({ steps, modelRow, labels, layer, head }: Props) {
  const { query: i, hs, q, keys, values, dots, scaled, masked, weights, output } = steps;
  const diff = maxAbsDiff(weights, modelRow);
  const ok = diff <= MATCH_TOLERANCE;
  const sum = weights.reduce((a, b) => a + b, 0);
  const sqrt = Math.sqrt(hs);
  const T = keys.length;
  return (
    <section className="mw-steps" aria-label="Attention step by step">
      <h3 className="mw-h">
        Step by step: layer {layer}, head {head}, query token {i} “{labels[i]}”
      </h3>
      <p className={`mw-check ${ok ? 'is-ok' : 'is-bad'}`} role="status" data-testid="attention-check" data-max-diff={diff}>
        {ok ? '✓ Matches' : '✗ Does not match'} the model’s attention row: max difference {fmtSci(diff)}
        <span className="muted">
          {' '}
          (these steps, computed here in JavaScript from the model’s own q, k and v, reproduce the weights the model used)
        </span>
      </p>
      <ol className="mw-steps-list">
        <li>
          <strong>Query.</strong> q<sub>{i}</sub> is this head’s slice of the token’s q (columns {head * hs}–{(head + 1) * hs - 1} of
          c_attn’s output): {hs} numbers, <code>{fmtVec(q)}</code>
        </li>
        <li>
          <strong>Scores.</strong> For each key j: the dot product q<sub>{i}</sub>·k<sub>j</sub>, divided by √{hs} = {fmt(sqrt, 3)}.
        </li>
        <li>
          <strong>Causal mask.</strong>{' '}
          {i === T - 1 ? 'This is the last token: no later keys to mask.' : `Keys ${i + 1}–${T - 1} come later, so their scores become −∞.`}
        </li>
        <li>
          <strong>Softmax</strong> over the {i + 1} visible scores: the weights w<sub>j</sub> sum to {fmt(sum, 6)}.
        </li>
        <li>
          <strong>Weighted sum.</strong> y<sub>{i}</sub> = Σ<sub>j</sub> w<sub>j</sub> v<sub>j</sub> ={' '}
          <code data-testid="attention-output">{fmtVec(output)}</code> ({hs} numbers; c_proj then mixes the {hs}-number outputs of all heads
          back into the stream).
        </li>
      </ol>
      <div className="mw-table-wrap mw-steps-table" tabIndex={0} role="region" aria-label={`Every key for query ${i}`}>
        <table className="mw-table" data-testid="attention-steps-table">
          <caption>Every key j for query {i}</caption>
          <thead>
            <tr>
              <th scope="col">j</th>
              <th scope="col">key token</th>
              <th scope="col">
                k<sub>j</sub> (first 4 of {hs})
              </th>
              <th scope="col" className="mw-num">
                q·k<sub>j</sub>
              </th>
              <th scope="col" className="mw-num">
                ÷ √{hs}
              </th>
              <th scope="col" className="mw-num">
                masked
              </th>
              <th scope="col" className="mw-num">
                w<sub>j</sub> = softmax
              </th>
              <th scope="col" className="mw-num">
                model’s weight
              </th>
              <th scope="col">
                v<sub>j</sub> (first 4 of {hs})
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k, j) => (
              <tr key={j} className={j > i ? 'is-masked' : undefined} data-j={j} data-weight={weights[j]} data-model-weight={modelRow[j]}>
                <td className="mw-num">{j}</td>
                <td>
                  <code>{labels[j]}</code>
                </td>
                <td>
                  <code>{fmtVec(k, 4, 2)}</code>
                </td>
                <td className="mw-num">{fmt(dots[j])}</td>
                <td className="mw-num">{fmt(scaled[j])}</td>
                <td className="mw-num">{fmt(masked[j])}</td>
                <td className="mw-num">{fmt(weights[j], 4)}</td>
                <td className="mw-num">{fmt(modelRow[j], 4)}</td>
                <td>
                  <code>{fmtVec(values[j], 4, 2)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
