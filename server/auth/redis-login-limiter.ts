import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_LOGIN_LIMITS, type TLoginBlock, type TLoginLimiter, type TLoginLimits } from './login-limiter';

/** Loaded and connected on first use, so a process without Redis never loads its client. */
async function connect(url: string) {
  const { createClient } = await import('redis');
  const client = createClient({ url });
  client.on('error', (e: Error) => console.error('login limiter redis:', e.message));
  await client.connect();
  return client;
}

/**
 * LoginLimiter's counts in Redis, shared by every process of an install
 * (REDIS_URL): guessing a password through three processes behind a proxy
 * meets the same limit as through one. One sorted set of failure times per
 * key, trimmed to the window, expiring with it.
 */
export class RedisLoginLimiter implements TLoginLimiter {
  private client: ReturnType<typeof connect> | null = null;

  private readonly prefix: string;

  /** `install` tells installs sharing one Redis apart (the database URL: each install has its own database). */
  constructor(
    private readonly url: string,
    install: string,
    private readonly limits: TLoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {
    this.prefix = `warroom:login:${createHash('sha256').update(install).digest('hex').slice(0, 16)}:`;
  }

  private redis() {
    this.client ??= connect(this.url);
    return this.client;
  }

  private async recent(key: string, now: number): Promise<number[]> {
    const r = await this.redis();
    const k = this.prefix + key;
    await r.zRemRangeByScore(k, 0, now - this.limits.windowMs);
    const members = await r.zRangeWithScores(k, 0, -1);
    return members.map((m) => m.score);
  }

  async check(email: string, address: string, now = Date.now()): Promise<TLoginBlock | null> {
    const acc = await this.recent(`a:${email.toLowerCase()}`, now);
    if (acc.length >= this.limits.perAccount) return { scope: 'account', retryAfterSeconds: this.retryAfter(acc, now) };
    const ip = await this.recent(`i:${address}`, now);
    if (ip.length >= this.limits.perAddress) return { scope: 'address', retryAfterSeconds: this.retryAfter(ip, now) };
    return null;
  }

  async fail(email: string, address: string, now = Date.now()): Promise<void> {
    const r = await this.redis();
    for (const key of [`a:${email.toLowerCase()}`, `i:${address}`]) {
      const k = this.prefix + key;
      await r.zAdd(k, { score: now, value: `${now}:${randomBytes(4).toString('hex')}` });
      await r.pExpire(k, this.limits.windowMs);
    }
  }

  async succeed(email: string): Promise<void> {
    await (await this.redis()).del(`${this.prefix}a:${email.toLowerCase()}`);
  }

  private retryAfter(times: number[], now: number): number {
    return Math.max(1, Math.ceil((Math.min(...times) + this.limits.windowMs - now) / 1000));
  }
}
