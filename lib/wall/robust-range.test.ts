import { describe, expect, it } from 'vitest';
import { robustRange, wildPoints } from './robust-range';

const ramp = (n: number, from = 1_000_000, step = 1_000) => Array.from({ length: n }, (_, i) => from + i * step);

describe('robustRange', () => {
  it('leaves one wild point out of the axis, high or negative', () => {
    const high = ramp(100);
    high[40] = 9e9;
    expect(wildPoints(high)).toEqual(new Set([40]));
    const r = robustRange([high])!;
    expect(r.max).toBeLessThan(1_200_000);
    expect(r.min).toBeGreaterThan(900_000);
    const low = ramp(100);
    low[60] = -200_000;
    expect(robustRange([low])!.min).toBeGreaterThan(900_000);
  });

  it('changes nothing for a clean series, a real surge, or a step that stays', () => {
    expect(robustRange([ramp(100)])).toBeNull();
    const surge = ramp(100);
    surge.push(3_000_000);
    expect(robustRange([surge])).toBeNull();
    const step = [...ramp(50), ...ramp(50, 5_000_000)];
    expect(robustRange([step])).toBeNull();
    expect(robustRange([[1, 2]])).toBeNull();
  });

  it('finds a spike on a flat series and spans every line on the axis', () => {
    const flat = Array.from({ length: 30 }, () => 500);
    flat[10] = 1e9;
    const r = robustRange([flat, [100, 200, 300, 400, 500, 600]])!;
    expect(r.min).toBe(75);
    expect(r.max).toBeLessThan(1000);
  });
});
