import { describe, expect, it } from 'vitest';
import { axisPosition, logTicks, niceTicks, tickLabel } from './chart-scale';

describe('chart scales', () => {
  it('picks round linear ticks that cover the maximum', () => {
    expect(niceTicks(100, 4)).toEqual([0, 50, 100]);
    expect(niceTicks(7.3, 4)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0.9, 3)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('picks decades for a log axis', () => {
    expect(logTicks(0.5, 3000)).toEqual([0.1, 1, 10, 100, 1000, 10000]);
    expect(logTicks(2, 3)).toEqual([1, 10]);
  });

  it('maps values along the axis, clamped', () => {
    expect(axisPosition(50, [0, 50, 100], false)).toBe(0.5);
    expect(axisPosition(10, [1, 10, 100], true)).toBe(0.5);
    expect(axisPosition(1e6, [1, 10, 100], true)).toBe(1);
    expect(axisPosition(0, [1, 10, 100], true)).toBe(0);
  });

  it('labels ticks', () => {
    expect(tickLabel(1000, true)).toBe('1000');
    expect(tickLabel(0.01, true)).toBe('0.01');
    expect(tickLabel(1e-5, true)).toBe('1e−5');
    expect(tickLabel(25, false)).toBe('25');
  });
});
