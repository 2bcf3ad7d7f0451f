import { describe, expect, it } from 'vitest';
import { SPARK_H, SPARK_W, sparkPaths } from './spark-path';
import type { TChartPoint } from './series';

/** The [x, y] corners of a path's data. */
const corners = (d: string) =>
  d
    .replace(/^M|Z$/g, '')
    .split('L')
    .map((p) => p.split(',').map(Number));

describe('spark paths', () => {
  it('spans the box: one x range for all lines, each line on its own y range, the first filled below', () => {
    const users: TChartPoint[] = [
      [0, 1_000_000],
      [60_000, 1_500_000],
      [120_000, 2_000_000],
    ];
    const online: TChartPoint[] = [
      [60_000, 30_000],
      [120_000, 40_000],
    ];
    const [a, b] = sparkPaths([
      { color: 'users', points: users, axis: 'a' },
      { color: 'online', points: online, axis: 'b' },
    ]);
    expect(corners(a!.line)).toEqual([
      [0, SPARK_H - 30],
      [SPARK_W / 2, SPARK_H / 2],
      [SPARK_W, 30],
    ]);
    // 30,000 → 40,000 is the whole height of its own scale, not a flat line under a million.
    expect(corners(b!.line)).toEqual([
      [SPARK_W / 2, SPARK_H - 30],
      [SPARK_W, 30],
    ]);
    expect(corners(a!.area!).slice(-2)).toEqual([
      [SPARK_W, SPARK_H],
      [0, SPARK_H],
    ]);
    expect(b!.area).toBeNull();
  });

  it('draws nothing for a line of fewer than two points, and a flat line in the middle', () => {
    expect(sparkPaths([{ color: 'users', points: [[0, 5]], axis: 'a' }])).toEqual([]);
    expect(sparkPaths([])).toEqual([]);
    const [flat] = sparkPaths([
      {
        color: 'online',
        points: [
          [0, 7],
          [10, 7],
        ],
        axis: 'b',
      },
    ]);
    expect(corners(flat!.line)).toEqual([
      [0, SPARK_H / 2],
      [SPARK_W, SPARK_H / 2],
    ]);
  });

  it('keeps a long night short in the HTML, and its spike', () => {
    const night: TChartPoint[] = Array.from({ length: 5000 }, (_, i) => [i * 1000, i === 2500 ? 1e6 : 100 + (i % 7)]);
    const [p] = sparkPaths([{ color: 'users', points: night, axis: 'a' }]);
    const pts = corners(p!.line);
    expect(pts.length).toBeLessThanOrEqual(240);
    expect(Math.min(...pts.map(([, y]) => y!))).toBe(30);
  });
});
