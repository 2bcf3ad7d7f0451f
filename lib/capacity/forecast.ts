/**
 * Load forecasting for capacity headroom: pure functions of points, so the
 * backtest (bench/capacity.ts), the server and the tests run the same code.
 *
 * Points are rolled up into buckets (one minute at the default lead time) so a
 * burst of samples weighs as one observation; a trend is fitted over the
 * recent window; the band comes from the fit's residuals. Theil–Sen (median of
 * pairwise slopes, the default) is chosen over Holt's linear method and least
 * squares by the backtest: see the README's "Capacity headroom" section.
 */

export type TPoint = [time: number, value: number];
export type TForecastMethod = 'theil-sen' | 'holt' | 'least-squares';

export interface TForecastPoint {
  time: number;
  value: number;
  low: number;
  high: number;
}

export interface TForecast {
  /** the fitted value at `now` */
  level: number;
  /** change per millisecond */
  slope: number;
  /** half-width of the band one bucket ahead (the residuals' robust spread × z) */
  spread: number;
  points: TForecastPoint[];
}

/** The band's width in robust standard deviations: about 95 % two-sided for normal residuals. */
const BAND_Z = 2;
/** MAD → standard deviation for normal residuals. */
const MAD_TO_SD = 1.4826;
/** Holt's smoothing of the level and of the trend (per bucket); picked by the backtest. */
const HOLT_ALPHA = 0.5;
const HOLT_BETA = 0.1;

/** Mean of the points in each bucket of `bucketMs`, stamped at the bucket's mean time, oldest first. */
export function rollup(points: readonly TPoint[], bucketMs: number): TPoint[] {
  const buckets = new Map<number, { t: number; v: number; n: number }>();
  for (const [t, v] of points) {
    if (!Number.isFinite(t) || !Number.isFinite(v)) continue;
    const k = Math.floor(t / bucketMs);
    const b = buckets.get(k);
    if (b) {
      b.t += t;
      b.v += v;
      b.n++;
    } else buckets.set(k, { t, v, n: 1 });
  }
  return [...buckets.entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => [b.t / b.n, b.v / b.n] as TPoint);
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A line `value = intercept + slope × (time − origin)`. */
export interface TLine {
  origin: number;
  intercept: number;
  slope: number;
}

/** Theil–Sen: the median of all pairwise slopes; the intercept is the median of what the slope leaves. */
export function theilSen(points: readonly TPoint[]): TLine {
  const origin = points.length ? points[points.length - 1]![0] : 0;
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const dt = points[j]![0] - points[i]![0];
      if (dt !== 0) slopes.push((points[j]![1] - points[i]![1]) / dt);
    }
  const slope = slopes.length ? median(slopes) : 0;
  const intercept = points.length ? median(points.map(([t, v]) => v - slope * (t - origin))) : 0;
  return { origin, intercept, slope };
}

/** Ordinary least squares, what Prometheus' predict_linear does: the baseline the backtest compares with. */
export function leastSquares(points: readonly TPoint[]): TLine {
  const origin = points.length ? points[points.length - 1]![0] : 0;
  const n = points.length;
  if (n === 0) return { origin, intercept: 0, slope: 0 };
  let st = 0;
  let sv = 0;
  for (const [t, v] of points) {
    st += t - origin;
    sv += v;
  }
  const mt = st / n;
  const mv = sv / n;
  let num = 0;
  let den = 0;
  for (const [t, v] of points) {
    num += (t - origin - mt) * (v - mv);
    den += (t - origin - mt) ** 2;
  }
  const slope = den > 0 ? num / den : 0;
  return { origin, intercept: mv - slope * mt, slope };
}

/**
 * Holt's linear (double exponential) smoothing over evenly spaced buckets:
 * the level and trend after the last point, and the one-step-ahead errors
 * it made on the way (its residuals).
 */
export function holt(
  points: readonly TPoint[],
  bucketMs: number,
  alpha = HOLT_ALPHA,
  beta = HOLT_BETA,
): { line: TLine; residuals: number[] } {
  const origin = points.length ? points[points.length - 1]![0] : 0;
  if (points.length < 2) return { line: { origin, intercept: points[0]?.[1] ?? 0, slope: 0 }, residuals: [] };
  let level = points[0]![1];
  let trend = (points[1]![1] - points[0]![1]) / Math.max(1, (points[1]![0] - points[0]![0]) / bucketMs);
  const residuals: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const steps = Math.max(1, Math.round((points[i]![0] - points[i - 1]![0]) / bucketMs));
    const predicted = level + trend * steps;
    residuals.push(points[i]![1] - predicted);
    const next = alpha * points[i]![1] + (1 - alpha) * predicted;
    trend = beta * ((next - level) / steps) + (1 - beta) * trend;
    level = next;
  }
  return { line: { origin, intercept: level, slope: trend / bucketMs }, residuals };
}

const lineAt = (l: TLine, t: number) => l.intercept + l.slope * (t - l.origin);

/** Robust spread of residuals: MAD around their median, as a standard deviation. */
function robustSd(residuals: readonly number[]): number {
  if (residuals.length === 0) return 0;
  const m = median(residuals);
  return MAD_TO_SD * median(residuals.map((r) => Math.abs(r - m)));
}

/**
 * The forecast from `now` to `now + horizonMs`, one point per bucket: the
 * fitted trend and a band of ±z robust standard deviations of the residuals,
 * widening with the square root of the steps ahead (uncertainty of a random
 * walk around the trend). Null with fewer than `minPoints` rollups.
 */
export function forecast(opts: {
  points: readonly TPoint[];
  now: number;
  bucketMs: number;
  windowMs: number;
  horizonMs: number;
  method?: TForecastMethod;
  minPoints?: number;
}): TForecast | null {
  const { now, bucketMs, horizonMs } = opts;
  const method = opts.method ?? 'theil-sen';
  const rolled = rollup(
    opts.points.filter(([t]) => t > now - opts.windowMs && t <= now),
    bucketMs,
  );
  if (rolled.length < (opts.minPoints ?? 5)) return null;
  let line: TLine;
  let residuals: number[];
  if (method === 'holt') {
    const h = holt(rolled, bucketMs);
    line = h.line;
    residuals = h.residuals;
  } else {
    line = method === 'theil-sen' ? theilSen(rolled) : leastSquares(rolled);
    residuals = rolled.map(([t, v]) => v - lineAt(line, t));
  }
  const sd = robustSd(residuals);
  const spread = BAND_Z * sd;
  const level = lineAt(line, now);
  const points: TForecastPoint[] = [];
  const steps = Math.max(1, Math.ceil(horizonMs / bucketMs));
  for (let i = 0; i <= steps; i++) {
    const time = now + Math.min(horizonMs, i * bucketMs);
    const value = lineAt(line, time);
    const half = spread * Math.sqrt(Math.max(1, i));
    points.push({ time, value, low: Math.max(0, value - half), high: value + half });
  }
  return { level, slope: line.slope, spread, points };
}

/**
 * When the band's upper edge first reaches `limit`, interpolated between
 * forecast points; `now` when the load is at or past it already; null when not
 * within the forecast.
 */
export function saturationTime(points: readonly TForecastPoint[], limit: number, load: number | null, now: number): number | null {
  if (!(limit > 0)) return load !== null && load > 0 ? now : null;
  if (load !== null && load >= limit) return now;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (p.high < limit) continue;
    if (i === 0) return p.time;
    const a = points[i - 1]!;
    const f = (limit - a.high) / (p.high - a.high);
    return Math.round(a.time + f * (p.time - a.time));
  }
  return null;
}
