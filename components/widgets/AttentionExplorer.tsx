'use client';
// The attention lesson's explorer: the real attention weights of every layer and head for a prompt,
// and one row recomputed step by step from the model's q, k, v (and checked against it).
import { useMemo, useState } from 'react';
import ModelStatus from '@/components/model/ModelStatus';
import { attnHead, tensorOf, type AnalysisTensors } from '@/lib/widgets/analysis-tensors';
import { attentionStepFromTensors, modelAttentionRow } from '@/lib/widgets/attention-steps';
import type { ScaleMode } from '@/lib/widgets/heatmap-scale';
import { fmt, fmtPct } from '@/lib/widgets/number-format';
import { promptIds, tokenLabel } from '@/lib/widgets/token-label';
import { AttentionHeatmap, HeadThumbnails, ScaleLegend } from './AttentionHeatmap';
import AttentionStepsPanel from './AttentionStepsPanel';
import HeadPatterns from './HeadPatterns';
import { NotYet, PromptField, RunError, useDebounced, useLiveWhenReady, useModelJob } from './model-widget-kit';
import './model-widgets.css';

/** Tokens analysed at most: the heatmap has T² cells. */
export const ATTENTION_CAP = 64;
const DEFAULT_PROMPT = 'When Mary and John went to the store, John gave a drink to';

interface Result {
  ids: number[];
  labels: string[];
  tensors: AnalysisTensors;
  nLayer: number;
  nHead: number;
  ms: number;
}

function clamp(x: number, n: number, fallback: number) {
  return x >= 0 && x < n ? x : fallback;
}

export default function AttentionExplorer() {
  const [prompt, setPrompt] = useState(DEFAULT_PROMPT);
  const [sel, setSel] = useState({ layer: 0, head: 0, query: -1 }); // query −1 = the last token
  const [scale, setScale] = useState<ScaleMode>('linear');
  const [tableOpen, setTableOpen] = useState(false);
  const job = useModelJob<Result>();
  const live = useDebounced(prompt, 600);
  const tokens = useMemo(() => promptIds(prompt, ATTENTION_CAP), [prompt]);
  const liveTokens = useMemo(() => promptIds(live, ATTENTION_CAP), [live]);

  const analyze = (ids: number[], force: boolean) => {
    if (ids.length === 0) return;
    job.run(
      ids.join(','),
      async (client, model) => {
        const { tensors, ms } = await client.analyze(ids, ['attn', 'q', 'key', 'value']);
        const { nLayer, nHead } = model.config;
        for (let l = 0; l < nLayer; l++) tensorOf(tensors, 'attn', l, [nHead, ids.length, ids.length]); // fail early, with the name
        return { ids, labels: ids.map(tokenLabel), tensors, nLayer, nHead, ms };
      },
      force,
    );
  };
  useLiveWhenReady(liveTokens.ids.join(','), liveTokens.ids.length > 0, () => analyze(liveTokens.ids, false));

  const r = job.result;
  const T = r?.ids.length ?? 0;
  const layer = r ? clamp(sel.layer, r.nLayer, 0) : 0;
  const head = r ? clamp(sel.head, r.nHead, 0) : 0;
  const query = clamp(sel.query, T, T - 1);
  const attn = r ? tensorOf(r.tensors, 'attn', layer) : null;
  const probs = attn ? attnHead(attn, head) : null;
  const steps = useMemo(() => (r ? attentionStepFromTensors(r.tensors, layer, head, r.nHead, query) : null), [r, layer, head, query]);
  const modelRow = r ? modelAttentionRow(r.tensors, layer, head, query) : null;
  const top = modelRow
    ? Array.from(modelRow.subarray(0, query + 1), (w, j) => ({ j, w }))
        .sort((a, b) => b.w - a.w || a.j - b.j)
        .slice(0, 5)
    : [];
  const title = `layer ${layer}, head ${head}`;

  return (
    <section className="widget mw mw-attn ui" aria-label="Attention explorer">
      <ModelStatus />
      <PromptField value={prompt} onChange={setPrompt} total={tokens.total} cap={ATTENTION_CAP} />
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
      {!r || !attn || !probs || !steps || !modelRow ? (
        <NotYet running={job.running}>
          Press “Run the model” to load GPT-2 in this page (once; later widgets reuse it) and see its attention weights for the prompt:
          every layer and head, and one row worked through step by step. Nothing is drawn until the model has answered.
        </NotYet>
      ) : (
        <div className="mw-results" aria-busy={job.running}>
          <div className="mw-controls">
            <label className="mw-field">
              <span>Layer</span>
              <select value={layer} onChange={(e) => setSel({ ...sel, layer: Number(e.target.value) })}>
                {Array.from({ length: r.nLayer }, (_, l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            </label>
            <label className="mw-field">
              <span>Head</span>
              <select value={head} onChange={(e) => setSel({ ...sel, head: Number(e.target.value) })}>
                {Array.from({ length: r.nHead }, (_, h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </label>
            <label className="mw-field mw-field--wide">
              <span>Query token</span>
              <select value={query} onChange={(e) => setSel({ ...sel, query: Number(e.target.value) })}>
                {r.labels.map((l, i) => (
                  <option key={i} value={i}>
                    {i}: {l}
                  </option>
                ))}
              </select>
            </label>
            <label className="mw-field">
              <span>Colour scale</span>
              <select value={scale} onChange={(e) => setScale(e.target.value as ScaleMode)}>
                <option value="linear">linear</option>
                <option value="sqrt">square root (shows small weights)</option>
              </select>
            </label>
          </div>

          <h3 className="mw-h">
            All {r.nHead} heads of layer {layer}
          </h3>
          <HeadThumbnails
            attn={attn.data}
            nHead={r.nHead}
            T={T}
            head={head}
            onHead={(h) => setSel({ ...sel, head: h })}
            scale={scale}
            layer={layer}
          />
          <HeadPatterns attn={attn.data} nHead={r.nHead} ids={r.ids} layer={layer} />

          <h3 className="mw-h">
            Layer {layer}, head {head}: rows are queries, columns are keys
          </h3>
          <ScaleLegend scale={scale} />
          <AttentionHeatmap
            probs={probs}
            labels={r.labels}
            query={query}
            onQuery={(q) => setSel({ ...sel, query: q })}
            scale={scale}
            title={title}
          />

          <div className="mw-where">
            <h3 className="mw-h">
              Where “{r.labels[query]}” (token {query}) attends
            </h3>
            <ol className="mw-toplist" data-testid="attention-top-keys">
              {top.map(({ j, w }) => (
                <li key={j} data-j={j} data-weight={w}>
                  <span className="mw-toplist__bar" style={{ width: `${Math.max(0.5, w * 100)}%` }} aria-hidden="true" />
                  <code>{r.labels[j]}</code> <span className="muted">(token {j})</span> <strong>{fmtPct(w)}</strong>
                </li>
              ))}
            </ol>
            {query + 1 > top.length ? (
              <p className="muted mw-small">
                The other {query + 1 - top.length} visible tokens share {fmtPct(Math.max(0, 1 - top.reduce((a, t) => a + t.w, 0)))}.
              </p>
            ) : null}
          </div>

          <AttentionStepsPanel steps={steps} modelRow={modelRow} labels={r.labels} layer={layer} head={head} />

          <details className="mw-details" onToggle={(e) => setTableOpen((e.currentTarget as HTMLDetailsElement).open)}>
            <summary>All weights of {title} as a table</summary>
            {tableOpen ? (
              <div className="mw-table-wrap mw-matrix" tabIndex={0} role="region" aria-label="Attention weights table">
                <table className="mw-table" data-testid="attention-matrix">
                  <caption>Attention weights, {title}: row = query token, column = key token; “·” = masked</caption>
                  <thead>
                    <tr>
                      <th scope="col">query \ key</th>
                      {r.labels.map((l, j) => (
                        <th key={j} scope="col">
                          <code>
                            {j} {l}
                          </code>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {r.labels.map((l, i) => (
                      <tr key={i}>
                        <th scope="row">
                          <code>
                            {i} {l}
                          </code>
                        </th>
                        {r.labels.map((_, j) => (
                          <td key={j} className="mw-num">
                            {j > i ? '·' : fmt(probs[i * T + j], 3)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </details>
        </div>
      )}
    </section>
  );
}
