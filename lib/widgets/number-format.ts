/** How the model widgets print numbers: a real minus sign, fixed digits, and vectors cut short. */

/** 0.1234 → '0.123', −2 → '−2.000', −∞ → '−∞'. */
export function fmt(x: number, digits = 3): string {
  if (x === -Infinity) return '−∞';
  if (x === Infinity) return '∞';
  if (Number.isNaN(x)) return 'NaN';
  const s = x.toFixed(digits);
  return s.startsWith('-') ? (/^-0\.?0*$/.test(s) ? s.slice(1) : `−${s.slice(1)}`) : s;
}

/** 3.2e-7 → '3.2e−7'; 0 → '0'. For differences that should be tiny. */
export function fmtSci(x: number, digits = 1): string {
  if (x === 0) return '0';
  return x.toExponential(digits).replace('e+', 'e').replace('e-', 'e−').replace(/^-/, '−');
}

/** The first n entries of a vector: '[0.123, −0.456, …]' when it has more. */
export function fmtVec(v: ArrayLike<number>, n = 8, digits = 3): string {
  const shown = Array.from({ length: Math.min(n, v.length) }, (_, i) => fmt(v[i], digits));
  return `[${shown.join(', ')}${v.length > n ? ', …' : ''}]`;
}

/** A probability as a percentage with enough digits to tell small ones apart: '41.2%', '0.031%'. */
export function fmtPct(p: number): string {
  const pct = p * 100;
  if (pct === 0) return '0%';
  if (pct >= 10) return `${pct.toFixed(1)}%`;
  if (pct >= 0.1) return `${pct.toFixed(2)}%`;
  return `${pct.toPrecision(2)}%`;
}
