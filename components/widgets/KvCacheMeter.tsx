'use client';
// The attention lesson's KV-cache meter: a short greedy generation, live. How many positions the
// cache holds, the memory that takes (from the model's config), and the measured time of the
// prompt's forward pass versus each cached step after it; then the same tokens without the cache
// (every step a forward pass over the whole sequence), measured in the same page.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import ModelStatus from '@/components/model/ModelStatus';
import { ensureModel, useModelStatus } from '@/components/model/model-store';
import { decode } from '@/lib/tokenizer';
import { compareRuns, formatBytes, kvCacheBytes, kvNumbersPerPosition, timingSummary, type TokenTiming } from '@/lib/widgets/kv-cost';
import { promptIds, tokenLabel } from '@/lib/widgets/token-label';
import { NotYet, PromptField, RunError, ScrollBox } from './model-widget-kit';
import './model-widgets.css';

const NEW_TOKENS = 16;
const DEFAULT_PROMPT = 'Keys and values of earlier tokens never change, so a generator can keep them in a cache and';
const GREEDY = { greedy: true, temperature: 1, topK: 0, topP: 1, seed: 0 };

const ms = (x: number) => `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms`;

/** One bar per token on a shared scale; the prompt's forward pass drawn apart from the steps. */
function TimeBars({ events, maxMs, label, cached }: { events: readonly TokenTiming[]; maxMs: number; label: string; cached: boolean }) {
  return (
    <>
      <p className="mw-small mw-tbars-caption">{label}</p>
      <ScrollBox label={label}>
        <div
          className={`mw-tbars${cached ? '' : ' is-uncached'}`}
          role="img"
          aria-label={`${label}: the first bar is the prompt (${ms(events[0].ms)}), then one bar per new token${cached ? '; the table below lists them' : ''}.`}
        >
          {events.map((e) => (
            <div
              key={e.index}
              className={`mw-tbar${e.index === 0 ? ' is-prefill' : ''}`}
              title={`${e.index === 0 ? 'prompt + first token' : `token ${e.index}`}: ${ms(e.ms)}`}
            >
              <span style={{ height: `${Math.max(1, (e.ms / maxMs) * 100)}%` }} />
              <small>{e.index === 0 ? 'prompt' : e.index}</small>
            </div>
          ))}
        </div>
      </ScrollBox>
    </>
  );
}

export default function KvCacheMeter() {
  const status = useModelStatus();
  const meterId = useId();
  const [prompt, setPrompt] = useState(DEFAULT_PROMPT);
  const [events, setEvents] = useState<TokenTiming[]>([]);
  const [uncached, setUncached] = useState<TokenTiming[]>([]);
  const [running, setRunning] = useState<'cached' | 'uncached' | null>(null);
  const [finalPositions, setFinalPositions] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<(() => void) | null>(null);
  const tokens = useMemo(() => promptIds(prompt, Infinity), [prompt]);
  useEffect(() => () => cancelRef.current?.(), []);

  const cfg = status.state === 'ready' ? status.info.model.config : null;
  const promptFed = events[0]?.cachedPositions ?? null; // after the prefill the cache holds exactly the prompt
  const positions = finalPositions ?? events[events.length - 1]?.cachedPositions ?? 0;
  const summary = promptFed === null ? null : timingSummary(events, promptFed);
  // The bars of both runs share one scale (but a prefill much slower than the steps keeps its own).
  const maxMs = Math.max(1e-9, ...events.map((e) => e.ms), ...uncached.map((e) => e.ms));
  const comparison = running === 'uncached' ? null : compareRuns(events, uncached);

  async function run(kvCache: boolean) {
    setError(null);
    setUncached([]);
    if (kvCache) {
      setEvents([]);
      setFinalPositions(null);
    }
    if (tokens.ids.length === 0) {
      setError('Write a prompt first: the model needs at least one token to continue.');
      return;
    }
    setRunning(kvCache ? 'cached' : 'uncached');
    const show = kvCache ? setEvents : setUncached;
    try {
      const client = await ensureModel();
      const { tokens: stream, cancel } = client.generate(tokens.ids, { maxNewTokens: NEW_TOKENS, sampling: GREEDY, kvCache });
      cancelRef.current = cancel;
      const got: TokenTiming[] = [];
      for (;;) {
        const next = await stream.next();
        if (next.done) {
          if (kvCache) setFinalPositions(next.value.stats.cachedPositions);
          break;
        }
        got.push({ index: next.value.index, tokenId: next.value.tokenId, ms: next.value.ms, cachedPositions: next.value.cachedPositions });
        show([...got]);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      cancelRef.current = null;
      setRunning(null);
    }
  }

  return (
    <section className="widget mw mw-kv ui" aria-label="KV cache">
      <ModelStatus />
      <PromptField
        value={prompt}
        onChange={(p) => {
          setPrompt(p);
          setUncached([]);
        }}
        total={tokens.total}
        disabled={running !== null}
      />
      <div className="mw-actions">
        {running ? (
          <button type="button" className="btn" onClick={() => cancelRef.current?.()}>
            Stop
          </button>
        ) : (
          <>
            <button type="button" className="btn btn--primary" onClick={() => run(true)} disabled={tokens.ids.length === 0}>
              Generate {NEW_TOKENS} tokens (greedy)
            </button>
            {events.length > 1 ? (
              <button type="button" className="btn" onClick={() => run(false)}>
                Again without the cache
              </button>
            ) : null}
          </>
        )}
        <span className="muted mw-small">The first run after loading may include one-time setup; run again to compare.</span>
      </div>
      <RunError error={error} />

      <div className="mw-kv-grid">
        <div className="mw-kv-box">
          <label htmlFor={meterId} className="mw-kv-label">
            Positions in the KV cache
          </label>
          <p className="mw-kv-big" aria-live="polite" data-testid="kv-positions">
            {events.length ? (
              <>
                {positions}
                {cfg ? <span className="muted"> of {cfg.blockSize}</span> : null}
              </>
            ) : (
              <span className="muted">—</span>
            )}
          </p>
          <meter id={meterId} min={0} max={cfg?.blockSize ?? 1} value={events.length ? positions : 0} />
          <p className="muted mw-small">
            A token’s k and v join the cache when the model reads that token, i.e. while it predicts the next one.
          </p>
        </div>
        <div className="mw-kv-box">
          <p className="mw-kv-label">Memory the cache holds</p>
          <p className="mw-kv-big" data-testid="kv-bytes">
            {cfg && events.length ? formatBytes(kvCacheBytes(cfg, positions)) : <span className="muted">—</span>}
          </p>
          <p className="mw-formula mw-small">
            2 (K and V) × {cfg ? `${cfg.nLayer} layers` : 'nLayer'} × {events.length ? `${positions} positions` : 'positions'} ×{' '}
            {cfg ? `${cfg.nEmbd} numbers` : 'nEmbd'} × 4 bytes
            {cfg ? (
              <span className="muted">
                {' '}
                ({kvNumbersPerPosition(cfg).toLocaleString('en')} float32 numbers per position; a full window of {cfg.blockSize} holds{' '}
                {formatBytes(kvCacheBytes(cfg, cfg.blockSize))})
              </span>
            ) : null}
          </p>
        </div>
      </div>

      {events.length === 0 ? (
        <NotYet running={running !== null}>
          Press “Generate” to load GPT-2 in this page and let it continue your prompt by {NEW_TOKENS} tokens. Each token’s measured time
          appears here as it arrives.
        </NotYet>
      ) : (
        <div className="mw-results">
          <p className="mw-output" aria-live="off">
            <span className="muted">{prompt}</span>
            <span>{decode(events.map((e) => e.tokenId))}</span>
          </p>
          {summary ? (
            <p data-testid="kv-summary">
              Prompt:{' '}
              <strong>
                {summary.promptTokens} tokens in {ms(summary.prefillMs)}
              </strong>{' '}
              (one forward pass over all of them).{' '}
              {summary.medianStepMs !== null ? (
                <>
                  Each token after it: <strong>median {ms(summary.medianStepMs)}</strong> (a forward pass over just the new token; the
                  earlier positions come from the cache).
                </>
              ) : null}
            </p>
          ) : null}
          <TimeBars events={events} maxMs={maxMs} label="Time per token, with the KV cache" cached />
          {uncached.length ? (
            <>
              <TimeBars events={uncached} maxMs={maxMs} label="Time per token, without the cache" cached={false} />
              {comparison ? (
                <p data-testid="kv-comparison">
                  Without the cache every new token needs a forward pass over the whole sequence so far (
                  {uncached[1]?.cachedPositions ?? summary?.promptTokens} to {uncached[uncached.length - 1].cachedPositions} tokens):{' '}
                  <strong>median {ms(comparison.uncachedMs)}</strong> per token against {ms(comparison.cachedMs)} with it,{' '}
                  <strong>{comparison.ratio.toFixed(1)}×</strong> the time.{' '}
                  {comparison.sameTokens
                    ? 'The tokens are the same: the cache saves work, it does not change the result.'
                    : 'The two runs chose different tokens, which they should not: please report this.'}{' '}
                  The gap grows with the length of the text.
                </p>
              ) : null}
            </>
          ) : null}
          <p className="mw-note">
            Why each new token stays cheap: the model computes q, k and v only for that one token, and reuses the cached keys and values of
            every earlier position instead of recomputing them.
          </p>
          <details className="mw-details">
            <summary>Per-token times as a table</summary>
            <div className="mw-table-wrap" tabIndex={0} role="region" aria-label="Per-token times table">
              <table className="mw-table" data-testid="kv-table">
                <caption>Each generated token: time to produce it and the cache length when it was emitted</caption>
                <thead>
                  <tr>
                    <th scope="col" className="mw-num">
                      #
                    </th>
                    <th scope="col">token</th>
                    <th scope="col">forward pass over</th>
                    <th scope="col" className="mw-num">
                      time
                    </th>
                    <th scope="col" className="mw-num">
                      cached positions
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((e) => (
                    <tr key={e.index} data-index={e.index} data-ms={e.ms} data-cached={e.cachedPositions}>
                      <td className="mw-num">{e.index}</td>
                      <td>
                        <code>{tokenLabel(e.tokenId)}</code>
                      </td>
                      <td>{e.index === 0 ? `the whole prompt (${e.cachedPositions} tokens)` : 'one token'}</td>
                      <td className="mw-num">{ms(e.ms)}</td>
                      <td className="mw-num">{e.cachedPositions}</td>
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
