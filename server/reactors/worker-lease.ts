import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { TServiceContext } from '../context';
import { isUniqueViolation } from '../errors';

/**
 * Takes or renews the lease of a job one process of the install runs at a
 * time: held by `owner` until `ms` from now, taken over by another process
 * only once it has expired (the holder died or stalled). True while held.
 */
export async function holdWorkerLease(ctx: TServiceContext, name: string, owner: string, ms: number): Promise<boolean> {
  const now = new Date();
  const until = new Date(now.getTime() + ms);
  const got = await ctx.prisma.workerLease.updateMany({
    where: { name, OR: [{ owner }, { leaseUntil: { lt: now } }] },
    data: { owner, leaseUntil: until },
  });
  if (got.count === 1) return true;
  try {
    await ctx.prisma.workerLease.create({ data: { name, owner, leaseUntil: until } });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** Gives the lease up at once (a clean stop), so another process need not wait for it to expire. */
export async function releaseWorkerLease(ctx: TServiceContext, name: string, owner: string): Promise<void> {
  await ctx.prisma.workerLease.deleteMany({ where: { name, owner } }).catch(() => {});
}

/** What a leased job's tick is told: its owner name and whether the process is stopping. */
export interface TLeasedJob {
  owner: string;
  stopped(): boolean;
}

/**
 * A job one process of the install runs: every `tickMs`, take or renew the
 * lease `name` (held `leaseMs`) and, while held, run `tick`; ticks never
 * overlap, and an error is logged under `label` and the loop goes on.
 * `away` runs instead of a tick while another process holds the lease. The
 * returned stop waits for a tick under way, runs `onStop` (the job's own
 * cleanup) and gives the lease up, so another process need not wait for it.
 */
export function runLeased(
  ctx: TServiceContext,
  opts: {
    name: string;
    label: string;
    tickMs: number;
    leaseMs: number;
    tick: (job: TLeasedJob) => Promise<void>;
    away?: () => void;
    onStop?: (job: TLeasedJob) => Promise<void>;
  },
): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const job: TLeasedJob = { owner: `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`, stopped: () => stopped };
  const once = async () => {
    if (await holdWorkerLease(ctx, opts.name, job.owner, opts.leaseMs)) await opts.tick(job);
    else opts.away?.();
  };
  const loop = () => {
    if (stopped) return;
    current = once()
      .catch((err) => {
        if (!stopped) console.error(`${opts.label}:`, err instanceof Error ? err.message : err);
      })
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(loop, opts.tickMs);
        timer.unref();
      });
  };
  loop();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await current;
    await opts.onStop?.(job);
    await releaseWorkerLease(ctx, opts.name, job.owner);
  };
}
