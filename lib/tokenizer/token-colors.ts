/**
 * Colours for token boundaries: the Okabe–Ito palette (Okabe & Ito 2008), made to stay
 * distinguishable under the common colour-vision deficiencies. Black and yellow are left
 * out (no contrast as a tint on the light and the dark theme respectively). Widgets draw
 * each colour as a translucent tint over the page background, so one list serves both
 * themes, and they also draw a border between tokens so colour is never the only cue.
 *
 * The order is chosen so that cyclic neighbours differ in hue and lightness
 * (blue → orange at the wrap, never orange → vermillion).
 */
export const TOKEN_PALETTE = [
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#0072B2', // blue
] as const;

/** Palette slot of the token at `index` (0-based position in the text). */
export function tokenColorIndex(index: number): number {
  if (!Number.isInteger(index) || index < 0) {
    throw new RangeError(`token index must be a non-negative integer, got ${String(index)}`);
  }
  return index % TOKEN_PALETTE.length;
}

/**
 * The colour of the token at `index`. Token i and token i + 1 always get different
 * colours, and a token keeps its colour while text after it is edited.
 */
export function tokenColor(index: number): string {
  return TOKEN_PALETTE[tokenColorIndex(index)];
}
