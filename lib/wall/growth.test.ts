import { describe, expect, it } from 'vitest';
import { growthPer, HOUR_MS, MINUTE_MS, valueAt } from './growth';
import type { TChartPoint } from '../series';

const T0 = Date.UTC(2026, 10, 23, 20, 19);

describe('valueAt', () => {
  const pts: TChartPoint[] = [
    [T0, 100],
    [T0 + 10_000, 200],
    [T0 + 30_000, 400],
  ];
  it('interpolates between points and clamps outside them', () => {
    expect(valueAt(pts, T0 + 5_000)).toBe(150);
    expect(valueAt(pts, T0 + 20_000)).toBe(300);
    expect(valueAt(pts, T0 - 1)).toBe(100);
    expect(valueAt(pts, T0 + 99_000)).toBe(400);
    expect(valueAt([], T0)).toBeNull();
  });
});

describe('growthPer', () => {
  it('is the increase over the last minute, interpolated at its start', () => {
    // 1.25M rising 1,000 every 10 s for 5 minutes.
    const pts: TChartPoint[] = Array.from({ length: 31 }, (_, i) => [T0 + i * 10_000, 1_250_000 + i * 1000]);
    expect(growthPer(pts, MINUTE_MS)).toEqual({ value: 6000, complete: true });
  });

  it('measures from the newest point, not the clock, and ignores older, steeper growth', () => {
    const pts: TChartPoint[] = [
      [T0, 0],
      [T0 + 60_000, 1_000_000],
      [T0 + 120_000, 1_000_600],
    ];
    expect(growthPer(pts, MINUTE_MS)!.value).toBe(600);
  });

  it('scales up a span shorter than the unit and says it is incomplete', () => {
    const pts: TChartPoint[] = [
      [T0, 1_000_000],
      [T0 + 10 * MINUTE_MS, 1_010_000],
    ];
    expect(growthPer(pts, HOUR_MS)).toEqual({ value: 60_000, complete: false });
  });

  it('reports a fall as negative growth', () => {
    const pts: TChartPoint[] = [
      [T0, 40_000],
      [T0 + MINUTE_MS, 38_000],
    ];
    expect(growthPer(pts, MINUTE_MS)!.value).toBe(-2000);
  });

  it('is null without two points in time', () => {
    expect(growthPer([], MINUTE_MS)).toBeNull();
    expect(growthPer([[T0, 1]], MINUTE_MS)).toBeNull();
    expect(
      growthPer(
        [
          [T0, 1],
          [T0, 2],
        ],
        MINUTE_MS,
      ),
    ).toBeNull();
  });
});
