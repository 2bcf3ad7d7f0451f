/**
 * The for/recover windows of one rule on one label set, in plain code so it
 * can be tested with any clock. Times are the points' own times (epoch ms):
 * the clock is the data, which keeps evaluation deterministic and lets a
 * replayed night behave as it did.
 */
export interface TRuleSpec {
  when: 'above' | 'below';
  threshold: number;
  forSeconds: number;
}

export interface TWindowState {
  firing: boolean;
  /** first point beyond the threshold in the current run, while not firing */
  beyondSince: number | null;
  /** first point back within, while firing */
  withinSince: number | null;
}

export const freshWindow = (firing = false): TWindowState => ({ firing, beyondSince: null, withinSince: null });

/** Advances one window with a point; says whether it just fired or just recovered. */
export function stepWindow(spec: TRuleSpec, s: TWindowState, time: number, value: number): 'fire' | 'recover' | null {
  const beyond = spec.when === 'above' ? value > spec.threshold : value < spec.threshold;
  const hold = spec.forSeconds * 1000;
  if (!s.firing) {
    if (!beyond) {
      s.beyondSince = null;
      return null;
    }
    if (s.beyondSince === null || time < s.beyondSince) s.beyondSince = time;
    if (time - s.beyondSince < hold) return null;
    s.firing = true;
    s.beyondSince = null;
    s.withinSince = null;
    return 'fire';
  }
  if (beyond) {
    s.withinSince = null;
    return null;
  }
  if (s.withinSince === null || time < s.withinSince) s.withinSince = time;
  if (time - s.withinSince < hold) return null;
  s.firing = false;
  s.withinSince = null;
  s.beyondSince = null;
  return 'recover';
}
