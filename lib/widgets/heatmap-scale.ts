/**
 * Colour for a value in [0, 1] on viridis, a perceptually uniform sequential scale that reads for
 * the common colour-vision deficiencies and in greyscale. The cells are opaque, so it reads the
 * same on the light and the dark theme; `textOn` picks black or white text for a cell.
 */

export type Rgb = readonly [number, number, number];

/** viridis (matplotlib) sampled at 0, 0.1, …, 1; linear interpolation in between. */
const VIRIDIS: readonly Rgb[] = [
  [0x44, 0x01, 0x54],
  [0x48, 0x24, 0x75],
  [0x41, 0x44, 0x87],
  [0x35, 0x5f, 0x8d],
  [0x2a, 0x78, 0x8e],
  [0x21, 0x91, 0x8c],
  [0x22, 0xa8, 0x84],
  [0x44, 0xbf, 0x70],
  [0x7a, 0xd1, 0x51],
  [0xbd, 0xdf, 0x26],
  [0xfd, 0xe7, 0x25],
];

export function viridis(t: number): Rgb {
  const x = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const pos = x * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(pos));
  const f = pos - i;
  const [a, b] = [VIRIDIS[i], VIRIDIS[i + 1]];
  return [0, 1, 2].map((c) => Math.round(a[c] + (b[c] - a[c]) * f)) as unknown as Rgb;
}

export function rgbCss([r, g, b]: Rgb): string {
  return `rgb(${r} ${g} ${b})`;
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Black or white, whichever contrasts more with the background colour. */
export function textOn(bg: Rgb): '#000' | '#fff' {
  const L = luminance(bg);
  return (L + 0.05) / 0.05 >= 1.05 / (L + 0.05) ? '#000' : '#fff';
}

/**
 * How a probability maps to the colour axis. 'linear' is the honest default; 'sqrt' spreads the
 * small weights (most of a row is often near 0) at the cost of exaggerating them. The legend
 * always says which one is on.
 */
export type ScaleMode = 'linear' | 'sqrt';

export function scaleValue(p: number, mode: ScaleMode): number {
  const x = Math.min(1, Math.max(0, p));
  return mode === 'sqrt' ? Math.sqrt(x) : x;
}

export function probColor(p: number, mode: ScaleMode = 'linear'): string {
  return rgbCss(viridis(scaleValue(p, mode)));
}

/** A CSS linear-gradient for a legend bar, left = 0 and right = 1 on the probability axis. */
export function legendGradient(mode: ScaleMode, steps = 16): string {
  const stops = Array.from({ length: steps + 1 }, (_, i) => {
    const p = i / steps;
    return `${probColor(p, mode)} ${(p * 100).toFixed(1)}%`;
  });
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
