/** What one attempt at a vendor came to. */
export type TSendOutcome =
  | { ok: true }
  | {
      ok: false;
      /** may succeed later (network, 5xx, 429, a vendor's rate-limit code) */
      retryable: boolean;
      reason: string;
      /** the vendor said when to come back */
      retryAfterMs?: number;
      /** the vendor refused the size (WeCom 40058): shorten and resend */
      tooLong?: boolean;
    };

/** First retry within 10 s, then doubling, capped at 10 minutes. */
const FIRST_RETRY_MS = 10_000;
const MAX_RETRY_MS = 10 * 60_000;

/**
 * When to try again after `attempts` failed attempts: exponential with jitter
 * (between half and all of the step, so a crowd of failures spreads out), and
 * never earlier than the vendor's Retry-After.
 */
export function retryDelayMs(attempts: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  const step = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
  const jittered = Math.round(step * (0.5 + random() * 0.5));
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** An HTTP status alone: 2xx fine; 408, 425, 429 and 5xx may pass later; any other 4xx will not. */
export function outcomeOfStatus(status: number, retryAfter: string | null): TSendOutcome | null {
  if (status >= 200 && status < 300) return null;
  const retryable = status >= 500 || status === 408 || status === 425 || status === 429;
  const retryAfterMs = parseRetryAfter(retryAfter);
  return { ok: false, retryable, reason: `HTTP ${status}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}
