import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from './growth';
import { crossedLive, etaMs, lastReached, nextMilestone } from './milestones';
import { countUpValue, retarget, startCountUp } from './count-up';
import { formatCountdown } from './countdown';
import { staleness } from './stale';
import { formatDuration } from '../format/duration';
import { formatTimeOfDay } from '../format/time';

const T0 = Date.UTC(2026, 10, 23, 20, 19);

describe('milestones and ETA', () => {
  const ms = [1e6, 2e6, 5e6, 1e7].map((threshold, i) => ({
    seriesName: 'users_total',
    threshold,
    label: `${threshold / 1e6}M`,
    reachedAt: i === 0 ? '2026-11-23T20:31:00.000Z' : null,
  }));
  it('finds the next milestone above the value and the last one reached', () => {
    expect(nextMilestone(ms, 'users_total', 1_250_000)?.threshold).toBe(2e6);
    expect(nextMilestone(ms, 'users_total', 2e6)?.threshold).toBe(5e6);
    expect(nextMilestone(ms, 'users_online', 0)).toBeUndefined();
    expect(nextMilestone(ms, 'users_total', 2e7)).toBeUndefined();
    expect(lastReached(ms, 'users_total')?.threshold).toBe(1e6);
  });
  it('estimates the time to reach it at the current rate', () => {
    expect(etaMs(1_500_000, 2e6, 10_000)).toBe(50 * MINUTE_MS);
    expect(etaMs(1_500_000, 2e6, 0)).toBeNull();
    expect(etaMs(1_500_000, 2e6, -5)).toBeNull();
    expect(etaMs(1_500_000, 2e6, null)).toBeNull();
    expect(etaMs(2e6, 2e6, 5)).toBe(0);
  });
  it('celebrates only crossings seen live', () => {
    // Crossed while watching: 0.99M then 1.01M.
    expect(crossedLive(ms, 'users_total', 990_000, 1_010_000).map((m) => m.threshold)).toEqual([1e6]);
    // A jump over two milestones names both.
    expect(crossedLive(ms, 'users_total', 990_000, 2_100_000).map((m) => m.threshold)).toEqual([1e6, 2e6]);
    // The first value after load (nothing seen before): no crossing, even far above a milestone.
    expect(crossedLive(ms, 'users_total', undefined, 1_250_000)).toEqual([]);
    // Already above it when the page opened, still above it: nothing.
    expect(crossedLive(ms, 'users_total', 1_200_000, 1_300_000)).toEqual([]);
    // Falling back under and the same value again: nothing.
    expect(crossedLive(ms, 'users_total', 1_010_000, 990_000)).toEqual([]);
    expect(crossedLive(ms, 'users_online', 990_000, 1_010_000)).toEqual([]);
  });
});

describe('count-up', () => {
  it('glides to the new value without overshooting', () => {
    let s = startCountUp(100, 1, 0);
    s = retarget(s, 200, 2, 0);
    const seen = [0, 100, 300, 600, 1199, 1200, 5000].map((t) => countUpValue(s, t));
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(seen[0]).toBe(100);
    expect(seen.at(-1)).toBe(200);
    expect(Math.max(...seen)).toBe(200);
  });
  it('never steps backwards when an older sample arrives late', () => {
    let s = startCountUp(1_000, 10, 0);
    s = retarget(s, 2_000, 20, 0);
    const before = countUpValue(s, 600);
    s = retarget(s, 1_500, 15, 600); // delivered late: older sample time
    expect(countUpValue(s, 600)).toBe(before);
    expect(countUpValue(s, 10_000)).toBe(2_000);
  });
  it('jumps to a sample that comes after a gap longer than the stale threshold, and glides again after it', () => {
    // samples 1 s apart glide (threshold 3 s)
    let s = startCountUp(1_000, 10_000, 0);
    s = retarget(s, 1_100, 11_000, 0, 3_000);
    expect(countUpValue(s, 100)).toBeLessThan(1_100);
    // back after 8 s without samples: the number on screen is the new one at once, not a glide through old ones
    s = retarget(s, 2_000, 19_000, 5_000, 3_000);
    expect(countUpValue(s, 5_000)).toBe(2_000);
    s = retarget(s, 2_100, 20_000, 6_000, 3_000);
    expect(countUpValue(s, 6_100)).toBeGreaterThan(2_000);
    expect(countUpValue(s, 6_100)).toBeLessThan(2_100);
  });
  it('starts from where the number is when retargeted mid-way', () => {
    let s = startCountUp(0, 0, 0);
    s = retarget(s, 1000, 1, 0);
    const mid = countUpValue(s, 300);
    s = retarget(s, 3000, 2, 300);
    expect(countUpValue(s, 300)).toBeCloseTo(mid);
    expect(countUpValue(s, 301)).toBeGreaterThan(mid);
  });
});

describe('countdown', () => {
  it('counts down to go-live, then up', () => {
    expect(formatCountdown(T0, T0 - 5 * MINUTE_MS)).toEqual({ phase: 'before', text: 'T-05:00' });
    expect(formatCountdown(T0, T0 - 5 * MINUTE_MS + 1)).toEqual({ phase: 'before', text: 'T-05:00' });
    expect(formatCountdown(T0, T0 - 500)).toEqual({ phase: 'before', text: 'T-00:01' });
    expect(formatCountdown(T0, T0 - HOUR_MS - 5 * MINUTE_MS).text).toBe('T-01:05:00');
    expect(formatCountdown(T0, T0)).toEqual({ phase: 'live', text: 'T+00:00:00' });
    expect(formatCountdown(T0, T0 + 12 * MINUTE_MS + 34_000 + 999).text).toBe('T+00:12:34');
    expect(formatCountdown(T0, T0 + 13 * HOUR_MS).text).toBe('T+13:00:00');
  });
});

describe('staleness and durations', () => {
  it('is stale once the newest sample is older than the threshold on the server clock', () => {
    expect(staleness(T0, T0 + 30_000, 30)).toEqual({ stale: false, ageMs: 30_000 });
    expect(staleness(T0, T0 + 120_000, 30)).toEqual({ stale: true, ageMs: 120_000 });
    expect(staleness(null, T0, 30).stale).toBe(false);
  });
  it('says durations the way people do', () => {
    expect(formatDuration(45_000, 'en')).toBe('45 s');
    expect(formatDuration(120_000, 'en')).toBe('2 min');
    expect(formatDuration(65 * MINUTE_MS, 'en')).toBe('1 h 5 min');
    expect(formatDuration(2 * HOUR_MS, 'en')).toBe('2 h');
    expect(formatDuration(51 * HOUR_MS, 'en')).toBe('2 d 3 h');
    expect(formatDuration(120_000, 'zh')).toBe('2分钟');
    expect(formatDuration(65 * MINUTE_MS, 'zh')).toBe('1小时5分钟');
    expect(formatTimeOfDay(T0, 'UTC')).toBe('20:19');
    expect(formatTimeOfDay(T0, 'Asia/Shanghai', true)).toBe('04:19:00');
  });
});
