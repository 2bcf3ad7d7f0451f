// Base curves of a scenario: pure functions of scenario time (seconds from go-live).

export interface TKnot {
  at: number;
  value: number;
}

/** Piecewise linear between knots; holds the end values outside them. */
export function linear(knots: TKnot[]): (t: number) => number {
  const k = sortKnots(knots);
  return (t) => {
    const i = segment(k, t);
    if (i < 0) return t <= k[0]!.at ? k[0]!.value : k[k.length - 1]!.value;
    const a = k[i]!;
    const b = k[i + 1]!;
    return a.value + ((b.value - a.value) * (t - a.at)) / (b.at - a.at);
  };
}

/** Holds each knot's value until the next knot. */
export function step(knots: TKnot[]): (t: number) => number {
  const k = sortKnots(knots);
  return (t) => {
    let v = k[0]!.value;
    for (const knot of k) if (knot.at <= t) v = knot.value;
    return v;
  };
}

/**
 * Monotone cubic Hermite (Fritsch–Carlson): smooth, and between two knots it
 * never leaves their range — a rising count never dips, a peak stays at its
 * knot instead of overshooting it.
 */
export function smooth(knots: TKnot[]): (t: number) => number {
  const k = sortKnots(knots);
  const n = k.length;
  if (n < 3) return linear(k);
  const slopes: number[] = [];
  for (let i = 0; i < n - 1; i++) slopes.push((k[i + 1]!.value - k[i]!.value) / (k[i + 1]!.at - k[i]!.at));
  const m: number[] = new Array(n);
  m[0] = slopes[0]!;
  m[n - 1] = slopes[n - 2]!;
  for (let i = 1; i < n - 1; i++) {
    const d0 = slopes[i - 1]!;
    const d1 = slopes[i]!;
    // At a turning point (or a flat side) the tangent is flat, so no overshoot.
    m[i] = d0 * d1 <= 0 ? 0 : (d0 + d1) / 2;
  }
  for (let i = 0; i < n - 1; i++) {
    const d = slopes[i]!;
    if (d === 0) {
      m[i] = 0;
      m[i + 1] = 0;
      continue;
    }
    const a = m[i]! / d;
    const b = m[i + 1]! / d;
    const h = a * a + b * b;
    if (h > 9) {
      const tau = 3 / Math.sqrt(h);
      m[i] = tau * a * d;
      m[i + 1] = tau * b * d;
    }
  }
  return (t) => {
    const i = segment(k, t);
    if (i < 0) return t <= k[0]!.at ? k[0]!.value : k[n - 1]!.value;
    const a = k[i]!;
    const b = k[i + 1]!;
    const h = b.at - a.at;
    const s = (t - a.at) / h;
    const s2 = s * s;
    const s3 = s2 * s;
    return (2 * s3 - 3 * s2 + 1) * a.value + (s3 - 2 * s2 + s) * h * m[i]! + (-2 * s3 + 3 * s2) * b.value + (s3 - s2) * h * m[i + 1]!;
  };
}

function sortKnots(knots: TKnot[]): TKnot[] {
  if (knots.length === 0) throw new Error('a curve needs at least one knot');
  const k = [...knots].sort((a, b) => a.at - b.at);
  // Two knots at one time would divide by zero; the later one wins.
  return k.filter((x, i) => i === k.length - 1 || k[i + 1]!.at !== x.at);
}

/** Index i with k[i].at <= t < k[i+1].at (t at the last knot belongs to the last segment); -1 outside. */
function segment(k: TKnot[], t: number): number {
  if (k.length < 2 || t < k[0]!.at || t > k[k.length - 1]!.at) return -1;
  let lo = 0;
  let hi = k.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (k[mid]!.at <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
