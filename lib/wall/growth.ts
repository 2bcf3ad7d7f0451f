import type { TChartPoint } from '../series';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

export interface TGrowth {
  /** the increase per `unitMs` */
  value: number;
  /**
   * false when the points span less than the unit (say, only 20 minutes of a
   * night so far): the value is then the rate over the span they do cover,
   * scaled up, and screens should say it is an estimate.
   */
  complete: boolean;
}

/** The series' value at time t, linearly interpolated between the points around it. */
export function valueAt(points: TChartPoint[], t: number): number | null {
  if (points.length === 0) return null;
  const first = points[0]!;
  if (t <= first[0]) return first[1];
  // Binary search: the history holds up to ~1500 points and this runs on every push.
  let lo = 0;
  let hi = points.length - 1;
  if (t >= points[hi]![0]) return points[hi]![1];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid]![0] <= t) lo = mid;
    else hi = mid;
  }
  const [t0, v0] = points[lo]!;
  const [t1, v1] = points[hi]!;
  return t1 === t0 ? v1 : v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
}

/**
 * Growth of a counter per `unitMs` (a minute, an hour), measured over the
 * last `unitMs` before its newest point — the newest point, not the device's
 * clock, so a phone whose clock is off (or a screen catching up) still shows
 * the growth the data says. Null with fewer than two points in time.
 */
export function growthPer(points: TChartPoint[], unitMs: number): TGrowth | null {
  if (points.length < 2) return null;
  const [lastT, lastV] = points[points.length - 1]!;
  const firstT = points[0]![0];
  const span = Math.min(unitMs, lastT - firstT);
  if (span <= 0) return null;
  const base = valueAt(points, lastT - span)!;
  return { value: ((lastV - base) * unitMs) / span, complete: span >= unitMs };
}

/** The span one growth figure is measured over: long enough to smooth a jumpy counter, short enough to follow a surge. */
export const GROWTH_WINDOW_MS = 10 * MINUTE_MS;

export interface TRate {
  perMinute: number;
  /** perMinute × 60: both figures come from one window, so they never contradict each other */
  perHour: number;
  /** false when the fresh data covers less than the window (say, 3 minutes after a restart): shown as an estimate */
  complete: boolean;
}

/**
 * Growth of a counter on the server's clock, only over fresh data: null when
 * the newest point is older than the room's stale threshold (a rate frozen
 * from minutes ago is not today's rate), or when fewer than two points lie
 * in the window. Per minute and per hour are one rate in two units.
 */
export function freshRate(points: TChartPoint[], serverNow: number, staleAfterSeconds: number, windowMs = GROWTH_WINDOW_MS): TRate | null {
  if (points.length < 2) return null;
  const lastT = points[points.length - 1]![0];
  if (serverNow - lastT > staleAfterSeconds * 1000) return null;
  const g = growthPer(points, windowMs);
  if (!g) return null;
  const perMinute = (g.value * MINUTE_MS) / windowMs;
  return { perMinute, perHour: perMinute * 60, complete: g.complete };
}
