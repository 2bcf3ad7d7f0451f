import { describe, expect, it } from 'vitest';
import type { TChartPoint } from './series';
import { appendWindowed, decimate } from './decimate';

const series = (n: number): TChartPoint[] => Array.from({ length: n }, (_, i) => [i * 1000, Math.sin(i / 10) * 100 + i]);

describe('decimate', () => {
  it('leaves short series alone', () => {
    const s = series(10);
    expect(decimate(s, 100)).toBe(s);
  });
  it('keeps the first, the last and the extremes within the budget', () => {
    const s = series(10_000);
    s[5000] = [5_000_000, 1e9]; // a spike
    const d = decimate(s, 500);
    expect(d.length).toBeLessThanOrEqual(500);
    expect(d[0]).toEqual(s[0]);
    expect(d[d.length - 1]).toEqual(s[s.length - 1]);
    expect(d.some((p) => p[1] === 1e9)).toBe(true);
    for (let i = 1; i < d.length; i++) expect(d[i]![0]).toBeGreaterThan(d[i - 1]![0]);
  });
});

describe('appendWindowed', () => {
  it('drops points older than the window and stays under budget forever', () => {
    let w: TChartPoint[] = [];
    for (let t = 0; t < 200_000; t += 100) w = appendWindowed(w, [[t, t]], 3_600_000, 300);
    expect(w.length).toBeLessThanOrEqual(300);
    expect(w[w.length - 1]![0]).toBe(199_900);
  });
  it('merges an out-of-order push by time', () => {
    const w = appendWindowed(
      [
        [1, 1],
        [3, 3],
      ],
      [[2, 2]],
      1e9,
      100,
    );
    expect(w).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });
});
