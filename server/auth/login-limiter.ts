/**
 * Counts failed sign-ins per account and per address in a sliding window, so
 * password guessing stops whether it targets one account from many addresses
 * or many accounts from one. In process memory, for one process; with
 * REDIS_URL the counts live in Redis instead (redis-login-limiter.ts), shared
 * by every process behind the proxy.
 */
export interface TLoginLimits {
  windowMs: number;
  perAccount: number;
  perAddress: number;
}

export type TLoginBlock = { scope: 'account' | 'address'; retryAfterSeconds: number };

/** What sign-in needs of a limiter, in memory or shared. */
export interface TLoginLimiter {
  check(email: string, address: string): TLoginBlock | null | Promise<TLoginBlock | null>;
  fail(email: string, address: string): void | Promise<void>;
  succeed(email: string): void | Promise<void>;
}

export const DEFAULT_LOGIN_LIMITS: TLoginLimits = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 };

export class LoginLimiter implements TLoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly limits: TLoginLimits = DEFAULT_LOGIN_LIMITS) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.limits.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** null when an attempt may go ahead; else which limit is hit and the seconds until it lifts. */
  check(email: string, address: string, now = Date.now()): TLoginBlock | null {
    const acc = this.recent(`a:${email.toLowerCase()}`, now);
    if (acc.length >= this.limits.perAccount) return { scope: 'account', retryAfterSeconds: this.retryAfter(acc, now) };
    const ip = this.recent(`i:${address}`, now);
    if (ip.length >= this.limits.perAddress) return { scope: 'address', retryAfterSeconds: this.retryAfter(ip, now) };
    return null;
  }

  fail(email: string, address: string, now = Date.now()): void {
    for (const key of [`a:${email.toLowerCase()}`, `i:${address}`]) this.failures.set(key, [...this.recent(key, now), now]);
    // Bound memory under a spray of random emails: forget the oldest keys.
    if (this.failures.size > 50_000) for (const k of [...this.failures.keys()].slice(0, 10_000)) this.failures.delete(k);
  }

  /** A correct password clears the account's count (not the address's: one success must not reset a spray). */
  succeed(email: string): void {
    this.failures.delete(`a:${email.toLowerCase()}`);
  }

  private retryAfter(list: number[], now: number): number {
    return Math.max(1, Math.ceil((list[0]! + this.limits.windowMs - now) / 1000));
  }
}
