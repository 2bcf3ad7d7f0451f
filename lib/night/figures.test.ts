import { describe, expect, it } from 'vitest';
import { fastestGrowth, lastValuesAt, planDelta, replayTimes, seriesFigures, stat, formatPlanDelta } from './figures';

describe('night figures', () => {
  it('median and p90 by their stated rules', () => {
    expect(stat([])).toEqual({ median: null, p90: null, count: 0 });
    expect(stat([5])).toEqual({ median: 5, p90: 5, count: 1 });
    expect(stat([4, 1, 3, 2])).toEqual({ median: 2.5, p90: 4, count: 4 });
    expect(stat([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toMatchObject({ median: 5.5, p90: 9 });
  });
  it('start, end, peak with the first time of the peak', () => {
    expect(
      seriesFigures([
        [1, 5],
        [2, 9],
        [3, 9],
        [4, 7],
      ]),
    ).toEqual({ start: 5, end: 7, peak: 9, peakAt: 2 });
  });
  it('fastest growth over whole units only, interpolating the start', () => {
    const pts: [number, number][] = [
      [0, 0],
      [30_000, 10],
      [60_000, 20],
      [90_000, 80],
      [120_000, 90],
    ];
    expect(fastestGrowth(pts, 60_000)).toEqual({ value: 70, at: 90_000 });
    expect(fastestGrowth(pts, 3_600_000)).toBeNull();
    // start between samples: at 100 s, start 40 s → 10 + (20-10)·(10/30)
    expect(
      fastestGrowth(
        [
          [0, 0],
          [30_000, 10],
          [60_000, 20],
          [100_000, 100],
        ],
        60_000,
      )!.value,
    ).toBeCloseTo(100 - (10 + 10 / 3), 9);
  });
  it('replay stops at each minute and at the window end; values are the last at or before each', () => {
    expect(replayTimes(0, 180_000)).toEqual([0, 60_000, 120_000, 180_000]);
    expect(replayTimes(1, 130_000)).toEqual([60_000, 120_000, 130_000]);
    expect(
      lastValuesAt(
        [
          [30_000, 1],
          [60_000, 2],
          [150_000, 3],
        ],
        [0, 60_000, 120_000, 180_000],
      ),
    ).toEqual([null, 2, 2, 3]);
  });
  it('plan delta at the latest point, none outside the plan', () => {
    expect(
      planDelta(
        [
          [0, 100],
          [100, 200],
        ],
        { time: 50, value: 156 },
      )!.ratio,
    ).toBeCloseTo(0.04, 9);
    expect(
      planDelta(
        [
          [0, 100],
          [100, 200],
        ],
        { time: 150, value: 1 },
      ),
    ).toBeNull();
    expect(formatPlanDelta(0.042)).toBe('+4.2 %');
    expect(formatPlanDelta(-0.03)).toBe('−3.0 %');
  });
});
