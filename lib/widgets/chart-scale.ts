/** Axis ticks for the widgets' small SVG charts. */

/** About `count` round ticks covering [0, max] (1, 2 or 5 × 10^n apart). */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = 0; t < max + step * 0.999; t += step) ticks.push(+t.toPrecision(12));
  return ticks;
}

/** Powers of ten covering [min, max] (both > 0), for a log axis. */
export function logTicks(min: number, max: number): number[] {
  const lo = Math.floor(Math.log10(Math.max(min, Number.MIN_VALUE)));
  const hi = Math.ceil(Math.log10(Math.max(max, min)));
  const out: number[] = [];
  for (let e = lo; e <= Math.max(hi, lo + 1); e++) out.push(10 ** e);
  return out;
}

/** Maps a value to [0, 1] along an axis from the first to the last tick (log10 when `log`). */
export function axisPosition(v: number, ticks: readonly number[], log: boolean): number {
  const f = log ? Math.log10 : (x: number) => x;
  const a = f(ticks[0]);
  const b = f(ticks[ticks.length - 1]);
  const x = log ? f(Math.max(v, Number.MIN_VALUE)) : v;
  return Math.min(1, Math.max(0, (x - a) / (b - a)));
}

/** '1e3' style labels for powers of ten, plain numbers otherwise. */
export function tickLabel(t: number, log: boolean): string {
  if (log) {
    const e = Math.round(Math.log10(t));
    return e >= -2 && e <= 3 ? String(10 ** e >= 1 ? 10 ** e : +(10 ** e).toFixed(-e)) : `1e${e}`.replace('-', '−');
  }
  return Math.abs(t) >= 1e4 ? t.toExponential(0).replace('e+', 'e') : String(t);
}
