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
