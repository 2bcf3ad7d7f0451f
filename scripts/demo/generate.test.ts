import { describe, expect, it } from 'vitest';
import { loadScenario } from './load-scenario';
import { generateTicks, seriesValues, tickTimes } from './generate';
import { judgeFleet } from '../../lib/fleet/judge';

const night = loadScenario('scenarios/default.yaml');
const ticks = generateTicks(night, night.seed);
const users = seriesValues(ticks, 'users_total');
const online = seriesValues(ticks, 'users_online');
const at = (v: { at: number; value: number }[], secs: number) => v.find((x) => x.at === secs)!.value;
const H = 3600;
const MIDNIGHT = 3 * H + 41 * 60; // go-live at 20:19

describe('generator', () => {
  it('is deterministic: same scenario and seed, same points; another seed, other noise', () => {
    expect(generateTicks(night, 1)).toEqual(ticks);
    const other = generateTicks(night, 2);
    expect(other.map((t) => t.at)).toEqual(ticks.map((t) => t.at));
    expect(seriesValues(other, 'users_online')).not.toEqual(online);
  });

  it('keeps one noise stream per series: removing a series changes no other', () => {
    const fewer = { ...night, series: night.series.filter((s) => s.name !== 'mem_ratio') };
    expect(seriesValues(generateTicks(fewer, 1), 'cpu_ratio', 'web-2')).toEqual(seriesValues(ticks, 'cpu_ratio', 'web-2'));
  });

  it('ticks from start to end on the step grid, each with every live series', () => {
    expect(ticks[0]!.at).toBe(-20 * 60);
    expect(ticks.at(-1)!.at).toBe(13 * H + 20 * 60);
    expect(tickTimes(night).length).toBe(ticks.length);
    // 2 headline + 3 × 40 servers + dirty ratio before web-3 is drained
    expect(ticks[0]!.points.length).toBe(123);
  });
});

describe('the default launch night', () => {
  it('registered users never fall and start near 1.0M', () => {
    for (let i = 1; i < users.length; i++) expect(users[i]!.value).toBeGreaterThanOrEqual(users[i - 1]!.value);
    expect(users[0]!.value).toBeGreaterThan(0.95e6);
    expect(users[0]!.value).toBeLessThan(1.05e6);
    expect(users.every((u) => Number.isInteger(u.value))).toBe(true);
  });

  it('jumps at go-live: at least +10 % in ten minutes, doubled within the hour', () => {
    expect(at(users, 10 * 60) / at(users, 0)).toBeGreaterThanOrEqual(1.1);
    expect(at(users, H) / at(users, 0)).toBeGreaterThanOrEqual(2);
    // and the gate is what does it: the half hour before go-live grows by a few per cent only
    expect(at(users, 0) / users[0]!.value).toBeLessThan(1.05);
  });

  it('ends near 8M when the gate closes', () => {
    const close = at(users, 13 * H + 11 * 60);
    expect(close).toBeGreaterThan(7.8e6);
    expect(close).toBeLessThan(8.3e6);
    expect(users.at(-1)!.value).toBeLessThan(close * 1.01);
  });

  it('online peaks near midnight and eases off', () => {
    const peak = online.reduce((a, b) => (b.value > a.value ? b : a));
    expect(Math.abs(peak.at - MIDNIGHT)).toBeLessThanOrEqual(45 * 60);
    expect(at(online, MIDNIGHT + 4 * H)).toBeLessThan(peak.value * 0.5);
    expect(online.every((o) => o.value >= 0)).toBe(true);
  });

  it('web-3 fails, then is drained; the dirty ratio sits at a few per thousand', () => {
    const web3errors = seriesValues(ticks, 'error_ratio', 'web-3');
    expect(Math.max(...web3errors.map((x) => x.value))).toBeGreaterThan(0.05);
    expect(web3errors.at(-1)!.at).toBeLessThan(3 * H + 25 * 60);
    expect(Math.max(...seriesValues(ticks, 'error_ratio', 'web-1').map((x) => x.value))).toBeLessThan(0.01);
    const dirty = seriesValues(ticks, 'partner_dirty_ratio').filter((x) => x.at >= 2 * H && x.at <= 5 * H);
    for (const d of dirty) {
      expect(d.value).toBeGreaterThan(0.001);
      expect(d.value).toBeLessThan(0.006);
    }
    for (const s of ['cpu_ratio', 'mem_ratio', 'error_ratio']) {
      for (const v of seriesValues(ticks, s)) expect(v.value >= 0 && v.value <= 1).toBe(true);
    }
  });
});

describe("the default night's fleet", () => {
  it('has 40 servers, and the pool scan finds web-3 drifting before it crosses any safety line', () => {
    const servers = new Set(ticks.flatMap((t) => t.points.map((p) => p.labels?.server).filter(Boolean)));
    expect(servers.size).toBe(40);
    const lines = night.safetyLines.map((l) => ({ ...l }));
    let firstOutlier: number | null = null;
    let firstLine: number | null = null;
    let othersFlagged = 0;
    for (const tk of ticks) {
      const now = Date.UTC(2026, 0, 1) + tk.at * 1000;
      const latest = tk.points.map((p) => ({ name: p.name, labels: p.labels ?? {}, value: p.value, time: new Date(now).toISOString() }));
      const rows = judgeFleet({ latest, lines, staleAfterSeconds: 60, now });
      const web3 = rows.find((r) => r.name === 'web-3');
      if (web3?.outlier && firstOutlier === null) firstOutlier = tk.at;
      if (web3 && (web3.state === 'warning' || web3.state === 'critical') && firstLine === null) firstLine = tk.at;
      othersFlagged += rows.filter((r) => r.name !== 'web-3' && r.outlier).length;
    }
    expect(firstOutlier).not.toBeNull();
    expect(firstLine).not.toBeNull();
    // Found by the scan at least half an hour before any line would have said so.
    expect(firstLine! - firstOutlier!).toBeGreaterThanOrEqual(30 * 60);
    expect(firstOutlier!).toBeGreaterThanOrEqual(90 * 60);
    // The healthy pool stays quiet: noise marks almost nobody over the whole night.
    expect(othersFlagged / (ticks.length * 39)).toBeLessThan(0.002);
    console.log(
      `web-3: outlier from ${firstOutlier! / 60} min after go-live, over a line from ${firstLine! / 60} min; other servers flagged ${othersFlagged} times in ${ticks.length} ticks`,
    );
  });
});
