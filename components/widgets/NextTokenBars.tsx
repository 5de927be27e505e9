'use client';
// The architecture lesson's next-token bars: the model's real next-token distribution for a prompt,
// and what temperature, top-k and top-p do to it. The model runs once per prompt; the sliders only
// recompute (lib/model/sampling.ts), so what you see is exactly what the sampler would use.
import { useId, useMemo, useState } from 'react';
import ModelStatus from '@/components/model/ModelStatus';
import { useModelStatus } from '@/components/model/model-store';
import { niceTicks } from '@/lib/widgets/chart-scale';
import { fmt, fmtPct } from '@/lib/widgets/number-format';
import { nextTokenView, removalReason, type BarSettings } from '@/lib/widgets/next-token-view';
import { promptIds, tokenLabel } from '@/lib/widgets/token-label';
import { NotYet, PromptField, RunError, useDebounced, useLiveWhenReady, useModelJob } from './model-widget-kit';
import './model-widgets.css';

const SHOWN = 12;
const DEFAULT_PROMPT = 'The Eiffel Tower is in the city of';
const OFF: BarSettings = { temperature: 1, topK: 0, topP: 1 };

interface Result {
  ids: number[];
  logits: Float32Array;
  ms: number;
}

function Slider(props: {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  onChange: (v: number) => void;
  shown: string;
  help: string;
}) {
  const id = useId();
  return (
    <div className="mw-range">
      <label htmlFor={id}>{props.label}</label>
      <output htmlFor={id} className="mw-value">
        {props.shown}
      </output>
      <input
        id={id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        aria-describedby={`${id}-help`}
        aria-valuetext={props.shown}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
      <small id={`${id}-help`} className="muted">
        {props.help}
      </small>
    </div>
  );
}

export default function NextTokenBars() {
  const status = useModelStatus();
  const [prompt, setPrompt] = useState(DEFAULT_PROMPT);
  const [s, setS] = useState<BarSettings>(OFF);
  const job = useModelJob<Result>();
  const live = useDebounced(prompt, 500);
  const tokens = useMemo(() => promptIds(prompt, Infinity), [prompt]);
  const liveIds = useMemo(() => promptIds(live, Infinity).ids, [live]);
  const blockSize = status.state === 'ready' ? status.info.model.config.blockSize : null;

  const run = (ids: number[], force: boolean) => {
    if (ids.length === 0) return;
    job.run(
      ids.join(','),
      async (client) => {
        const { logits, ms } = await client.nextTokenLogits(ids);
        return { ids, logits, ms };
      },
      force,
    );
  };
  useLiveWhenReady(liveIds.join(','), liveIds.length > 0, () => run(liveIds, false));

  const r = job.result;
  const view = useMemo(() => (r ? nextTokenView(r.logits, s, SHOWN) : null), [r, s]);
  // bars share one axis: up to the largest shown probability, rounded up (a 1–2–5 step), at most 100%
  const axisMax = view ? Math.min(1, niceTicks(Math.max(...view.entries.map((e) => Math.max(e.prob, e.probFiltered))), 4).at(-1)!) : 1;
  const set = (k: keyof BarSettings) => (v: number) => setS((old) => ({ ...old, [k]: v }));
  const lastLabel = r ? tokenLabel(r.ids[r.ids.length - 1]) : '';

  return (
    <section className="widget mw mw-next ui" aria-label="Next-token probabilities">
      <ModelStatus />
      <PromptField
        value={prompt}
        onChange={setPrompt}
        total={tokens.total}
        note={blockSize && tokens.total > blockSize ? `only the last ${blockSize} fit the context window` : undefined}
      />
      <div className="mw-actions">
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => run(tokens.ids, true)}
          disabled={job.running || tokens.ids.length === 0}
        >
          {r ? 'Update' : 'Run the model'}
        </button>
        <span className="muted mw-small" aria-live="polite">
          {job.running
            ? 'Running…'
            : r
              ? `Logits for the token after “${lastLabel}” in ${r.ms.toFixed(0)} ms; it updates as you type.`
              : tokens.ids.length === 0
                ? 'Type a prompt first.'
                : ''}
        </span>
      </div>
      <div className="mw-controls mw-controls--sliders">
        <Slider
          label="Temperature"
          min={0.1}
          max={2}
          step={0.05}
          value={s.temperature}
          onChange={set('temperature')}
          shown={s.temperature.toFixed(2)}
          help="divides the logits before the softmax: below 1 sharper, above 1 flatter"
        />
        <Slider
          label="Top-k"
          min={0}
          max={100}
          step={1}
          value={s.topK}
          onChange={set('topK')}
          shown={s.topK === 0 ? 'off' : String(s.topK)}
          help="keep only the k most likely tokens (0 = off)"
        />
        <Slider
          label="Top-p"
          min={0.05}
          max={1}
          step={0.05}
          value={s.topP}
          onChange={set('topP')}
          shown={s.topP >= 1 ? 'off' : s.topP.toFixed(2)}
          help="then keep the fewest most likely tokens whose probabilities reach p (1 = off)"
        />
        <button type="button" className="btn mw-small-btn" onClick={() => setS(OFF)} disabled={s === OFF}>
          Reset
        </button>
      </div>
      <RunError error={job.error} />
      {!r || !view ? (
        <NotYet running={job.running}>
          Press “Run the model” to load GPT-2 in this page and get its {SHOWN} most likely next tokens. The sliders work on the model’s real
          logits once they are here; there are no made-up numbers in the meantime.
        </NotYet>
      ) : (
        <div className="mw-results" aria-busy={job.running}>
          <ol className="mw-bars" aria-label={`The ${SHOWN} most likely next tokens`} data-testid="next-token-bars">
            {view.entries.map((e, rank) => {
              const reason = removalReason(e, rank, s);
              return (
                <li
                  key={e.id}
                  className={`mw-bar${reason ? ' is-removed' : ''}`}
                  data-id={e.id}
                  data-kept={!reason}
                  data-prob={e.prob}
                  data-prob-kept={e.probFiltered}
                  data-logit={e.logit}
                >
                  <span className="mw-bar__token">
                    <code>{tokenLabel(e.id)}</code>
                  </span>
                  <span className="mw-bar__tracks" aria-hidden="true">
                    <span className="mw-bar__before" style={{ width: `${(e.prob / axisMax) * 100}%` }} />
                    <span className="mw-bar__after" style={{ width: `${(e.probFiltered / axisMax) * 100}%` }} />
                  </span>
                  <span className="mw-bar__nums">
                    {fmtPct(e.prob)} →{' '}
                    {reason ? <span className="mw-bar__reason">{reason}</span> : <strong>{fmtPct(e.probFiltered)}</strong>}
                  </span>
                </li>
              );
            })}
          </ol>
          <p className="mw-legend-line mw-small">
            <span>
              <span className="mw-key mw-key--before" aria-hidden="true" /> probability at temperature {s.temperature.toFixed(2)}, before
              filtering
            </span>
            <span>
              <span className="mw-key mw-key--after" aria-hidden="true" /> after top-k and top-p, renormalized
            </span>
            <span>Bar length is the probability; full width = {fmtPct(axisMax)}.</span>
          </p>
          <p className="mw-sum" data-testid="next-token-sum" data-sum={view.shownKeptSum}>
            Σ of the shown kept probabilities = <strong>{fmt(view.shownKeptSum, 4)}</strong>{' '}
            <span className="muted">
              ({view.keptTotal.toLocaleString('en')} of {r.logits.length.toLocaleString('en')} tokens survive the filters
              {view.keptTotal <= SHOWN
                ? ', all shown here'
                : `; the other ${(view.keptTotal - view.entries.filter((e) => !e.removedBy).length).toLocaleString('en')} kept tokens hold the rest`}
              )
            </span>
          </p>
          <details className="mw-details">
            <summary>The same numbers as a table</summary>
            <div className="mw-table-wrap" tabIndex={0} role="region" aria-label="Next-token table">
              <table className="mw-table" data-testid="next-token-table">
                <caption>
                  Top {SHOWN} next tokens, temperature {s.temperature.toFixed(2)}, top-k {s.topK || 'off'}, top-p{' '}
                  {s.topP >= 1 ? 'off' : s.topP}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="mw-num">
                      rank
                    </th>
                    <th scope="col">token</th>
                    <th scope="col" className="mw-num">
                      id
                    </th>
                    <th scope="col" className="mw-num">
                      logit
                    </th>
                    <th scope="col" className="mw-num">
                      p before
                    </th>
                    <th scope="col" className="mw-num">
                      p after
                    </th>
                    <th scope="col">filter</th>
                  </tr>
                </thead>
                <tbody>
                  {view.entries.map((e, rank) => (
                    <tr key={e.id} data-id={e.id}>
                      <td className="mw-num">{rank + 1}</td>
                      <td>
                        <code>{tokenLabel(e.id)}</code>
                      </td>
                      <td className="mw-num">{e.id}</td>
                      <td className="mw-num">{fmt(e.logit, 3)}</td>
                      <td className="mw-num">{fmtPct(e.prob)}</td>
                      <td className="mw-num">{e.removedBy ? '0' : fmtPct(e.probFiltered)}</td>
                      <td>{removalReason(e, rank, s) ?? 'kept'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </div>
      )}
    </section>
  );
}
