'use client';
import { count, megabytes as mb } from '@/lib/format';
import { HUB_NAME } from '@/lib/model/load-plan';
import { demoBadge, demoBadgeTitle } from '@/lib/model/demo-words';
import type { BackendChoice, BackendReason } from '@/lib/worker/protocol';
import { listMyModels } from '@/lib/worker/my-models';
import {
  backendChoice,
  chooseBackend,
  chooseModel,
  chooseWeights,
  confirmDownload,
  useModelStatus,
  useMyModel,
  useLoaded,
  useServedModel,
  variantChoice,
} from './model-store';

const perSecond = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} tokens/s`;

/** Why this backend, in words. */
function reasonText(reason: BackendReason): string | null {
  switch (reason.how) {
    case 'asked':
      return null;
    case 'wasm-only':
      return `WASM because ${reason.why}`;
    case 'measured':
      return `measured here: WebGPU ${perSecond(reason.tokensPerSecond.webgpu)}, WASM ${perSecond(reason.tokensPerSecond.wasm)}`;
    case 'remembered':
      return 'the faster one when measured on this device';
    case 'fell-back':
      return reason.why;
  }
}

/**
 * The learner's choice of weights: the compact default, or the exported full-precision graph (the
 * exact numbers), from this site or, when it leaves decoder.onnx out, built from the original
 * checkpoint on the Hugging Face hub.
 */
function WeightsMenu() {
  const model = useServedModel();
  const mine = useMyModel();
  if (!model?.bytes.compact || mine) return null; // nothing to choose between (a model trained here runs its exact graph)
  const { compact, fp32, hub } = model.bytes;
  return (
    <label className="model-status__backend">
      Weights{' '}
      <select value={variantChoice() === 'fp32' ? 'fp32' : 'compact'} onChange={(e) => chooseWeights(e.target.value as 'compact' | 'fp32')}>
        <option value="compact">compact ({mb(compact)})</option>
        <option value="fp32" disabled={!fp32 && !hub}>
          {fp32
            ? `full precision, exact (${mb(fp32)})`
            : hub
              ? `full precision, from ${HUB_NAME} (${mb(hub)})`
              : 'full precision (not on this site)'}
        </option>
      </select>
    </label>
  );
}

const listKept = () => listMyModels().catch(() => []);

/** Which model the widgets run: the site's, or one the learner trained in this browser (when there is one). */
function ModelMenu() {
  const mine = useMyModel();
  const kept = useLoaded(listKept) ?? [];
  if (kept.length === 0) return null;
  return (
    <label className="model-status__backend">
      Model{' '}
      <select value={mine?.id ?? ''} onChange={(e) => chooseModel(e.target.value || null)}>
        <option value="">this site’s model</option>
        {kept.map((m) => (
          <option key={m.id} value={m.id}>
            your model “{m.name}”
          </option>
        ))}
      </select>
    </label>
  );
}

/** The learner's choice of backend; changing it loads the model again. */
function BackendMenu() {
  const hasWebGpu = typeof navigator !== 'undefined' && 'gpu' in navigator;
  return (
    <label className="model-status__backend">
      Run on{' '}
      <select value={backendChoice()} onChange={(e) => chooseBackend(e.target.value as BackendChoice)}>
        <option value="auto">the faster (automatic)</option>
        <option value="wasm">WASM (CPU)</option>
        <option value="webgpu" disabled={!hasWebGpu}>
          WebGPU{hasWebGpu ? '' : ' (not in this browser)'}
        </option>
      </select>
    </label>
  );
}

/** Loading progress with bytes, then which model and backend run; errors explained without breaking the page. */
export default function ModelStatus() {
  const status = useModelStatus();
  const mine = useMyModel();
  // Before the model starts, an empty line of the same height: the controls below never jump.
  if (status.state === 'idle') return <div className="model-status" aria-hidden="true" />;
  if (status.state === 'loading') {
    const p = status.progress;
    const label = !p
      ? 'Starting the model worker…'
      : p.phase === 'compile'
        ? 'Preparing the model (compiling the graph)…'
        : `${p.phase === 'cache' ? 'Reading' : 'Downloading'} ${p.file}: ${mb(p.loaded)} of ${mb(p.total)}`;
    return (
      <div className="model-status" role="status">
        <span>{label}</span>
        <progress max={p?.total || 1} value={p && p.phase !== 'compile' ? p.loaded : undefined} aria-label="Model loading progress" />
      </div>
    );
  }
  if (status.state === 'confirm') {
    return (
      <div className="model-status" role="status">
        <span>
          The live model is a {mb(status.bytes)} download{status.from ? ` from ${status.from}` : ''}, and {status.why}. Lessons and cards
          work without it; once downloaded it is kept for next time.
        </span>
        <button type="button" className="btn btn--primary" onClick={confirmDownload}>
          Download the model ({mb(status.bytes)})
        </button>
      </div>
    );
  }
  if (status.state === 'error') {
    return (
      <div className="model-status model-status--error" role="alert">
        <strong>The live model is not available.</strong> {status.message} <ModelMenu /> <BackendMenu />
      </div>
    );
  }
  const { model, backend, threads, reason, fellBack, variant, label, precision, downloadBytes, loadMs, accuracy } = status.info;
  const why = reasonText(reason);
  // Threads need cross-origin isolation: the host's headers, or the offline worker's from the next load.
  const isolation = { isolated: self.crossOriginIsolated, offlineWorker: !!navigator.serviceWorker?.controller };
  const agree = accuracy ? accuracy.top1Agree / accuracy.positions : null; // checked by the worker
  const compute = { int8: 'int8', q4: '4-bit', fp32: 'fp32' }[precision];
  const weights = variant === 'compact' ? `compact weights, ${compute} compute` : 'fp32 graph';
  const weightsTitle =
    variant === 'compact'
      ? `8-bit embeddings and 4-bit blocks, ${
          {
            int8: 'turned into 8-bit matrices when loading (activations are quantized on the fly)',
            q4: 'run as they are by 4-bit GPU kernels (the embeddings expanded to 32-bit floats)',
            fp32: 'expanded to 32-bit floats when loading',
          }[precision]
        }`
      : 'the exported 32-bit graph';
  return (
    <div className="model-status" role="status">
      <span>
        Model:{' '}
        <strong>
          {mine ? `your model “${mine.name}”` : model.name === 'gpt2' ? 'GPT-2 124M' : model.demo ? 'the demo model' : model.name}
        </strong>{' '}
        on <strong>{backend === 'webgpu' ? 'WebGPU' : `WASM (${threads} thread${threads === 1 ? '' : 's'})`}</strong>, {label}
      </span>
      {mine ? (
        <span
          className="badge"
          title={`Trained in this browser on ${mine.corpus}: ${mine.config.nLayer} layers, ${mine.config.nHead} heads, n_embd ${mine.config.nEmbd}, ${count(mine.vocab)} tokens`}
        >
          trained here: {count(mine.params)} parameters, validation loss {mine.losses.val?.toFixed(2) ?? '—'}
        </span>
      ) : model.demo ? (
        <span className="badge badge--warn" title={demoBadgeTitle(model.trained)}>
          {demoBadge(model.trained)}
        </span>
      ) : null}
      <details className="model-status__details">
        <summary>Details and settings</summary>
        <div className="model-status__more">
          <span className="muted" title={weightsTitle}>
            {weights}, {mb(downloadBytes)}, ready in {(loadMs / 1000).toFixed(1)} s
          </span>
          {agree !== null ? (
            <span
              className="muted"
              data-testid="model-accuracy"
              title={`Measured when the model was exported: ${accuracy!.positions} positions of a fixed paragraph, teacher-forced; largest logit difference ${accuracy!.maxLogitError.toPrecision(2)}`}
            >
              same top token as the fp32 graph at {(100 * agree).toFixed(0)}% of {accuracy!.positions} test positions
            </span>
          ) : null}
          {backend === 'wasm' && !isolation.isolated ? (
            <span className="muted" data-testid="isolation-note">
              one thread only: this page is not cross-origin isolated
              {isolation.offlineWorker ? ' yet; reload to get threads' : ' (the host sends no COOP/COEP headers)'}
            </span>
          ) : null}
          {why ? (
            <span className="muted" data-testid="backend-reason">
              ({why})
            </span>
          ) : null}
          {fellBack ? <span className="muted"> ({fellBack})</span> : null}
          <ModelMenu />
          <BackendMenu />
          <WeightsMenu />
        </div>
      </details>
    </div>
  );
}
