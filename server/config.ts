import { z } from 'zod';

/** Environment, validated once at start: a bad value stops the process with the variable's name. */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .default('file:./data/warroom.db')
    .refine((u) => u.startsWith('file:') || /^postgres(ql)?:\/\//.test(u), 'must be file:… (SQLite) or postgresql://…'),
  REDIS_URL: z.string().url().optional(),
  WARROOM_ADMIN_EMAIL: z.string().email().optional(),
  WARROOM_ADMIN_PASSWORD: z.string().min(8).optional(),
  WARROOM_PUBLIC_URL: z.string().url().optional(),
  WARROOM_SECRET: z.string().min(16).optional(),
  /** proxies whose X-Forwarded-For names the client: `loopback` or addresses/CIDRs, comma-separated */
  WARROOM_TRUST_PROXY: z.string().optional(),
  /** milliseconds between coalesced metric pushes per room */
  WARROOM_PUSH_INTERVAL_MS: z.coerce.number().int().min(20).max(5000).default(200),
  /** how long an Idempotency-Key placeholder belongs to its request; after it, a retry may take the key over */
  WARROOM_IDEMPOTENCY_LEASE_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  /** where each room's public status snapshot (page + summary.json) is written on every change */
  WARROOM_STATUS_DIR: z.string().min(1).default('data/status'),
  /** how long a status page's view is served without asking the database, unless a change drops it first (the day's uptime bar moves) */
  WARROOM_STATUS_CACHE_MS: z.coerce.number().int().min(100).max(3_600_000).default(300_000),
  /** SMTP server of the email channel: smtp://user:pass@host:port or smtps://… */
  WARROOM_SMTP_URL: z
    .string()
    .refine((u) => /^smtps?:\/\//.test(u), 'must be smtp://… or smtps://…')
    .optional(),
  WARROOM_SMTP_FROM: z.string().default('Warroom <warroom@localhost>'),
  /** who push services may contact about this install's Web Push (VAPID subject): mailto:… or https://… */
  WARROOM_VAPID_SUBJECT: z
    .string()
    .refine((u) => /^(mailto:|https:\/\/)/.test(u), 'must be mailto:… or https://…')
    .optional(),
  /** the outbox worker's poll interval (tests shorten it) */
  WARROOM_OUTBOX_TICK_MS: z.coerce.number().int().min(20).max(10_000).default(500),
  /** how long a delivery claimed for one attempt belongs to its process (a crash frees it after this) */
  WARROOM_OUTBOX_LEASE_MS: z.coerce.number().int().min(1000).max(300_000).default(20_000),
  /** how often unclaimed incidents are checked for escalation (tests shorten it) */
  WARROOM_ESCALATION_TICK_MS: z.coerce.number().int().min(50).max(60_000).default(10_000),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
});
export type TConfig = z.infer<typeof ZEnv> & { publicUrl: string };

/**
 * A variable's value, or undefined when it is unset or empty: a compose file
 * or a systemd unit writes `WARROOM_ADMIN_EMAIL=` for "not set", and that
 * must mean the default, not "Invalid email address".
 */
export function envValue(name: string, env: Record<string, string | undefined> = process.env): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): TConfig {
  const set: Record<string, string> = {};
  for (const name of Object.keys(env)) {
    const v = envValue(name, env);
    if (v !== undefined) set[name] = v;
  }
  const parsed = ZEnv.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment: ${lines.join('; ')}`);
  }
  const cfg = parsed.data;
  return { ...cfg, publicUrl: cfg.WARROOM_PUBLIC_URL ?? `http://localhost:${cfg.PORT}` };
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** `file:./data/warroom.db` → `./data/warroom.db` */
export function sqlitePathFromUrl(url: string): string {
  return url.replace(/^file:/, '').replace(/\?.*$/, '');
}
