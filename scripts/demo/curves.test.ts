import { describe, expect, it } from 'vitest';
import { linear, smooth, step } from './curves';

const KNOTS = [
  { at: 0, value: 10 },
  { at: 10, value: 20 },
  { at: 20, value: 100 },
  { at: 30, value: 40 },
  { at: 40, value: 40 },
];

describe('curves', () => {
  it('hit every knot and hold the ends', () => {
    for (const f of [linear(KNOTS), smooth(KNOTS), step(KNOTS)]) {
      for (const k of KNOTS) expect(f(k.at)).toBeCloseTo(k.value, 9);
      expect(f(-5)).toBe(10);
      expect(f(99)).toBe(40);
    }
    expect(linear(KNOTS)(5)).toBe(15);
    expect(step(KNOTS)(15)).toBe(20);
  });

  it('smooth never overshoots: rising stays rising, the peak stays at its knot, flat stays flat', () => {
    const f = smooth(KNOTS);
    let prev = -Infinity;
    for (let t = 0; t <= 20; t += 0.1) {
      expect(f(t)).toBeGreaterThanOrEqual(prev - 1e-9);
      prev = f(t);
    }
    for (let t = 0; t <= 40; t += 0.1) expect(f(t)).toBeLessThanOrEqual(100 + 1e-9);
    for (let t = 30; t <= 40; t += 0.5) expect(f(t)).toBeCloseTo(40, 9);
  });

  it('works with one or two knots, in any order', () => {
    expect(smooth([{ at: 5, value: 3 }])(100)).toBe(3);
    expect(
      smooth([
        { at: 10, value: 2 },
        { at: 0, value: 0 },
      ])(5),
    ).toBe(1);
  });
});
