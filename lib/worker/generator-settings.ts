// Generator settings and their shareable URL form (?prompt=…&n=…&t=…&k=…&p=…&seed=…&greedy=1).
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

export const LIMITS = {
  maxNewTokens: [1, 256],
  temperature: [0.05, 2],
  topK: [0, 200],
  topP: [0.05, 1],
  seed: [0, 2 ** 31 - 1],
} as const;

function clamp(x: number, [lo, hi]: readonly [number, number]) {
  return Math.min(hi, Math.max(lo, x));
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

/** Reads settings from a query string; anything missing or out of range falls back to a default or is clamped. */
export function fromSearchParams(q: URLSearchParams, base: GeneratorSettings = DEFAULT_SETTINGS): GeneratorSettings {
  const num = (key: string, fallback: number, limits: readonly [number, number], int = false) => {
    const raw = q.get(key);
    const v = raw === null || raw.trim() === '' ? NaN : Number(raw);
    if (!Number.isFinite(v)) return fallback;
    return clamp(int ? Math.round(v) : v, limits);
  };
  return {
    prompt: q.get('prompt') ?? base.prompt,
    maxNewTokens: num('n', base.maxNewTokens, LIMITS.maxNewTokens, true),
    greedy: q.has('greedy') ? q.get('greedy') === '1' : q.has('t') ? false : base.greedy,
    temperature: num('t', base.temperature, LIMITS.temperature),
    topK: num('k', base.topK, LIMITS.topK, true),
    topP: num('p', base.topP, LIMITS.topP),
    seed: num('seed', base.seed, LIMITS.seed, true),
  };
}
