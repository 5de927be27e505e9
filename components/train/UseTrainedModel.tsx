'use client';
// After a run: keep the trained model in this browser (exported to the same ONNX files as
// `npm run model:export`, lib/worker/keep-trained-model.ts), make it the model every widget runs,
// and download it as a Hugging Face folder that `npm run model:export` and `npm run generate` read.
import Link from '@/components/SiteLink';
import { useState } from 'react';
import { downloadMyModel } from '@/components/model/download-my-model';
import { chooseModel } from '@/components/model/model-store';
import type { TrainClient } from '@/lib/train/train-client';
import type { TrainResponse, TrainSettings } from '@/lib/train/train-protocol';
import type { MyModel } from '@/lib/worker/my-models';
import { count } from '@/lib/format';
import { CORPUS_SOURCES, type CorpusSource } from '@/lib/train/corpus-sources';

/** The model's default name: its corpus, shape and steps. */
export function defaultModelName(corpus: CorpusSource, s: TrainSettings, steps: number): string {
  return `${CORPUS_SOURCES[corpus].inName} ${s.nLayer}×${s.nEmbd}, ${steps} steps`;
}

export default function UseTrainedModel({
  client,
  corpus,
  corpusTokens,
  settings,
  steps,
  onKept,
}: {
  client: TrainClient;
  corpus: CorpusSource;
  corpusTokens: number;
  settings: TrainSettings;
  steps: number;
  /** Called with the worker's answer to 'keep' (the widget routes its messages here). */
  onKept: (listen: (msg: TrainResponse) => void) => void;
}) {
  const [name, setName] = useState(() => defaultModelName(corpus, settings, steps));
  const [state, setState] = useState<{ kind: 'idle' | 'keeping' } | { kind: 'kept'; model: MyModel } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });

  function keep() {
    setState({ kind: 'keeping' });
    onKept((msg) => {
      if (msg.type === 'kept') {
        chooseModel(msg.model.id);
        setState({ kind: 'kept', model: msg.model });
      } else if (msg.type === 'error') setState({ kind: 'error', message: msg.message });
    });
    client.keep({
      name: name.trim() || defaultModelName(corpus, settings, steps),
      createdAt: new Date().toISOString(),
      corpus: `${CORPUS_SOURCES[corpus].described}, ${count(corpusTokens)} tokens${settings.fullVocab ? ', whole vocabulary' : ''}`,
    });
  }

  async function download(model: MyModel) {
    try {
      await downloadMyModel(model.id);
    } catch (e) {
      setState({ kind: 'error', message: (e as Error).message });
    }
  }

  if (state.kind === 'kept') {
    const m = state.model;
    return (
      <div className="trainer__use" data-testid="trainer-kept">
        <p>
          <strong>“{m.name}”</strong> is kept in this browser ({(m.bytes / 1e6).toFixed(1)} MB) and is now the model of every widget: the{' '}
          <Link href="/generator/">generator</Link>, the <Link href="/lessons/attention/#a-worked-example-by-hand">attention explorer</Link>
          , the <Link href="/lessons/architecture/#what-layernorm-does">residual stream</Link> and the{' '}
          <Link href="/lessons/sampling/#temperature">next-token bars</Link>. Their status line says “your model”; its menu switches back.
        </p>
        <button type="button" className="btn" onClick={() => download(m)}>
          Download it (Hugging Face folder, .zip)
        </button>
      </div>
    );
  }
  return (
    <div className="trainer__use">
      <label className="gen-field">
        <span>Name</span>
        <input type="text" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} disabled={state.kind === 'keeping'} />
      </label>
      <button type="button" className="btn btn--primary" onClick={keep} disabled={state.kind === 'keeping'}>
        {state.kind === 'keeping' ? 'Exporting…' : 'Keep it and use it in the widgets'}
      </button>
      {state.kind === 'error' ? (
        <p role="alert" className="gen-error">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
