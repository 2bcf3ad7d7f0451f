import type { TChartPoint } from '../series';
import { valueAt } from '../wall/growth';

/** First, last and highest value of points sorted by time; the peak's time is its first occurrence. */
export function seriesFigures(points: TChartPoint[]): {
  start: number | null;
  end: number | null;
  peak: number | null;
  peakAt: number | null;
} {
  if (points.length === 0) return { start: null, end: null, peak: null, peakAt: null };
  let peak = points[0]!;
  for (const p of points) if (p[1] > peak[1]) peak = p;
  return { start: points[0]![1], end: points[points.length - 1]![1], peak: peak[1], peakAt: peak[0] };
}

/**
 * The largest rise over any span of `unitMs` that ends on a sample and lies
 * within the data: value at the sample minus the value `unitMs` earlier
 * (linearly interpolated between the samples around it). Null when the data
 * spans less than one unit. Ties keep the earliest.
 */
export function fastestGrowth(points: TChartPoint[], unitMs: number): { value: number; at: number } | null {
  if (points.length < 2) return null;
  const first = points[0]![0];
  let best: { value: number; at: number } | null = null;
  let lo = 0;
  for (let j = 1; j < points.length; j++) {
    const [t, v] = points[j]!;
    const start = t - unitMs;
    if (start < first) continue;
    // lo: the last sample at or before start (start only moves forward with j).
    while (lo + 1 < points.length && points[lo + 1]![0] <= start) lo++;
    const [t0, v0] = points[lo]!;
    const next = points[lo + 1];
    const base = t0 === start || !next ? v0 : v0 + ((next[1] - v0) * (start - t0)) / (next[0] - t0);
    const rise = v - base;
    if (!best || rise > best.value) best = { value: rise, at: t };
  }
  return best;
}

/** Median (mean of the middle two for an even count) and p90 (nearest rank) of the values; nulls when there are none. */
export function stat(values: number[]): { median: number | null; p90: number | null; count: number } {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return { median: null, p90: null, count: 0 };
  const median = n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
  const p90 = s[Math.ceil(0.9 * n) - 1]!;
  return { median, p90, count: n };
}

/** Each minute boundary of [from, to], and `to` itself when it falls between minutes: the replay's stops. */
export function replayTimes(from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil(from / 60_000) * 60_000; t <= to; t += 60_000) out.push(t);
  if (out[out.length - 1] !== to) out.push(to);
  return out;
}

/** The last value at or before each of the (ascending) times; null before the first sample. */
export function lastValuesAt(points: TChartPoint[], times: number[]): (number | null)[] {
  const out: (number | null)[] = [];
  let i = -1;
  for (const t of times) {
    while (i + 1 < points.length && points[i + 1]![0] <= t) i++;
    out.push(i >= 0 ? points[i]![1] : null);
  }
  return out;
}

/**
 * How far the actual value is ahead of (+) or behind (−) the plan, as a
 * ratio of the plan, at the time of the latest actual point. Null when the
 * plan has no value there (outside its span) or plans zero.
 */
export function planDelta(
  plan: TChartPoint[],
  actual: { time: number; value: number } | undefined,
): { ratio: number; planned: number; at: number } | null {
  if (!actual || plan.length === 0) return null;
  if (actual.time < plan[0]![0] || actual.time > plan[plan.length - 1]![0]) return null;
  const planned = valueAt(plan, actual.time);
  if (planned === null || planned === 0) return null;
  return { ratio: (actual.value - planned) / planned, planned, at: actual.time };
}

/** "+4.2 %" / "−3.0 %". */
export function formatPlanDelta(ratio: number): string {
  const pct = ratio * 100;
  return `${pct >= 0 ? '+' : '−'}${Math.abs(pct).toFixed(1)} %`;
}
