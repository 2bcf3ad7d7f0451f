import { describe, expect, it } from 'vitest';
import curves from './fixtures/curves.json';
import { forecast, holt, leastSquares, rollup, saturationTime, theilSen, type TPoint } from './forecast';
import { evaluateHeadroom, isHealthy, stepWarn, withinLead } from './headroom';

const MIN = 60_000;
const LEAD = { bucketMs: MIN, windowMs: 30 * MIN, horizonMs: 60 * MIN };
const ramp = curves.ramp as TPoint[];
const plateau = curves.plateau as TPoint[];
const burst = curves.burst as TPoint[];
const step = curves.step as TPoint[];
const last = (c: TPoint[]) => c.at(-1)![0];
const valueAt = (c: TPoint[], t: number) => c.reduce((best, p) => (Math.abs(p[0] - t) < Math.abs(best[0] - t) ? p : best))[1];

describe('rollup', () => {
  it('averages each bucket at its mean time, oldest first', () => {
    expect(
      rollup(
        [
          [61_000, 4],
          [0, 1],
          [30_000, 3],
          [90_000, 6],
        ],
        MIN,
      ),
    ).toEqual([
      [15_000, 2],
      [75_500, 5],
    ]);
  });
});

describe('trend fits', () => {
  const line: TPoint[] = Array.from({ length: 20 }, (_, i) => [i * MIN, 1000 + 50 * i]);
  it('recover an exact line (Theil–Sen, least squares, Holt)', () => {
    for (const l of [theilSen(line), leastSquares(line), holt(line, MIN, 0.5, 0.3).line]) {
      expect(l.slope * MIN).toBeCloseTo(50, 5);
      expect(l.intercept).toBeCloseTo(1000 + 50 * 19, 5);
    }
  });
  it('Theil–Sen ignores a burst at the end that drags least squares up', () => {
    const withBurst = line.map(([t, v], i) => [t, i >= 17 ? v + 2000 : v] as TPoint);
    expect(theilSen(withBurst).slope * MIN).toBeLessThan(60);
    expect(leastSquares(withBurst).slope * MIN).toBeGreaterThan(100);
  });
});

describe('forecast on recorded curves', () => {
  it('launch ramp: within 10 % at +15 and +30 min', () => {
    for (const now of [90 * MIN, 120 * MIN, 150 * MIN]) {
      const f = forecast({ points: ramp, now, ...LEAD })!;
      for (const ahead of [15, 30]) {
        const actual = valueAt(ramp, now + ahead * MIN);
        expect(Math.abs(f.points[ahead]!.value - actual) / actual).toBeLessThan(0.1);
      }
      // The band holds the fit and widens ahead.
      expect(f.points[30]!.high - f.points[30]!.low).toBeGreaterThan(f.points[1]!.high - f.points[1]!.low);
      expect(f.points[30]!.low).toBeLessThan(f.points[30]!.value);
    }
  });
  it('plateau: the slope is small against the level, the next quarter hour within 5 % and inside the band', () => {
    const now = 230 * MIN;
    const f = forecast({ points: plateau, now, ...LEAD })!;
    expect(Math.abs(f.slope * 30 * MIN) / f.level).toBeLessThan(0.02);
    const actual = valueAt(plateau, now + 15 * MIN);
    expect(Math.abs(f.points[15]!.value - actual) / actual).toBeLessThan(0.05);
    expect(actual).toBeGreaterThan(f.points[15]!.low);
    expect(actual).toBeLessThan(f.points[15]!.high);
  });
  it('burst: a short burst barely moves the Theil–Sen trend (Holt and least squares climb)', () => {
    const now = last(burst);
    const ts = forecast({ points: burst, now, ...LEAD })!;
    const ls = forecast({ points: burst, now, ...LEAD, method: 'least-squares' })!;
    const ho = forecast({ points: burst, now, ...LEAD, method: 'holt' })!;
    expect(ts.points[30]!.value).toBeLessThan(320_000);
    expect(ls.points[30]!.value).toBeGreaterThan(ts.points[30]!.value + 10_000);
    expect(ho.points[30]!.value).toBeGreaterThan(ts.points[30]!.value + 10_000);
    // Against a limit of 350k, only Theil–Sen's upper edge stays under it within the lead time.
    expect(saturationTime(ts.points.slice(0, 31), 350_000, 300_000, now)).toBeNull();
    expect(saturationTime(ho.points.slice(0, 31), 350_000, 300_000, now)).not.toBeNull();
    expect(saturationTime(ls.points.slice(0, 31), 350_000, 300_000, now)).not.toBeNull();
  });
  it('step: once the new level fills most of the window, the forecast follows it', () => {
    const now = last(step);
    const f = forecast({ points: step, now, ...LEAD })!;
    expect(f.points[15]!.value).toBeGreaterThan(340_000);
    expect(f.points[15]!.value).toBeLessThan(420_000);
  });
  it('needs five rollups', () => {
    expect(forecast({ points: ramp.slice(0, 8), now: ramp[7]![0], ...LEAD })).toBeNull();
  });
});

describe('saturationTime', () => {
  const pts = [0, 1, 2, 3].map((i) => ({ time: i * MIN, value: 100 + 10 * i, low: 90 + 10 * i, high: 110 + 10 * i }));
  it('interpolates where the upper edge reaches the limit', () => {
    expect(saturationTime(pts, 125, 100, 0)).toBe(1.5 * MIN);
  });
  it('is now when the load is at the limit, null when never within the forecast', () => {
    expect(saturationTime(pts, 100, 100, 0)).toBe(0);
    expect(saturationTime(pts, 1000, 100, 0)).toBeNull();
  });
});

describe('headroom', () => {
  const servers = [
    { name: 'a', state: 'ok' as const, outlier: null },
    { name: 'b', state: 'warning' as const, outlier: null },
    { name: 'c', state: 'ok' as const, outlier: { metric: 'cpu_ratio' } },
    { name: 'd', state: 'critical' as const, outlier: null },
    { name: 'e', state: 'silent' as const, outlier: null },
    { name: 'f', state: 'drained' as const, outlier: null },
  ];
  it('counts only servers that are not drained, silent, critical or outliers', () => {
    expect(servers.filter(isHealthy).map((s) => s.name)).toEqual(['a', 'b']);
  });
  it('sums per-server capacities (a series value beats the number) and takes the biggest out for N+1', () => {
    const h = evaluateHeadroom({
      perServer: 100,
      perServerValues: new Map([['b', 300]]),
      targetUtilization: 0.5,
      leadMinutes: 30,
      servers,
      history: [[0, 120]],
      now: 1000,
    });
    expect(h).toMatchObject({ healthyServers: 2, capacity: 400, limit: 200, nPlusOneLimit: 50, load: 120, utilization: 0.3 });
    // Too little history for a forecast: only "full already" is said, for N+1 here.
    expect(h.saturatesAt).toBeNull();
    expect(h.nPlusOneSaturatesAt).toBe(1000);
  });
  it('warns within the lead time on the ramp and not on the plateau far from the limit', () => {
    const pool = Array.from({ length: 40 }, (_, i) => ({ name: `web-${i}`, state: 'ok' as const, outlier: null }));
    const onRamp = evaluateHeadroom({
      perServer: 12_000,
      targetUtilization: 0.8,
      leadMinutes: 30,
      servers: pool,
      history: ramp,
      now: 120 * MIN,
    });
    expect(withinLead(onRamp, 120 * MIN, 30)).toBe(true);
    const flat = evaluateHeadroom({
      perServer: 30_000,
      targetUtilization: 0.8,
      leadMinutes: 30,
      servers: pool,
      history: plateau,
      now: 225 * MIN,
    });
    expect(flat.saturatesAt).toBeNull();
  });
});

describe('stepWarn: two in a row', () => {
  it('fires on the second consecutive evaluation within, recovers on the second outside', () => {
    const s = { firing: false, streak: 0 };
    expect([true, false, true, true, true, false, true, false, false].map((w) => stepWarn(s, w))).toEqual([
      null,
      null,
      null,
      'fire',
      null,
      null,
      null,
      null,
      'recover',
    ]);
  });
});
