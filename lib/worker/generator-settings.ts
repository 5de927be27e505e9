// Generator settings, their shareable URL form (?prompt=…&n=…&t=…&k=…&p=…&seed=…&greedy=1), and
// their validation: every field and every link parameter is checked, and what was corrected is
// said in words (a link with k=-3 opens with top-k 0 and the note "top-k -3 is below 0; using 0").
import type { SamplingOptions } from './protocol';

export interface GeneratorSettings extends SamplingOptions {
  prompt: string;
  maxNewTokens: number;
}

export const DEFAULT_SETTINGS: GeneratorSettings = {
  prompt: 'The attention mechanism lets every token',
  maxNewTokens: 40,
  greedy: false,
  temperature: 0.8,
  topK: 40,
  topP: 0.95,
  seed: 42,
};

/** GPT-2 tokens in DEFAULT_SETTINGS.prompt (a unit test holds it to the tokenizer): the generator shows the count before its tokenizer has loaded. */
export const DEFAULT_PROMPT_TOKENS = 6;

type NumberKey = 'maxNewTokens' | 'temperature' | 'topK' | 'topP' | 'seed';

export const LIMITS: Readonly<Record<NumberKey, readonly [number, number]>> = {
  maxNewTokens: [1, 256],
  temperature: [0.05, 2],
  topK: [0, 200],
  topP: [0.05, 1],
  seed: [0, 2 ** 31 - 1],
};

/**
 * The longest prompt taken, in characters. GPT-2 sees at most 1,024 tokens (a few thousand
 * characters of English); a longer prompt only costs time, and a crafted link could freeze the page.
 */
export const MAX_PROMPT_CHARS = 8000;

const INTEGER: ReadonlySet<NumberKey> = new Set(['maxNewTokens', 'topK', 'seed']);
export const FIELD_NAMES: Readonly<Record<NumberKey, string>> = {
  maxNewTokens: 'max new tokens',
  temperature: 'temperature',
  topK: 'top-k',
  topP: 'top-p',
  seed: 'seed',
};

export interface Checked {
  settings: GeneratorSettings;
  /** One sentence per corrected value; empty when everything was fine. */
  corrections: string[];
}

/** A value for field `k`: within its limits, whole where it must be; `note` says what changed. */
export function checkNumber(k: NumberKey, value: number, fallback: number): { value: number; note?: string } {
  const name = FIELD_NAMES[k];
  const [lo, hi] = LIMITS[k];
  if (!Number.isFinite(value)) return { value: fallback, note: `${name} is not a number; using ${fallback}` };
  let v = INTEGER.has(k) ? Math.round(value) : value;
  const notes: string[] = [];
  if (v !== value) notes.push(`${name} ${value} is not a whole number; using ${v}`);
  if (v < lo) {
    notes.push(`${name} ${v} is below ${lo}; using ${lo}`);
    v = lo;
  }
  if (v > hi) {
    notes.push(`${name} ${v} is above ${hi}; using ${hi}`);
    v = hi;
  }
  return notes.length ? { value: v, note: notes.join('; ') } : { value: v };
}

function checkPrompt(prompt: string): { value: string; note?: string } {
  if (prompt.length <= MAX_PROMPT_CHARS) return { value: prompt };
  return {
    value: prompt.slice(0, MAX_PROMPT_CHARS),
    note: `the prompt was ${prompt.length.toLocaleString('en-US')} characters; only the first ${MAX_PROMPT_CHARS.toLocaleString('en-US')} are used`,
  };
}

/** Every field checked: what the UI hands to the model and to share links. */
export function checkSettings(s: GeneratorSettings): Checked {
  const corrections: string[] = [];
  const settings = { ...s };
  const prompt = checkPrompt(s.prompt);
  settings.prompt = prompt.value;
  if (prompt.note) corrections.push(prompt.note);
  for (const k of Object.keys(LIMITS) as NumberKey[]) {
    if (s.greedy && (k === 'temperature' || k === 'topK' || k === 'topP')) continue; // unused when greedy
    const checked = checkNumber(k, s[k], DEFAULT_SETTINGS[k]);
    settings[k] = checked.value;
    if (checked.note) corrections.push(checked.note);
  }
  return { settings, corrections };
}

export function toSearchParams(s: GeneratorSettings): URLSearchParams {
  const q = new URLSearchParams({ prompt: s.prompt, n: String(s.maxNewTokens), seed: String(s.seed) });
  if (s.greedy) q.set('greedy', '1');
  else {
    q.set('t', String(s.temperature));
    q.set('k', String(s.topK));
    q.set('p', String(s.topP));
  }
  return q;
}

const PARAM: Readonly<Record<NumberKey, string>> = { maxNewTokens: 'n', temperature: 't', topK: 'k', topP: 'p', seed: 'seed' };

/** Reads settings from a share link; a missing value takes the default, a bad one is corrected and said so. */
export function fromSearchParams(q: URLSearchParams, base: GeneratorSettings = DEFAULT_SETTINGS): Checked {
  const corrections: string[] = [];
  const settings: GeneratorSettings = { ...base, greedy: q.has('greedy') ? q.get('greedy') === '1' : q.has('t') ? false : base.greedy };
  const prompt = checkPrompt(q.get('prompt') ?? base.prompt);
  settings.prompt = prompt.value;
  if (prompt.note) corrections.push(prompt.note);
  for (const k of Object.keys(LIMITS) as NumberKey[]) {
    const raw = q.get(PARAM[k]);
    if (raw === null) continue;
    const value = raw.trim() === '' ? NaN : Number(raw);
    const checked = checkNumber(k, value, base[k]);
    settings[k] = checked.value;
    if (checked.note)
      corrections.push(
        Number.isFinite(value) ? checked.note : `${FIELD_NAMES[k]} "${raw.slice(0, 20)}" is not a number; using ${checked.value}`,
      );
  }
  return { settings, corrections };
}
