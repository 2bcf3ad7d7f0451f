import { describe, expect, it } from 'vitest';
import { MAD_THRESHOLD, scanOutliers, type TScanInput } from './outliers';
import { judgeFleet } from './judge';
import { describeOutlier } from './words';

const pool = (values: Record<string, Record<string, number>>): TScanInput[] =>
  Object.entries(values).map(([name, metrics]) => ({ name, metrics }));

describe('scanOutliers', () => {
  it('finds nothing in a pool of one or two: there is nothing to compare with', () => {
    expect(scanOutliers(pool({ a: { cpu_ratio: 0.99, error_ratio: 0.5 } })).size).toBe(0);
    expect(scanOutliers(pool({ a: { cpu_ratio: 0.1, error_ratio: 0.001 }, b: { cpu_ratio: 0.9, error_ratio: 0.5 } })).size).toBe(0);
  });

  it('marks the odd one of three', () => {
    const found = scanOutliers(pool({ a: { cpu_ratio: 0.4 }, b: { cpu_ratio: 0.41 }, c: { cpu_ratio: 0.9 } }));
    expect([...found.keys()]).toEqual(['c']);
    expect(found.get('c')![0]).toMatchObject({ metric: 'cpu_ratio', value: 0.9, poolMedian: 0.41, rule: 'mad' });
  });

  it('does not divide by zero in an all-equal pool, and marks nothing there', () => {
    const equal = scanOutliers(
      pool(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`s${i}`, { cpu_ratio: 0.5, error_ratio: 0, connections: 0 }]))),
    );
    expect(equal.size).toBe(0);
    // One apart from an all-equal pool: the MAD floor (5 % of the median) decides, with finite numbers.
    const one = scanOutliers(
      pool({ ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`s${i}`, { cpu_ratio: 0.5 }])), odd: { cpu_ratio: 0.7 } }),
    );
    const o = one.get('odd')![0]!;
    expect(Number.isFinite(o.mads)).toBe(true);
    expect(o.mads).toBeGreaterThanOrEqual(MAD_THRESHOLD);
    const near = scanOutliers(
      pool({ ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`s${i}`, { cpu_ratio: 0.5 }])), odd: { cpu_ratio: 0.52 } }),
    );
    expect(near.size).toBe(0);
  });

  it('scans each metric over the servers that have it: missing metrics are skipped, not zero', () => {
    const found = scanOutliers(
      pool({
        a: { cpu_ratio: 0.4, mem_ratio: 0.5 },
        b: { cpu_ratio: 0.42 },
        c: { cpu_ratio: 0.41, mem_ratio: 0.51 },
        d: { cpu_ratio: 0.43, mem_ratio: 0.52, connections: 9000 },
        e: { cpu_ratio: 0.4, mem_ratio: 0.5 },
      }),
    );
    // b has no mem_ratio and is not an outlier for lacking it; connections has a pool of one.
    expect(found.size).toBe(0);
  });

  it('marks one node with 10× the pool error ratio even under every safety line', () => {
    const servers: TScanInput[] = Array.from({ length: 40 }, (_, i) => ({
      name: `web-${i + 1}`,
      metrics: { cpu_ratio: 0.5 + (i % 5) * 0.01, error_ratio: 0.0008 + (i % 4) * 0.0001 },
    }));
    servers[6]!.metrics.error_ratio = 0.009; // ~10× the pool, under the 1 % warning line
    const found = scanOutliers(servers);
    expect([...found.keys()]).toEqual(['web-7']);
    const o = found.get('web-7')![0]!;
    expect(o).toMatchObject({ metric: 'error_ratio', rule: 'ratio' });
    expect(o.ratio).toBeGreaterThan(9);
    expect(describeOutlier(o, 'en')).toMatch(/^error ratio 9\.5× pool median \(0\.095\s?%\)$/);
    expect(describeOutlier(o, 'zh')).toMatch(/^错误率为池中位数的 9\.5 倍/);
  });

  it('marks only the bad side: a quiet server is not an outlier on cpu, a low one is when bad is below', () => {
    const vals = {
      a: { cpu_ratio: 0.5, hit_ratio: 0.9 },
      b: { cpu_ratio: 0.51, hit_ratio: 0.91 },
      c: { cpu_ratio: 0.49, hit_ratio: 0.9 },
      d: { cpu_ratio: 0.05, hit_ratio: 0.3 },
    };
    const found = scanOutliers(pool(vals), (m) => (m === 'hit_ratio' ? 'below' : 'above'));
    expect(found.get('d')?.map((o) => o.metric)).toEqual(['hit_ratio']);
  });

  it('a pool median of zero errors is compared with a floor, not divided by', () => {
    const found = scanOutliers(pool({ a: { error_ratio: 0 }, b: { error_ratio: 0 }, c: { error_ratio: 0 }, d: { error_ratio: 0.01 } }));
    expect(found.get('d')![0]).toMatchObject({ rule: 'ratio', ratio: null, poolMedian: 0 });
  });
});

describe('judgeFleet', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString();
  const s = (server: string, name: string, value: number, ago = 1) => ({ name, labels: { server }, value, time: at(ago) });

  it('judges against lines (and defaults), stale threshold and drains; worst first', () => {
    const latest = [
      s('web-1', 'cpu_ratio', 0.4),
      s('web-6', 'cpu_ratio', 0.4),
      s('web-2', 'cpu_ratio', 0.97), // over the default critical line (no room line for cpu)
      s('web-3', 'cpu_ratio', 0.4),
      s('web-3', 'mem_ratio', 0.86), // warning by the room's own line below
      s('web-4', 'cpu_ratio', 0.99, 120), // silent: nothing for 2 min, never its last colour
      s('web-5', 'cpu_ratio', 0.99), // drained: out of the verdicts
      { name: 'users_total', labels: {}, value: 5, time: at(1) },
    ];
    const rows = judgeFleet({
      latest,
      lines: [{ metricName: 'mem_ratio', warning: 0.8, critical: 0.9, direction: 'above' }],
      staleAfterSeconds: 30,
      now,
      drains: new Map([['web-5', { drainedAt: at(10), drainedBy: 'Dana', reason: 'bad disk', incident: null }]]),
    });
    expect(rows.map((r) => [r.name, r.state])).toEqual([
      ['web-2', 'critical'],
      ['web-4', 'silent'],
      ['web-3', 'warning'],
      ['web-1', 'ok'],
      ['web-6', 'ok'],
      ['web-5', 'drained'],
    ]);
    expect(rows.find((r) => r.name === 'web-4')).toMatchObject({ ageSeconds: 120, metricStates: {}, outliers: [] });
    expect(rows.find((r) => r.name === 'web-5')!.outlier).toBeNull();
  });

  it('leaves drained and silent servers out of the scan', () => {
    const base = Array.from({ length: 5 }, (_, i) => s(`n${i}`, 'error_ratio', 0.001));
    const rows = judgeFleet({
      latest: [...base, s('bad', 'error_ratio', 0.02), s('old', 'error_ratio', 0.04, 100)],
      lines: [],
      staleAfterSeconds: 30,
      now,
      drains: new Map([['bad', { drainedAt: at(5), drainedBy: 'Dana', reason: null, incident: null }]]),
    });
    expect(rows.every((r) => r.outlier === null)).toBe(true);
    const live = judgeFleet({ latest: [...base, s('bad', 'error_ratio', 0.009)], lines: [], staleAfterSeconds: 30, now });
    expect(live[0]).toMatchObject({ name: 'bad', state: 'ok', outlier: { metric: 'error_ratio', value: 0.009, poolMedian: 0.001 } });
  });
});
