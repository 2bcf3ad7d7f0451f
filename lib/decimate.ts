import type { TChartPoint } from './series';

/**
 * Reduces time-ordered points to at most `maxPoints`, keeping the first and
 * last point and, per bucket, the minimum and maximum — so spikes survive and
 * a chart of a whole night stays cheap to draw and to keep in memory.
 */
export function decimate(points: TChartPoint[], maxPoints: number): TChartPoint[] {
  if (points.length <= maxPoints || maxPoints < 4) return points;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const buckets = Math.floor((maxPoints - 2) / 2);
  const span = last[0] - first[0] || 1;
  const out: TChartPoint[] = [first];
  let i = 1;
  for (let b = 0; b < buckets; b++) {
    const end = first[0] + (span * (b + 1)) / buckets;
    let min: TChartPoint | undefined;
    let max: TChartPoint | undefined;
    for (; i < points.length - 1 && points[i]![0] <= end; i++) {
      const p = points[i]!;
      if (!min || p[1] < min[1]) min = p;
      if (!max || p[1] > max[1]) max = p;
    }
    if (min && max) {
      if (min === max) out.push(min);
      else if (min[0] < max[0]) out.push(min, max);
      else out.push(max, min);
    }
  }
  out.push(last);
  return out;
}

/** Appends new points to a window, drops those older than `windowMs`, and keeps it under `maxPoints`. */
export function appendWindowed(existing: TChartPoint[], incoming: TChartPoint[], windowMs: number, maxPoints: number): TChartPoint[] {
  if (incoming.length === 0) return existing;
  const lastTime = existing.length ? existing[existing.length - 1]![0] : -Infinity;
  let merged: TChartPoint[];
  if (incoming[0]![0] > lastTime) {
    merged = existing.concat(incoming);
  } else {
    // Out-of-order or overlapping push: merge by time, the newer value wins.
    const byTime = new Map<number, number>(existing);
    for (const [t, v] of incoming) byTime.set(t, v);
    merged = [...byTime.entries()].sort((a, b) => a[0] - b[0]);
  }
  const newest = merged[merged.length - 1]![0];
  const cut = merged.findIndex((p) => p[0] >= newest - windowMs);
  if (cut > 0) merged = merged.slice(cut);
  // Decimate to half the budget so that appends do not re-decimate on every push.
  return merged.length > maxPoints ? decimate(merged, Math.floor(maxPoints / 2)) : merged;
}
