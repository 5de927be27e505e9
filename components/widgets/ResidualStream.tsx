'use client';
// The architecture lesson's residual-stream view (pre-norm GPT-2): for one token, how large the
// stream is entering each block and after the attention branch is added, and what each LayerNorm
// does to it (mean and variance over channels, input vs output).
import { useMemo, useState } from 'react';
import ModelStatus from '@/components/model/ModelStatus';
import { residualProfile, type VecStats } from '@/lib/widgets/layer-stats';
import type { AnalysisTensors } from '@/lib/widgets/analysis-tensors';
import type { LensLayer } from '@/lib/worker/protocol';
import { fmt } from '@/lib/widgets/number-format';
import { promptIds, tokenLabel } from '@/lib/widgets/token-label';
import MiniLineChart, { LegendMarker, type Series } from './MiniLineChart';
import { NotYet, PromptField, RunError, ScrollBox, useDebounced, useLiveWhenReady, useModelJob } from './model-widget-kit';
import './model-widgets.css';

export const RESIDUAL_CAP = 64;
const DEFAULT_PROMPT = 'The residual stream carries every token through all the blocks of the model.';

interface Result {
  ids: number[];
  labels: string[];
  tensors: AnalysisTensors;
  nLayer: number;
  ms: number;
  /** The logit lens at the last token, or why there is none. */
  lens: LensLayer[] | { unavailable: string };
}

const LENS_TOP = 5;
/** 12.3% — or, for the tiny probabilities of an untrained model, 0.0021% rather than a misleading 0.0%. */
const pct = (p: number) => (p * 100 >= 0.1 ? `${(p * 100).toFixed(1)}%` : `${(p * 100).toPrecision(2)}%`);

function LogitLens({ lens, lastLabel, nLayer }: { lens: Result['lens']; lastLabel: string; nLayer: number }) {
  if (!Array.isArray(lens)) {
    return (
      <p className="muted" data-testid="logit-lens-unavailable">
        Logit lens not available: {lens.unavailable}
      </p>
    );
  }
  return (
    <ScrollBox label="Logit lens table">
      <table className="mw-table" data-testid="logit-lens">
        <caption>
          Logit lens after “{lastLabel}”: the top {LENS_TOP} next tokens if the model stopped after each block (ln_f and the tied output
          layer applied early). The last row is the model’s real prediction.
        </caption>
        <thead>
          <tr>
            <th scope="col">stream</th>
            {Array.from({ length: LENS_TOP }, (_, k) => (
              <th key={k} scope="col">
                #{k + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lens.map((l) => (
            <tr key={l.layer} data-layer={l.layer} data-top-id={l.ids[0]} data-top-prob={l.probs[0]}>
              <th scope="row">
                {l.layer === 0 ? 'embeddings' : l.layer === nLayer ? `after block ${l.layer - 1} (output)` : `after block ${l.layer - 1}`}
              </th>
              {l.ids.map((id, k) => (
                <td key={id}>
                  <code>{tokenLabel(id)}</code> <span className="muted">{pct(l.probs[k])}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

const v3 = (x: number) => (Math.abs(x) >= 1000 ? x.toExponential(2).replace('e+', 'e') : x.toPrecision(3));

function MeanVar({ s }: { s: VecStats }) {
  return (
    <>
      <td className="mw-num">{fmt(s.mean, 3)}</td>
      <td className="mw-num">{v3(s.variance)}</td>
    </>
  );
}

export default function ResidualStream() {
  const [prompt, setPrompt] = useState(DEFAULT_PROMPT);
  const [position, setPosition] = useState(-1); // −1 = the last token
  const job = useModelJob<Result>();
  const live = useDebounced(prompt, 600);
  const tokens = useMemo(() => promptIds(prompt, RESIDUAL_CAP), [prompt]);
  const liveIds = useMemo(() => promptIds(live, RESIDUAL_CAP).ids, [live]);

  const analyze = (ids: number[], force: boolean) => {
    if (ids.length === 0) return;
    job.run(
      ids.join(','),
      async (client, model) => {
        const { tensors, ms, lens } = await client.analyze(ids, ['resid', 'resid_mid', 'ln_1', 'ln_2'], LENS_TOP); // one forward pass
        const { nLayer } = model.config;
        residualProfile(tensors, nLayer, 0); // every tensor there, with its name if not
        return { ids, labels: ids.map(tokenLabel), tensors, nLayer, ms, lens: lens ?? { unavailable: 'the worker sent no lens.' } };
      },
      force,
    );
  };
  useLiveWhenReady(liveIds.join(','), liveIds.length > 0, () => analyze(liveIds, false));

  const r = job.result;
  const T = r?.ids.length ?? 0;
  const pos = position >= 0 && position < T ? position : T - 1;
  const p = useMemo(() => (r ? residualProfile(r.tensors, r.nLayer, pos) : null), [r, pos]);

  const layers = p ? p.blocks.map((b) => String(b.layer)) : [];
  const normSeries: Series[] = p
    ? [
        { name: 'entering the block (resid)', values: [...p.blocks.map((b) => b.residIn.norm), p.final.norm], tone: 1, marker: 'circle' },
        {
          name: 'after the attention add (resid_mid)',
          values: [...p.blocks.map((b) => b.residMid.norm), Number.NaN],
          tone: 2,
          marker: 'square',
          dashed: true,
        },
      ]
    : [];
  const varSeries: Series[] = p
    ? [
        { name: 'ln_1 input', values: p.blocks.map((b) => b.residIn.variance), tone: 1, marker: 'circle' },
        { name: 'ln_1 output', values: p.blocks.map((b) => b.ln1Out.variance), tone: 1, marker: 'square', dashed: true },
        { name: 'ln_2 input', values: p.blocks.map((b) => b.residMid.variance), tone: 2, marker: 'triangle' },
        { name: 'ln_2 output', values: p.blocks.map((b) => b.ln2Out.variance), tone: 2, marker: 'diamond', dashed: true },
      ]
    : [];

  return (
    <section className="widget mw mw-resid ui" aria-label="Residual stream">
      <ModelStatus />
      <PromptField value={prompt} onChange={setPrompt} total={tokens.total} cap={RESIDUAL_CAP} />
      <div className="mw-actions">
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => analyze(tokens.ids, true)}
          disabled={job.running || tokens.ids.length === 0}
        >
          {r ? 'Update' : 'Run the model'}
        </button>
        <span className="muted mw-small" aria-live="polite">
          {job.running
            ? 'Running…'
            : r
              ? `${T} tokens analysed in ${r.ms.toFixed(0)} ms; it updates as you type.`
              : tokens.ids.length === 0
                ? 'Type a prompt first.'
                : ''}
        </span>
      </div>
      <RunError error={job.error} />
      {!r || !p ? (
        <NotYet running={job.running}>
          Press “Run the model” to load GPT-2 in this page and follow one token of your prompt through every block: the size of its residual
          stream and what each LayerNorm does to it. Nothing is drawn until the model has answered.
        </NotYet>
      ) : (
        <div className="mw-results" aria-busy={job.running}>
          <div className="mw-controls">
            <label className="mw-field mw-field--wide">
              <span>Token position</span>
              <select value={pos} onChange={(e) => setPosition(Number(e.target.value))}>
                {r.labels.map((l, i) => (
                  <option key={i} value={i}>
                    {i}: {l}
                  </option>
                ))}
              </select>
            </label>
          </div>

          <h3 className="mw-h">
            Size of the stream, ‖x‖ (L2 norm over {r.tensors['resid.0'].dims[1]} channels), token {pos} “{r.labels[pos]}”
          </h3>
          <MiniLineChart
            xLabels={[...layers, 'ln_f']}
            series={normSeries}
            yTitle="‖x‖"
            label={`L2 norm of the residual stream of token ${pos} entering each of the ${r.nLayer} blocks, after each attention add, and before ln_f. The table below lists the numbers.`}
          />
          <p className="mw-chart-legend mw-small">
            {normSeries.map((s) => (
              <span key={s.name}>
                <LegendMarker s={s} /> {s.name}
              </span>
            ))}
            <span className="muted">x axis: block number; “ln_f” = the stream after the last block</span>
          </p>

          <h3 className="mw-h">LayerNorm: variance over channels, input vs output (log scale)</h3>
          <MiniLineChart
            xLabels={layers}
            series={varSeries}
            log
            yTitle="variance"
            label={`Variance over channels of the inputs and outputs of ln_1 and ln_2 in each block, token ${pos}, on a log scale. The table below lists the numbers.`}
          />
          <p className="mw-chart-legend mw-small">
            {varSeries.map((s) => (
              <span key={s.name}>
                <LegendMarker s={s} /> {s.name}
              </span>
            ))}
          </p>
          <p className="mw-note">
            Each LayerNorm first normalizes the token’s vector to mean 0 and variance 1, then multiplies every channel by a learned gain γ
            and adds a learned bias β. So its outputs below are not exactly 0 and 1, but they stay on one scale in every block while the
            stream’s own size changes.
          </p>

          <div className="mw-table-wrap" tabIndex={0} role="region" aria-label="Residual stream table">
            <table className="mw-table" data-testid="residual-table">
              <caption>
                Token {pos} “{r.labels[pos]}”, per block: norms, and mean / variance over channels
              </caption>
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>
                    block
                  </th>
                  <th scope="col" rowSpan={2} className="mw-num">
                    ‖resid‖ entering
                  </th>
                  <th scope="col" rowSpan={2} className="mw-num">
                    ‖resid_mid‖ after attn add
                  </th>
                  <th scope="colgroup" colSpan={2}>
                    ln_1 input
                  </th>
                  <th scope="colgroup" colSpan={2}>
                    ln_1 output
                  </th>
                  <th scope="colgroup" colSpan={2}>
                    ln_2 input
                  </th>
                  <th scope="colgroup" colSpan={2}>
                    ln_2 output
                  </th>
                </tr>
                <tr>
                  {[0, 1, 2, 3].flatMap((k) => [
                    <th key={`m${k}`} scope="col" className="mw-num">
                      mean
                    </th>,
                    <th key={`v${k}`} scope="col" className="mw-num">
                      var
                    </th>,
                  ])}
                </tr>
              </thead>
              <tbody>
                {p.blocks.map((b) => (
                  <tr
                    key={b.layer}
                    data-layer={b.layer}
                    data-resid-norm={b.residIn.norm}
                    data-ln1-out-mean={b.ln1Out.mean}
                    data-ln1-out-var={b.ln1Out.variance}
                  >
                    <th scope="row">{b.layer}</th>
                    <td className="mw-num">{fmt(b.residIn.norm, 2)}</td>
                    <td className="mw-num">{fmt(b.residMid.norm, 2)}</td>
                    <MeanVar s={b.residIn} />
                    <MeanVar s={b.ln1Out} />
                    <MeanVar s={b.residMid} />
                    <MeanVar s={b.ln2Out} />
                  </tr>
                ))}
                <tr data-layer="final" data-resid-norm={p.final.norm}>
                  <th scope="row">into ln_f</th>
                  <td className="mw-num">{fmt(p.final.norm, 2)}</td>
                  <td colSpan={9} className="muted">
                    the stream after the last block; ln_f normalizes it before the output layer
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        </div>
      )}
      {r ? <LogitLens lens={r.lens} lastLabel={r.labels[r.labels.length - 1]} nLayer={r.nLayer} /> : null}
    </section>
  );
}
