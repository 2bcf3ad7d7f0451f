/**
 * Durations counted from when a state began — "down for", "open for",
 * "unclaimed for", "silent since" — never from a window of kept samples
 * (a probe keeps 90 results: 7 minutes at a 5 s interval, while it may have
 * been down for an hour). One helper for the wall, the phone, the console
 * and notifications, so they all say the same number.
 */
import { formatDuration } from './duration';
import type { TLocale } from './number';

/** How long since `since` (ISO text or epoch ms) on the server's clock `now`; null when either is unknown. */
function sinceMs(since: string | number | null | undefined, now: number | null | undefined): number | null {
  if (since === null || since === undefined || now === null || now === undefined) return null;
  const t = typeof since === 'number' ? since : Date.parse(since);
  return Number.isFinite(t) ? Math.max(0, now - t) : null;
}

/** "16 min" / "16分钟" since the state began, or null. */
export function formatSince(since: string | number | null | undefined, now: number | null | undefined, locale: TLocale): string | null {
  const ms = sinceMs(since, now);
  return ms === null ? null : formatDuration(ms, locale);
}

/**
 * When a probe's current state began: the stored `stateSince`, or — for a
 * probe stored before it existed — the first failure of the failing run in
 * its kept results (an underestimate, and only until its next change).
 */
export function probeStateSince(p: { state: string; stateSince?: string | null; recent: { at: string; ok: boolean }[] }): string | null {
  if (p.stateSince) return p.stateSince;
  if (p.state !== 'down') return null;
  let since: string | null = null;
  for (let i = p.recent.length - 1; i >= 0 && !p.recent[i]!.ok; i--) since = p.recent[i]!.at;
  return since;
}
