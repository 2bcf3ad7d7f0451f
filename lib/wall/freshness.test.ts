import { describe, expect, it } from 'vitest';
import { formatDelta } from '../format/number';
import { dataStopped, staleAge } from '../format/state-words';
import { freshRate, GROWTH_WINDOW_MS, MINUTE_MS } from './growth';
import { etaMs } from './milestones';
import { feedState, staleness } from './stale';
import { timeTicks, zoneOffsetMs } from './time-ticks';

const T0 = Date.UTC(2026, 10, 28, 20, 0);
/** One point a minute for `n` minutes, rising `step` a minute, the last at T0. */
const line = (n: number, step: number, start = 1_000_000) =>
  Array.from({ length: n }, (_, i) => [T0 - (n - 1 - i) * MINUTE_MS, start + i * step] as [number, number]);

describe('freshRate: growth only over fresh data', () => {
  it('gives per minute and per hour from one window, so they agree', () => {
    const r = freshRate(line(30, 5000), T0 + 5_000, 30)!;
    expect(r.perMinute).toBeCloseTo(5000);
    expect(r.perHour).toBeCloseTo(r.perMinute * 60);
    expect(r.complete).toBe(true);
  });
  it('is gone once the newest point is older than the stale threshold', () => {
    expect(freshRate(line(30, 5000), T0 + 30_000, 30)).not.toBeNull();
    expect(freshRate(line(30, 5000), T0 + 31_000, 30)).toBeNull();
    expect(freshRate(line(30, 5000), T0 + 10 * MINUTE_MS, 30)).toBeNull();
  });
  it('marks a span shorter than the window as an estimate', () => {
    const r = freshRate(line(4, 1000), T0, 30)!;
    expect(r.perMinute).toBeCloseTo(1000);
    expect(r.complete).toBe(false);
  });
  it('measures over the last window only, not the whole night', () => {
    // Flat for an hour, then +10,000 a minute for the window's length.
    const flat = line(60, 0).map(([t, v]) => [t - GROWTH_WINDOW_MS, v] as [number, number]);
    const steep = Array.from({ length: 10 }, (_, i) => [T0 - (9 - i) * MINUTE_MS, 1_000_000 + (i + 1) * 10_000] as [number, number]);
    const r = freshRate([...flat, ...steep], T0, 30)!;
    expect(r.perMinute).toBeCloseTo(10_000);
  });
  it('needs two points', () => {
    expect(freshRate([], T0, 30)).toBeNull();
    expect(freshRate([[T0, 1]], T0, 30)).toBeNull();
  });
  it('leaves no ETA without a fresh rate', () => {
    const rate = freshRate(line(30, 5000), T0 + 5 * MINUTE_MS, 30);
    expect(etaMs(1_500_000, 2e6, rate?.perMinute)).toBeNull();
  });
});

describe('staleness and the badge', () => {
  it('is stale past the threshold, with its age', () => {
    expect(staleness(T0, T0 + 30_000, 30)).toEqual({ stale: false, ageMs: 30_000 });
    expect(staleness(T0, T0 + 180_000, 30)).toEqual({ stale: true, ageMs: 180_000 });
  });
  it('never says live while the data is stale', () => {
    expect(feedState('live', false)).toBe('live');
    expect(feedState('live', true)).toBe('stale');
    expect(feedState('reconnecting', true)).toBe('reconnecting');
    expect(feedState('offline', false)).toBe('offline');
  });
  it('says the age in the room’s language', () => {
    expect(staleAge(180_000, 'en')).toBe('stale 3 min');
    expect(staleAge(180_000, 'zh')).toBe('3分钟前');
    expect(dataStopped(180_000, 'en')).toBe('data stopped 3 min ago');
    expect(dataStopped(45_000, 'zh')).toBe('数据45秒前停止');
  });
});

describe('rates read with sensible precision', () => {
  it('one rule in both languages', () => {
    expect(formatDelta(4563, 'en')).toBe('+4,563');
    expect(formatDelta(4563, 'zh')).toBe('+4,563');
    expect(formatDelta(76_712, 'en')).toBe('+76.7K');
    expect(formatDelta(76_712, 'zh')).toBe('+7.67万');
    expect(formatDelta(685_920, 'en')).toBe('+686K');
    expect(formatDelta(-123_340, 'en')).toBe('−123K');
    expect(formatDelta(2_760_000, 'en')).toBe('+2.76M');
  });
});

describe('time axis ticks', () => {
  const fmt = (t: number, seconds: boolean) => new Date(t).toISOString().slice(11, seconds ? 19 : 16);
  it('never repeats a label, however short the span', () => {
    for (const span of [20_000, 90_000, 5 * MINUTE_MS, 47 * MINUTE_MS, 3 * 3_600_000, 20 * 3_600_000]) {
      const { ticks, seconds } = timeTicks(T0 - span, T0, 6);
      const labels = ticks.map((t) => fmt(t, seconds));
      expect(new Set(labels).size).toBe(labels.length);
      expect(ticks.length).toBeGreaterThan(0);
      expect(ticks.length).toBeLessThanOrEqual(7);
      for (const t of ticks) expect(t >= T0 - span && t <= T0).toBe(true);
    }
  });
  it('steps on round clock times in the room’s zone', () => {
    const { ticks, stepMs } = timeTicks(T0 - 2 * 3_600_000 - 7 * MINUTE_MS, T0, 6);
    expect(stepMs).toBe(30 * MINUTE_MS);
    for (const t of ticks) expect(t % (30 * MINUTE_MS)).toBe(0);
    expect(zoneOffsetMs('Asia/Shanghai', T0)).toBe(8 * 3_600_000);
    expect(zoneOffsetMs('UTC', T0)).toBe(0);
    // Kolkata is +5:30: hour ticks land on its whole hours.
    const k = timeTicks(T0, T0 + 5 * 3_600_000, 6, zoneOffsetMs('Asia/Kolkata', T0));
    for (const t of k.ticks) expect((t + 5.5 * 3_600_000) % 3_600_000).toBe(0);
  });
  it('has no ticks for an empty span', () => {
    expect(timeTicks(T0, T0, 6).ticks).toEqual([]);
  });
});
