import { MINUTE_MS } from './growth';

export interface TMilestoneLike {
  seriesName: string;
  threshold: number;
  label: string;
  reachedAt: string | null;
}

/** The lowest milestone of a series still above the value. */
export function nextMilestone<M extends TMilestoneLike>(milestones: M[], seriesName: string, value: number): M | undefined {
  let best: M | undefined;
  for (const m of milestones) {
    if (m.seriesName !== seriesName || m.threshold <= value) continue;
    if (!best || m.threshold < best.threshold) best = m;
  }
  return best;
}

/** The highest milestone of a series already reached. */
export function lastReached<M extends TMilestoneLike>(milestones: M[], seriesName: string): M | undefined {
  let best: M | undefined;
  for (const m of milestones) {
    if (m.seriesName !== seriesName || !m.reachedAt) continue;
    if (!best || m.threshold > best.threshold) best = m;
  }
  return best;
}

/** Milliseconds until `threshold` at `ratePerMinute`; null when the number is not rising. */
export function etaMs(value: number, threshold: number, ratePerMinute: number | null | undefined): number | null {
  if (threshold <= value) return 0;
  if (ratePerMinute === null || ratePerMinute === undefined || !(ratePerMinute > 0)) return null;
  return ((threshold - value) / ratePerMinute) * MINUTE_MS;
}

/**
 * Milestones this screen saw crossed live: the value it showed before was
 * below the threshold and the value now is at or above it. A screen that
 * opens after a crossing, or whose first point lands above a threshold
 * (nothing was crossed while it watched), celebrates nothing.
 */
export function crossedLive<M extends TMilestoneLike>(
  milestones: M[],
  seriesName: string,
  before: number | undefined,
  after: number | undefined,
): M[] {
  if (before === undefined || after === undefined || after <= before) return [];
  return milestones.filter((m) => m.seriesName === seriesName && before < m.threshold && after >= m.threshold);
}
