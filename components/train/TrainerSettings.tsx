'use client';
// The trainer's sizes and run length, with the parameter count they give on this corpus.
import type { TrainSettings } from '@/lib/train/train-protocol';
import { TRAIN_DEFAULTS } from '@/lib/train/options';
import { count } from '@/lib/format';
import { useId } from 'react';

/** The learner's own corpus: at most 2 MB of text. */
export const MAX_CORPUS_CHARS = 2_000_000;

export const DEFAULT_SETTINGS: TrainSettings = {
  nLayer: TRAIN_DEFAULTS.nLayer,
  nHead: TRAIN_DEFAULTS.nHead,
  nEmbd: TRAIN_DEFAULTS.nEmbd,
  blockSize: TRAIN_DEFAULTS.blockSize,
  batchSize: TRAIN_DEFAULTS.batchSize,
  steps: 300,
  dropout: TRAIN_DEFAULTS.dropout,
  seed: TRAIN_DEFAULTS.seed,
  fullVocab: TRAIN_DEFAULTS.fullVocab, // off: the loss starts at ln K, as the lesson tells it
};

// Choices that keep a run to minutes on a laptop's CPU; n_embd is a multiple of every head count.
const CHOICES = {
  nLayer: [1, 2, 3, 4],
  nHead: [1, 2, 4, 8],
  nEmbd: [32, 64, 96, 128],
  blockSize: [32, 64, 128],
  steps: [100, 300, 600, 1000, 2000],
  dropout: [0, 0.1, 0.2],
} as const;

const LABELS: Record<keyof typeof CHOICES, string> = {
  nLayer: 'Layers (n_layer)',
  nHead: 'Heads (n_head)',
  nEmbd: 'Width (n_embd)',
  blockSize: 'Context (block_size)',
  steps: 'Steps',
  dropout: 'Dropout',
};

export default function TrainerSettings({
  value,
  onChange,
  disabled,
  params,
}: {
  value: TrainSettings;
  onChange: (s: TrainSettings) => void;
  disabled: boolean;
  params: number | null;
}) {
  const hint = useId();
  return (
    <fieldset className="trainer__settings" disabled={disabled}>
      <legend>Model and run</legend>
      <div className="trainer__grid">
        {(Object.keys(CHOICES) as (keyof typeof CHOICES)[]).map((k) => (
          <label key={k} className="gen-field">
            <span>{LABELS[k]}</span>
            <select value={value[k]} onChange={(e) => onChange({ ...value, [k]: Number(e.target.value) })}>
              {CHOICES[k].map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="gen-field">
          <span>Seed</span>
          <input
            type="number"
            min={0}
            max={2 ** 31 - 1}
            value={value.seed}
            onChange={(e) => onChange({ ...value, seed: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
          />
        </label>
      </div>
      <label className="trainer__choice">
        <input
          type="checkbox"
          checked={value.fullVocab}
          aria-describedby={hint}
          onChange={(e) => onChange({ ...value, fullVocab: e.target.checked })}
        />{' '}
        Whole vocabulary
      </label>
      <p id={hint} className="muted mw-small">
        The tokens your text never uses share one more row of wte, so the kept model accepts any prompt (they all look alike to it); its
        file holds all 50,257 rows.
      </p>
      <p className="muted mw-small" data-testid="trainer-params">
        {params !== null
          ? `${count(params)} parameters · ${value.nHead} heads of ${value.nEmbd / value.nHead} · batch ${value.batchSize}`
          : 'The parameter count appears once the corpus is read.'}
      </p>
    </fieldset>
  );
}
