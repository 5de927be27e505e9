'use client';
// Train a tiny GPT-2 in this tab: pick a corpus and a size, watch the loss fall from its untrained level, read
// samples getting less random, pause, resume or stop. The training runs in a worker
// (lib/train/train.worker.ts) on TensorFlow.js's WASM backend, with the same code as `npm run train`.
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { countParameters, GPT2_SMALL } from '@/lib/model/config';
import { sitePath } from '@/lib/site';
import { decode } from '@/lib/tokenizer';
import { buildCorpus, tokenizeDocuments } from '@/lib/train/corpus';
import { CORPUS_SOURCES, type CorpusSource } from '@/lib/train/corpus-sources';
import { fullVocabRows, modelVocab } from '@/lib/train/full-vocab';
import { CORIOLANUS_OPENING } from '@/lib/tokenizer/shakespeare';
import { recentMean, trainingPhase } from '@/lib/train/phase';
import { SAMPLE_EVERY } from '@/lib/train/options';
import { TrainClient, type TrainResponse, type TrainSettings } from '@/lib/train/train-client';
import { median } from '@/lib/stats';
import LossChart from './LossChart';
import UseTrainedModel from './UseTrainedModel';
import TrainerSettings, { DEFAULT_SETTINGS, MAX_CORPUS_CHARS } from './TrainerSettings';
import PhaseNote from './PhaseNote';
import '@/components/widgets/model-widgets.css';
import './trainer.css';
import { count } from '@/lib/format';

type RunState = 'idle' | 'starting' | 'running' | 'paused' | 'done' | 'error';

interface Run {
  state: RunState;
  corpus: Extract<TrainResponse, { type: 'corpus' }> | null;
  losses: number[];
  stepMs: number[];
  valLosses: { step: number; loss: number }[];
  samples: { step: number; text: string }[];
  stopped: boolean;
  error: string | null;
}

const EMPTY: Run = { state: 'idle', corpus: null, losses: [], stepMs: [], valLosses: [], samples: [], stopped: false, error: null };

export default function TrainerWidget() {
  const [source, setSource] = useState<CorpusSource>('lessons');
  const [lessons, setLessons] = useState<string | null>(null);
  const [own, setOwn] = useState('');
  const [settings, setSettings] = useState<TrainSettings>(DEFAULT_SETTINGS);
  const [run, setRun] = useState<Run>(EMPTY);
  // The settings and corpus of the last run (the form may change after it).
  const [ran, setRan] = useState<(TrainSettings & { source: CorpusSource }) | null>(null);
  const client = useRef<TrainClient | null>(null);
  // While the trained model is being kept, the worker's 'kept' / 'error' answer goes to that panel.
  const keepListener = useRef<((msg: TrainResponse) => void) | null>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    fetch(sitePath('/lesson-corpus.txt'))
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((t) => live && setLessons(t))
      .catch(() => live && setLessons(''));
    return () => {
      live = false;
      client.current?.terminate();
    };
  }, []);

  const text = source === 'lessons' ? (lessons ?? '') : source === 'shakespeare' ? CORIOLANUS_OPENING.text : own;
  const deferredText = useDeferredValue(text);
  // The corpus as the model will see it, counted before training (tokenizing 100 kB takes ~0.1 s);
  // its ids go to the worker when the run starts, so the text is tokenized once.
  const preview = useMemo(() => {
    if (!deferredText.trim()) return null;
    const ids = tokenizeDocuments([deferredText]);
    const c = buildCorpus(ids);
    return { text: deferredText, ids, tokens: c.train.length + c.val.length, vocab: c.tokenMap.size, val: c.val.length };
  }, [deferredText]);
  const params = preview
    ? countParameters({
        vocabSize: settings.fullVocab ? fullVocabRows(preview.vocab) : preview.vocab,
        blockSize: settings.blockSize,
        nLayer: settings.nLayer,
        nHead: settings.nHead,
        nEmbd: settings.nEmbd,
        layerNormEpsilon: 1e-5,
      }).total
    : null;
  const tooShort = preview !== null && preview.val < settings.blockSize + 1;

  function onMessage(msg: TrainResponse) {
    if (keepListener.current && (msg.type === 'kept' || msg.type === 'error')) {
      keepListener.current(msg);
      keepListener.current = null;
      return;
    }
    setRun((r) => {
      switch (msg.type) {
        case 'corpus':
          return { ...r, state: 'running', corpus: msg };
        case 'step':
          return {
            ...r,
            state: r.state === 'paused' ? 'paused' : 'running',
            losses: [...r.losses, msg.loss],
            stepMs: [...r.stepMs, msg.ms],
          };
        case 'eval':
          return { ...r, valLosses: [...r.valLosses, { step: msg.step, loss: msg.loss }] };
        case 'sample':
          return { ...r, samples: [{ step: msg.step, text: decode(msg.ids) }, ...r.samples].slice(0, 4) };
        case 'paused':
          return { ...r, state: 'paused' };
        case 'done':
          return { ...r, state: 'done', stopped: msg.stopped };
        case 'error':
          return { ...r, state: 'error', error: msg.message };
        default:
          return r;
      }
    });
  }

  function start() {
    client.current?.terminate();
    keepListener.current = null;
    setRun({ ...EMPTY, state: 'starting' });
    setRan({ ...settings, source });
    client.current = new TrainClient(onMessage);
    const ids = Int32Array.from(preview?.text === text ? preview.ids : tokenizeDocuments([text]));
    client.current.start(ids, settings, { sampleEvery: SAMPLE_EVERY, wasmPaths: new URL(sitePath('/tfjs/'), location.href).href });
  }

  const steps = ran?.steps ?? settings.steps;
  const tokensPerStep = (ran?.batchSize ?? settings.batchSize) * (ran?.blockSize ?? settings.blockSize);
  const stepMs = median(run.stepMs.slice(-10));
  // The tokens the model chooses between: as run, or as the settings would run it.
  const predicts =
    run.corpus && ran ? modelVocab(run.corpus.vocab, ran.fullVocab) : preview ? modelVocab(preview.vocab, settings.fullVocab) : null;
  const phase = trainingPhase({
    losses: run.losses,
    valLosses: run.valLosses,
    vocab: predicts ?? 1,
    finished: run.state === 'done',
  });
  const busy = run.state === 'starting' || run.state === 'running' || run.state === 'paused';

  return (
    <section className="widget mw trainer ui" aria-label="Trainer">
      <fieldset className="trainer__corpus" disabled={busy}>
        <legend>Corpus</legend>
        {(Object.keys(CORPUS_SOURCES) as CorpusSource[]).map((k) => (
          <label key={k} className="trainer__choice">
            <input type="radio" name={`${id}-corpus`} checked={source === k} onChange={() => setSource(k)} /> {CORPUS_SOURCES[k].label}
            {k === 'lessons' && lessons === '' ? ' (could not be loaded)' : ''}
          </label>
        ))}
        {source === 'own' ? <OwnText value={own} onChange={setOwn} /> : null}
        <p className="muted mw-small" data-testid="trainer-corpus">
          {preview
            ? `${count(preview.tokens)} tokens; your corpus uses ${count(preview.vocab)} of GPT-2’s 50,257 tokens, so the model’s wte has ${count(preview.vocab)} rows${settings.fullVocab ? `, and one more that the other ${count(GPT2_SMALL.vocabSize - preview.vocab)} share` : ''}. 90 % for training, the last 10 % (${count(preview.val)} tokens) held out for validation.`
            : source === 'lessons' && lessons === null
              ? 'Loading the lessons’ text…'
              : 'No text yet.'}
        </p>
        {tooShort ? (
          <p role="alert" className="gen-error">
            The corpus is too short: its validation tenth has {preview!.val} tokens, fewer than one window of {settings.blockSize} + 1. Add
            text or choose a smaller block size.
          </p>
        ) : null}
      </fieldset>

      <TrainerSettings value={settings} onChange={setSettings} disabled={busy} params={params} />

      <div className="mw-actions">
        {busy ? (
          <>
            {run.state === 'paused' ? (
              <button type="button" className="btn btn--primary" onClick={() => client.current?.resume()}>
                Resume
              </button>
            ) : (
              <button type="button" className="btn" onClick={() => client.current?.pause()} disabled={run.state === 'starting'}>
                Pause
              </button>
            )}
            <button type="button" className="btn" onClick={() => client.current?.stop()}>
              Stop
            </button>
          </>
        ) : (
          <button type="button" className="btn btn--primary" onClick={start} disabled={!preview || tooShort}>
            {run.state === 'idle' ? 'Train' : 'Train again from scratch'}
          </button>
        )}
      </div>

      <p className="trainer__status" role="status" data-testid="trainer-status">
        {run.state === 'idle'
          ? `${count(settings.steps)} steps of ${settings.batchSize} windows × ${settings.blockSize} tokens, on this device’s CPU (WebAssembly).`
          : run.state === 'starting'
            ? 'Starting: tokenizing the corpus and building the model…'
            : run.state === 'error'
              ? `Training stopped: ${run.error}`
              : `Step ${count(run.losses.length)} of ${count(steps)} · training loss ${recentMean(run.losses, 10).toFixed(2)}${
                  run.valLosses.length ? ` · validation loss ${run.valLosses.at(-1)!.loss.toFixed(2)}` : ''
                }${stepMs ? ` · ${count(Math.round((tokensPerStep * 1000) / stepMs))} tokens/s` : ''}${
                  run.state === 'paused' ? ' · paused' : run.state === 'done' ? (run.stopped ? ' · stopped' : ' · done') : ''
                }`}
      </p>

      <LossChart losses={run.losses} valLosses={run.valLosses} steps={steps} vocab={predicts} />
      <PhaseNote phase={phase} vocab={predicts} />

      {run.samples.length ? (
        <div className="trainer__samples">
          <h3 className="mw-h">Samples (temperature 0.8, from &lt;|endoftext|&gt;)</h3>
          <ol data-testid="trainer-samples">
            {run.samples.map((s) => (
              <li key={s.step}>
                <span className="muted">step {s.step}:</span> <span className="trainer__sample">{s.text}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}

      {run.state === 'done' && client.current && ran && run.corpus ? (
        <UseTrainedModel
          client={client.current}
          corpus={ran.source}
          corpusTokens={run.corpus.tokens}
          settings={ran}
          steps={run.losses.length}
          onKept={(listen) => (keepListener.current = listen)}
        />
      ) : null}
    </section>
  );
}

function OwnText({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  return (
    <div className="trainer__own">
      <label htmlFor={id} className="visually-hidden">
        Your text
      </label>
      <textarea
        id={id}
        rows={5}
        maxLength={MAX_CORPUS_CHARS}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="Paste a few pages of text…"
      />
      <label className="btn trainer__file">
        Open a text file
        <input
          type="file"
          accept=".txt,.md,text/plain,text/markdown"
          className="visually-hidden"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            if (f.size > MAX_CORPUS_CHARS) return setError(`${f.name} is ${(f.size / 1e6).toFixed(1)} MB; at most 2 MB of text.`);
            setError(null);
            onChange(await f.text());
          }}
        />
      </label>
      {error ? (
        <p role="alert" className="gen-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
