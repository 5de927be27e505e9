'use client';
// Pieces every live-model widget shares: the prompt field, the "no model output yet" placeholder,
// a debounce, and a job runner that loads the one shared model and drops stale answers.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ModelClient } from '@/lib/worker/client';
import type { ModelInfo } from '@/lib/worker/protocol';
import { demoSentence } from '@/lib/model/demo-words';
import { ensureModel, modelStore, useChosenMyModel, useModelStatus, useServedModel } from '@/components/model/model-store';

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export interface ModelJob<R> {
  result: R | null;
  running: boolean;
  error: string | null;
  /**
   * Runs `job` for `key` (e.g. the prompt's ids) unless that key is already done or running; `force`
   * always runs. The job gets the loaded model's client and its info (config, name).
   */
  run: (key: string, job: (client: ModelClient, model: ModelInfo) => Promise<R>, force?: boolean) => void;
}

export function useModelJob<R>(): ModelJob<R> {
  const [state, setState] = useState<{ result: R | null; running: boolean; error: string | null }>({
    result: null,
    running: false,
    error: null,
  });
  const seq = useRef(0);
  const lastKey = useRef<string | null>(null);
  const run = useCallback((key: string, job: (client: ModelClient, model: ModelInfo) => Promise<R>, force = false) => {
    if (!force && key === lastKey.current) return;
    lastKey.current = key;
    const mine = ++seq.current;
    setState((s) => ({ ...s, running: true, error: null }));
    (async () => {
      try {
        const client = await ensureModel();
        const status = modelStore.getState().status;
        if (status.state !== 'ready') throw new Error('The model is not ready.');
        const result = await job(client, status.info.model);
        if (mine === seq.current) setState({ result, running: false, error: null });
      } catch (e) {
        if (mine !== seq.current) return;
        lastKey.current = null; // let the same prompt be tried again
        setState((s) => ({ ...s, running: false, error: (e as Error)?.message ?? String(e) }));
      }
    })();
  }, []);
  return { ...state, run };
}

/** Re-runs `trigger` when `key` changes (debounced by the caller), but only once the shared model is ready. */
export function useLiveWhenReady(key: string, enabled: boolean, trigger: () => void) {
  const status = useModelStatus();
  const ready = status.state === 'ready';
  const fn = useRef(trigger);
  fn.current = trigger;
  useEffect(() => {
    if (ready && enabled) fn.current();
  }, [key, ready, enabled]);
}

export function PromptField(props: {
  value: string;
  onChange: (v: string) => void;
  total: number;
  cap?: number;
  note?: string;
  rows?: number;
  disabled?: boolean;
}) {
  const id = useId();
  const { value, onChange, total, cap, note, rows = 2, disabled } = props;
  return (
    <div className="mw-prompt">
      <label htmlFor={id}>
        Prompt{' '}
        <small className="muted">
          ({total} token{total === 1 ? '' : 's'}
          {cap !== undefined && total > cap ? `; only the first ${cap} are analysed, to keep the charts readable` : ''}
          {note ? `; ${note}` : ''})
        </small>
      </label>
      <textarea id={id} value={value} rows={rows} onChange={(e) => onChange(e.target.value)} disabled={disabled} spellCheck={false} />
    </div>
  );
}

/** Says, before anything runs, which model the widget will show: the real GPT-2, or the demo and what that means. */
function ServedModelNote() {
  const model = useServedModel();
  const mine = useChosenMyModel();
  if (mine) {
    const { nLayer, nHead, nEmbd } = mine.config;
    return (
      <p className="mw-note" data-testid="served-model">
        These widgets run your model “{mine.name}”: {nLayer} layers of {nHead} heads of {nEmbd / nHead} numbers, trained in this browser on{' '}
        {mine.corpus} (validation loss {mine.losses.val?.toFixed(2) ?? '—'}). Every number is computed exactly; a model this small shows the
        simplest patterns at most. Words it never saw are left out of the prompt.
      </p>
    );
  }
  if (!model) return null;
  const { nLayer, nHead, nEmbd } = model.config;
  const shape = `${nLayer} layers of ${nHead} heads of ${nEmbd / nHead} numbers`;
  return (
    <p className="mw-note" data-testid="served-model">
      {model.demo ? demoSentence(shape, model.trained) : `This site runs ${model.name === 'gpt2' ? 'GPT-2 124M' : model.name}: ${shape}.`}
    </p>
  );
}

/** Shown where the model's numbers will be, before there are any. Never a fake number. */
export function NotYet({ running, children }: { running: boolean; children: ReactNode }) {
  const status = useModelStatus();
  return (
    <div className="mw-placeholder" data-testid="model-placeholder">
      <ServedModelNote />
      <p>
        {running || status.state === 'loading'
          ? 'Waiting for the model…'
          : status.state === 'error'
            ? 'No live numbers: the model could not be loaded (see above).'
            : 'No model output yet.'}
      </p>
      <p className="muted">{children}</p>
    </div>
  );
}

/** A failed request, said once (a failed model load is already shown by ModelStatus). */
export function RunError({ error }: { error: string | null }) {
  const status = useModelStatus();
  if (!error || status.state === 'error') return null;
  return (
    <p role="alert" className="mw-error">
      {error}
    </p>
  );
}

/**
 * A box that scrolls sideways when its content is wider than the screen (tables, charts): focusable
 * and named, so a keyboard can reach and scroll it.
 */
export function ScrollBox({ label, className = '', children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={`mw-scroll ${className}`.trim()} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
