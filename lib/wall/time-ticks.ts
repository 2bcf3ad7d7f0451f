const S = 1000;
const M = 60 * S;
const H = 60 * M;
/** Steps a person reads at a glance on a clock axis. */
const STEPS = [10 * S, 15 * S, 30 * S, M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M, H, 2 * H, 3 * H, 6 * H, 12 * H, 24 * H];

/**
 * Ticks for a time axis from `min` to `max` (epoch ms): at most `maxTicks`,
 * on round clock steps, each label distinct — a step under a minute gets
 * seconds in its labels, so "20:15 20:15 20:15" cannot happen. Steps are
 * aligned on the room's clock (its UTC offset in ms at `min`).
 */
export function timeTicks(min: number, max: number, maxTicks: number, offsetMs = 0): { ticks: number[]; stepMs: number; seconds: boolean } {
  const span = Math.max(0, max - min);
  const stepMs = STEPS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / (24 * H)) * 24 * H;
  const ticks: number[] = [];
  if (span > 0) {
    const first = Math.ceil((min + offsetMs) / stepMs) * stepMs - offsetMs;
    for (let t = first; t <= max && ticks.length <= maxTicks; t += stepMs) ticks.push(t);
  }
  return { ticks, stepMs, seconds: stepMs < M };
}

/** A time zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at / 1000) * 1000;
}
