/**
 * The pool scan: which server is unlike the rest of its pool on some metric,
 * even when it is under every safety line — how the launch night's bad node
 * was found. Pure and allocation-light: 1,000 servers × 5 metrics is a few
 * sorts of 1,000 numbers (bench/fleet-scan.ts prints the figure).
 */

/** One server as the scan sees it: its latest value per metric (missing metrics simply absent). */
export interface TScanInput {
  name: string;
  metrics: Record<string, number>;
}

/** Why a server stands out on one metric. */
export interface TOutlier {
  metric: string;
  value: number;
  poolMedian: number;
  /** robust z-score: 0.6745 × (value − median) / MAD, in the bad direction */
  mads: number;
  /** value ÷ pool median (for error-like metrics; null when the median is zero) */
  ratio: number | null;
  /** which rule marked it */
  rule: 'mad' | 'ratio';
  /** how far past its rule's threshold (1 = just at it); ranks a server's outliers */
  score: number;
}

/** Robust z-score past which a value is an outlier (Iglewicz and Hoaglin's 3.5). */
export const MAD_THRESHOLD = 3.5;
/** An error-like metric this many times the pool median is an outlier whatever the spread. */
const RATIO_THRESHOLD = 3;
/** Fewer servers than this with a metric: no pool to compare against (of two, which is odd?). */
const MIN_POOL = 3;
/**
 * MAD floor, relative to the median: in a pool of all-equal values the MAD is
 * zero and every difference would be infinitely many MADs.
 */
const MAD_FLOOR_RELATIVE = 0.05;
const MAD_FLOOR_ABSOLUTE = 1e-9;
/** Error ratios below this are noise: a pool median of zero is compared against it. */
const ERROR_RATIO_FLOOR = 0.0005;

/** Metrics whose bad direction is "many times more" (error and failure ratios or rates). */
function isErrorLike(metric: string): boolean {
  return /(^|_)(error|errors|err|fail|failed|failure|failures|5xx|dirty|timeout|timeouts)(_|$)/.test(metric);
}

function median(sorted: Float64Array, n: number): number {
  const mid = n >> 1;
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Scans the pool metric by metric. `direction(metric)` says which way is bad
 * ("above" unless a safety line says "below"); only that side is marked.
 * Returns each server's outliers, most prominent first; servers with none are absent.
 * Callers leave drained and silent servers out of `servers`.
 */
export function scanOutliers(
  servers: TScanInput[],
  direction: (metric: string) => 'above' | 'below' = () => 'above',
): Map<string, TOutlier[]> {
  const out = new Map<string, TOutlier[]>();
  const metrics = new Set<string>();
  for (const s of servers) for (const m in s.metrics) metrics.add(m);
  const values = new Float64Array(servers.length);
  const devs = new Float64Array(servers.length);
  for (const metric of metrics) {
    let n = 0;
    for (const s of servers) {
      const v = s.metrics[metric];
      if (v !== undefined && Number.isFinite(v)) values[n++] = v;
    }
    if (n < MIN_POOL) continue;
    const sorted = values.subarray(0, n).sort();
    const med = median(sorted, n);
    for (let i = 0; i < n; i++) devs[i] = Math.abs(sorted[i]! - med);
    const mad = median(devs.subarray(0, n).sort(), n);
    const madFloored = Math.max(mad, Math.abs(med) * MAD_FLOOR_RELATIVE, MAD_FLOOR_ABSOLUTE);
    const sign = direction(metric) === 'below' ? -1 : 1;
    const errorLike = sign === 1 && isErrorLike(metric);
    const base = errorLike ? Math.max(med, ERROR_RATIO_FLOOR) : 0;
    for (const s of servers) {
      const v = s.metrics[metric];
      if (v === undefined || !Number.isFinite(v)) continue;
      const mads = (0.6745 * sign * (v - med)) / madFloored;
      const ratio = errorLike ? v / base : null;
      let rule: TOutlier['rule'] | null = null;
      let score = 0;
      if (errorLike) {
        // The spread of tiny error ratios is noise; many times the pool's is the signal.
        if (ratio! >= RATIO_THRESHOLD) {
          rule = 'ratio';
          score = ratio! / RATIO_THRESHOLD;
        }
      } else if (mads >= MAD_THRESHOLD) {
        rule = 'mad';
        score = mads / MAD_THRESHOLD;
      }
      if (!rule) continue;
      let list = out.get(s.name);
      if (!list) {
        list = [];
        out.set(s.name, list);
      }
      list.push({ metric, value: v, poolMedian: med, mads, ratio: med > 0 && errorLike ? v / med : null, rule, score });
    }
  }
  for (const list of out.values()) list.sort((a, b) => b.score - a.score || a.metric.localeCompare(b.metric));
  return out;
}
