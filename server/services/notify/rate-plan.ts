import type { TChannelKind } from '../../../lib/api/notifications';

/** The vendors' published limits, messages a minute (Slack: one a second). */
export const DEFAULT_RATE_PER_MINUTE: Record<TChannelKind, number> = {
  dingtalk: 20,
  wecom: 20,
  feishu: 100,
  slack: 60,
  webhook: 600,
  email: 60,
};

const RATE_WINDOW_MS = 60_000;

/** The sends still inside the window. */
export function liveWindow(sends: number[], now: number, windowMs = RATE_WINDOW_MS): number[] {
  return sends.filter((t) => t > now - windowMs);
}

/**
 * How a channel's due deliveries go out now, given its sends in the rate
 * window (epoch ms, oldest first): each alone while they fit in the first
 * half of the budget; past that, everything due merged into one digest
 * (up to `maxPerDigest` items), paced so the rest of the budget spreads over
 * the rest of the window. So the channel never goes over its limit, nothing
 * is dropped, and a storm keeps reaching people every few seconds instead of
 * spending the minute's budget in its first second.
 */
export function planSends<T>(due: T[], window: number[], limit: number, now: number, maxPerDigest = 100, windowMs = RATE_WINDOW_MS): T[][] {
  const budget = limit - window.length;
  if (budget <= 0 || due.length === 0) return [];
  const alone = budget - Math.ceil(limit / 2);
  if (due.length <= alone) return due.map((d) => [d]);
  const last = window.at(-1);
  const oldest = window[0];
  if (last !== undefined && oldest !== undefined) {
    const pace = (oldest + windowMs - now) / budget;
    if (now - last < pace) return [];
  }
  return [due.slice(0, maxPerDigest)];
}
