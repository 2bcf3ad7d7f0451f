/**
 * A headline number that glides to each new value instead of jumping. The
 * target only moves to a value with a newer timestamp, so a push that was
 * delivered late never pulls the number back; and the displayed value moves
 * monotonically from where it is towards the target (ease-out, no overshoot).
 */
export interface TCountUp {
  from: number;
  to: number;
  /** sample time of `to`, epoch ms */
  toTime: number;
  startedAt: number;
  durationMs: number;
}

const COUNT_UP_MS = 1200;

export function startCountUp(value: number, time: number, now: number, durationMs = COUNT_UP_MS): TCountUp {
  return { from: value, to: value, toTime: time, startedAt: now, durationMs };
}

function ease(x: number): number {
  return 1 - (1 - x) ** 3;
}

/** The value to draw at `now`. */
export function countUpValue(s: TCountUp, now: number): number {
  if (s.durationMs <= 0 || now >= s.startedAt + s.durationMs) return s.to;
  const x = Math.max(0, (now - s.startedAt) / s.durationMs);
  return s.from + (s.to - s.from) * ease(x);
}

/**
 * Aims at a new sample; an older one than the current target is ignored. A
 * sample more than `maxGapMs` (the room's stale threshold) newer than the
 * target is jumped to, not glided to: after a gap (a drop, a restart, a
 * producer that stopped) the glide would show, for most of its 1.2 s,
 * numbers that stopped being current seconds ago, without their stale mark.
 */
export function retarget(s: TCountUp, value: number, time: number, now: number, maxGapMs = Number.POSITIVE_INFINITY): TCountUp {
  if (time < s.toTime || (time === s.toTime && value === s.to)) return s;
  if (time - s.toTime > maxGapMs) return startCountUp(value, time, now, s.durationMs);
  return { from: countUpValue(s, now), to: value, toTime: time, startedAt: now, durationMs: s.durationMs };
}

export function isSettled(s: TCountUp, now: number): boolean {
  return now >= s.startedAt + s.durationMs;
}
