import { describe, expect, it } from 'vitest';
import { legendGradient, luminance, probColor, scaleValue, textOn, viridis } from './heatmap-scale';

describe('viridis', () => {
  it('hits its anchors and clamps outside [0, 1]', () => {
    expect(viridis(0)).toEqual([0x44, 0x01, 0x54]);
    expect(viridis(1)).toEqual([0xfd, 0xe7, 0x25]);
    expect(viridis(0.5)).toEqual([0x21, 0x91, 0x8c]);
    expect(viridis(-3)).toEqual(viridis(0));
    expect(viridis(7)).toEqual(viridis(1));
    expect(viridis(Number.NaN)).toEqual(viridis(0));
  });

  it('gets lighter monotonically, so order survives greyscale and colour-blindness', () => {
    let last = -1;
    for (let i = 0; i <= 100; i++) {
      const L = luminance(viridis(i / 100));
      expect(L).toBeGreaterThan(last);
      last = L;
    }
  });

  it('puts white text on dark cells and black on light ones', () => {
    expect(textOn(viridis(0))).toBe('#fff');
    expect(textOn(viridis(1))).toBe('#000');
  });
});

describe('scale modes', () => {
  it('linear is the identity on [0, 1]; sqrt lifts small weights', () => {
    expect(scaleValue(0.25, 'linear')).toBe(0.25);
    expect(scaleValue(0.25, 'sqrt')).toBe(0.5);
    expect(scaleValue(2, 'linear')).toBe(1);
    expect(probColor(0.25, 'sqrt')).toBe(probColor(0.5, 'linear'));
  });

  it('builds a legend gradient from 0% to 100%', () => {
    const g = legendGradient('linear', 4);
    expect(g.startsWith('linear-gradient(to right, rgb(68 1 84) 0.0%')).toBe(true);
    expect(g.endsWith('rgb(253 231 37) 100.0%)')).toBe(true);
  });
});
