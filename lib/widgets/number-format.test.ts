import { describe, expect, it } from 'vitest';
import { fmt, fmtPct, fmtSci, fmtVec } from './number-format';

describe('number format', () => {
  it('prints fixed digits with a real minus sign and no negative zero', () => {
    expect(fmt(0.12345)).toBe('0.123');
    expect(fmt(-2)).toBe('−2.000');
    expect(fmt(-0.0001)).toBe('0.000');
    expect(fmt(-Infinity)).toBe('−∞');
  });

  it('prints tiny differences in scientific notation', () => {
    expect(fmtSci(3.04e-7)).toBe('3.0e−7');
    expect(fmtSci(0)).toBe('0');
    expect(fmtSci(12)).toBe('1.2e1');
  });

  it('cuts vectors after n entries', () => {
    expect(fmtVec([1, -2, 3], 2, 1)).toBe('[1.0, −2.0, …]');
    expect(fmtVec([1, 2], 8, 0)).toBe('[1, 2]');
  });

  it('prints probabilities as percentages', () => {
    expect(fmtPct(0.41234)).toBe('41.2%');
    expect(fmtPct(0.01234)).toBe('1.23%');
    expect(fmtPct(0.00031)).toBe('0.031%');
    expect(fmtPct(0)).toBe('0%');
  });
});
