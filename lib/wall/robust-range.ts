/**
 * The value range a chart's axis should span when one wild point slipped in
 * (a mistyped 9,000,000,000 among counts near 1,000 — before a bound existed
 * or before someone deleted it): a lone spike that jumps away from both its
 * neighbours by far more than the series' usual step is left out of the range
 * (it is drawn clipped at the edge), so the night's line is not flattened.
 * A real surge keeps its height: its neighbours follow it.
 */

/** how many times the usual step a spike must jump, on both sides */
const SPIKE_FACTOR = 20;
/** the usual step: this quantile of the absolute steps (robust to a few spikes) */
const STEP_QUANTILE = 0.9;

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i]!;
}

/** Indexes of the lone spikes of one series (values in time order). */
export function wildPoints(values: readonly number[]): Set<number> {
  const wild = new Set<number>();
  if (values.length < 5) return wild;
  const steps: number[] = [];
  for (let i = 1; i < values.length; i++) steps.push(Math.abs(values[i]! - values[i - 1]!));
  steps.sort((a, b) => a - b);
  const usual = quantile(steps, STEP_QUANTILE);
  // A flat series (every usual step 0): a jump must still be large against the values themselves.
  const span = Math.max(usual, 1e-6 * Math.max(...values.map(Math.abs)), Number.MIN_VALUE);
  const limit = SPIKE_FACTOR * span;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const prev = i > 0 ? values[i - 1]! : undefined;
    const next = i < values.length - 1 ? values[i + 1]! : undefined;
    const jumpPrev = prev === undefined ? undefined : v - prev;
    const jumpNext = next === undefined ? undefined : v - next;
    // The newest point has no follower to agree with it: never call it wild (a surge starts there).
    if (jumpNext === undefined) continue;
    const away = (j: number | undefined) => j === undefined || Math.abs(j) > limit;
    const sameSide = jumpPrev === undefined || Math.sign(jumpPrev) === Math.sign(jumpNext);
    if (away(jumpPrev) && away(jumpNext) && sameSide) wild.add(i);
  }
  return wild;
}

/**
 * The axis range of several series drawn on one axis: null when nothing is
 * wild (let the chart choose as usual), else the span of every other value
 * with a little margin.
 */
export function robustRange(series: readonly (readonly number[])[]): { min: number; max: number } | null {
  let found = false;
  let min = Infinity;
  let max = -Infinity;
  for (const values of series) {
    const wild = wildPoints(values);
    if (wild.size > 0) found = true;
    for (let i = 0; i < values.length; i++) {
      if (wild.has(i)) continue;
      if (values[i]! < min) min = values[i]!;
      if (values[i]! > max) max = values[i]!;
    }
  }
  if (!found || !Number.isFinite(min)) return null;
  const pad = (max - min) * 0.05 || Math.abs(max) * 0.05 || 1;
  // Counts that never went below zero keep their floor at zero, not below it.
  return { min: min >= 0 && min - pad < 0 ? 0 : min - pad, max: max + pad };
}
