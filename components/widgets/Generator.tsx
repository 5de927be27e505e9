'use client';
import { sitePath } from '@/lib/site';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  DEFAULT_PROMPT_TOKENS,
  DEFAULT_SETTINGS,
  LIMITS,
  MAX_PROMPT_CHARS,
  checkSettings,
  fromSearchParams,
  toSearchParams,
  type GeneratorSettings,
} from '@/lib/worker/generator-settings';
import type { GenerateStats } from '@/lib/worker/protocol';
import { ensureModel, useModelStatus } from '@/components/model/model-store';
import ModelStatus from '@/components/model/ModelStatus';
import GeneratedTokens, { type GeneratedToken } from './GeneratedTokens';
import { loadTokenizer, useTokenizer } from './use-tokenizer';

/** Candidates shown for each generated token. */
const TOP_N = 5;

export default function Generator({ standalone = false }: { standalone?: boolean }) {
  const status = useModelStatus();
  const [s, setS] = useState<GeneratorSettings>(DEFAULT_SETTINGS);
  const [tokens, setTokens] = useState<GeneratedToken[]>([]);
  const [running, setRunning] = useState(false);
  const [stats, setStats] = useState<(GenerateStats & { reason: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [corrections, setCorrections] = useState<string[]>([]);
  const cancelRef = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (!standalone) return;
    const fromLink = fromSearchParams(new URLSearchParams(location.search));
    setS(fromLink.settings);
    setCorrections(fromLink.corrections.map((c) => `In the link: ${c}.`));
  }, [standalone]);

  // The tokenizer loads when the learner first edits or focuses the prompt, or presses Generate.
  const [wantTokenizer, setWantTokenizer] = useState(false);
  const tokenizer = useTokenizer(wantTokenizer || s.prompt !== DEFAULT_SETTINGS.prompt);
  const promptTokens = useMemo(
    () => (tokenizer ? tokenizer.encode(s.prompt).length : s.prompt === DEFAULT_SETTINGS.prompt ? DEFAULT_PROMPT_TOKENS : null),
    [tokenizer, s.prompt],
  );
  const set = <K extends keyof GeneratorSettings>(k: K, v: GeneratorSettings[K]) => setS((old) => ({ ...old, [k]: v }));

  /** The settings as the model gets them; what had to be corrected is shown under the fields. */
  const checked = () => {
    const { settings, corrections: fixed } = checkSettings(s);
    setCorrections(fixed.map((c) => `${c[0].toUpperCase()}${c.slice(1)}.`));
    if (fixed.length) setS(settings);
    return settings;
  };

  async function run() {
    setWantTokenizer(true);
    setError(null);
    setStats(null);
    setTokens([]);
    const settings = checked();
    const promptIds = (await loadTokenizer()).encode(settings.prompt);
    if (promptIds.length === 0) {
      setError('Write a prompt first: the model needs at least one token to continue.');
      return;
    }
    setRunning(true);
    try {
      const client = await ensureModel();
      const stream = client.generate(promptIds, { maxNewTokens: settings.maxNewTokens, sampling: settings, topN: TOP_N });
      cancelRef.current = stream.cancel;
      const out: GeneratedToken[] = [];
      for (;;) {
        const next = await stream.tokens.next();
        if (next.done) {
          setStats({ ...next.value.stats, reason: next.value.reason });
          break;
        }
        out.push(next.value);
        setTokens([...out]);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      cancelRef.current = null;
      setRunning(false);
    }
  }

  const shareUrl = () => `${location.origin}${sitePath('/generator/')}?${toSearchParams(checked())}`;
  const num = (k: 'maxNewTokens' | 'temperature' | 'topK' | 'topP' | 'seed', label: string, step: number, help?: string) => (
    <label className="gen-field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="decimal"
        min={LIMITS[k][0]}
        max={LIMITS[k][1]}
        step={step}
        value={s[k]}
        disabled={running || (s.greedy && (k === 'temperature' || k === 'topK' || k === 'topP'))}
        onChange={(e) => set(k, Number(e.target.value))}
        aria-describedby={help ? `${k}-help` : undefined}
      />
      {help ? (
        <small id={`${k}-help`} className="muted">
          {help}
        </small>
      ) : null}
    </label>
  );

  return (
    <section className="widget generator ui" aria-label="Generator">
      <ModelStatus />
      <label className="gen-prompt">
        <span>
          Prompt{' '}
          <small className="muted">
            ({promptTokens === null ? 'counting tokens…' : `${promptTokens} token${promptTokens === 1 ? '' : 's'}`}
            {status.state === 'ready' && promptTokens !== null && promptTokens > status.info.model.config.blockSize
              ? `; only the last ${status.info.model.config.blockSize} fit the context window, earlier ones are dropped`
              : ''}
            )
          </small>
        </span>
        <textarea
          value={s.prompt}
          rows={3}
          maxLength={MAX_PROMPT_CHARS}
          onChange={(e) => set('prompt', e.target.value)}
          onFocus={() => setWantTokenizer(true)}
          disabled={running}
        />
      </label>
      <div className="gen-controls">
        <label className="gen-check">
          <input type="checkbox" checked={s.greedy} onChange={(e) => set('greedy', e.target.checked)} disabled={running} /> Greedy (always
          the most likely token)
        </label>
        {num('temperature', 'Temperature', 0.05)}
        {num('topK', 'Top-k', 1, '0 = off')}
        {num('topP', 'Top-p', 0.05, '1 = off')}
        {num('seed', 'Seed', 1)}
        {num('maxNewTokens', 'Max new tokens', 1)}
      </div>
      {corrections.length ? (
        <p className="muted gen-corrections" role="status">
          {corrections.join(' ')}
        </p>
      ) : null}
      <div className="gen-actions">
        {running ? (
          <button type="button" className="btn" onClick={() => cancelRef.current?.()}>
            Stop
          </button>
        ) : (
          <button type="button" className="btn btn--primary" onClick={run}>
            Generate
          </button>
        )}
        <a className="gen-share" href={`${sitePath('/generator/')}?${toSearchParams(checkSettings(s).settings)}`}>
          Link to these settings
        </a>
        <button
          type="button"
          className="btn"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(shareUrl());
              setCopied(true);
              setTimeout(() => setCopied(false), 2000);
            } catch {
              setError(`Copy this link: ${shareUrl()}`);
            }
          }}
        >
          {copied ? 'Link copied' : 'Copy link'}
        </button>
      </div>
      {error ? (
        <p role="alert" className="gen-error">
          {error}
        </p>
      ) : null}
      {tokenizer ? <GeneratedTokens prompt={s.prompt} tokens={tokens} busy={running} text={tokenizer} /> : null}
      {stats ? (
        <p className="muted gen-stats" data-testid="generator-stats">
          {stats.newTokens} new tokens · prompt {stats.promptTokens} tokens in {stats.prefillMs.toFixed(0)} ms ·{' '}
          {stats.tokensPerSecond.toFixed(1)} tokens/s · {stats.cachedPositions} positions in the KV cache ·{' '}
          {stats.reason === 'eot' ? 'stopped at <|endoftext|>' : stats.reason === 'cancelled' ? 'stopped by you' : 'reached max tokens'}
        </p>
      ) : null}
    </section>
  );
}
