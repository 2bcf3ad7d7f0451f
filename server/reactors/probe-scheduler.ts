import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { TServiceContext } from '../context';
import { checkHttp } from '../services/signals/check-http';
import { recordProbeResult } from '../services/signals/record-probe-result';
import type { TProbeRow } from '../services/signals/probe-dto';

/** How often the database is asked for due probes. */
const TICK_MS = 1000;
/** Checks one process runs at once. */
const MAX_CONCURRENT = 16;
/** A lease outlives the check's own timeout by this much before another process may take the probe. */
const LEASE_MARGIN_MS = 15_000;

/**
 * Runs due probes. The schedule lives in the database (nextRunAt), not in a
 * timer per probe: every process asks for due probes each second and claims
 * one with a conditional UPDATE (still due at the nextRunAt it read, no live
 * lease), so with several processes each check runs once, and a restart
 * picks the schedule up where it was. A process that dies mid-check leaves
 * a lease that expires; another process then runs that check.
 */
export function startProbeScheduler(ctx: TServiceContext, opts: { tickMs?: number } = {}): () => Promise<void> {
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  async function runOne(p: TProbeRow) {
    try {
      const result = await checkHttp({
        url: p.url,
        method: p.method as 'GET' | 'HEAD' | 'POST',
        expectStatus: JSON.parse(p.expectStatus) as number[],
        expectText: p.expectText,
        timeoutMs: p.timeoutMs,
      });
      // Even while stopping: a check that ran is recorded, so a restart neither loses nor repeats it.
      await recordProbeResult({ ctx, probe: p, owner, result, at: new Date() });
    } catch (err) {
      console.error(`probe ${p.name} failed to record:`, err instanceof Error ? err.message : err);
    } finally {
      running.delete(p.id);
    }
  }

  async function tick() {
    const now = new Date();
    const free = { OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] };
    const due = await ctx.prisma.probe.findMany({
      where: { paused: false, nextRunAt: { lte: now }, room: { archivedAt: null }, ...free },
      orderBy: { nextRunAt: 'asc' },
      take: MAX_CONCURRENT,
    });
    for (const p of due) {
      if (stopped || running.size >= MAX_CONCURRENT || running.has(p.id)) continue;
      const claimed = await ctx.prisma.probe.updateMany({
        where: { id: p.id, paused: false, nextRunAt: p.nextRunAt, ...free },
        data: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + p.timeoutMs + LEASE_MARGIN_MS) },
      });
      if (claimed.count !== 1) continue;
      running.set(p.id, runOne({ ...p, leaseOwner: owner }));
    }
  }

  const loop = () => {
    if (stopped) return;
    tick()
      .catch((err) => {
        if (!stopped) console.error('probe scheduler:', err instanceof Error ? err.message : err);
      })
      .finally(() => {
        if (!stopped) {
          timer = setTimeout(loop, opts.tickMs ?? TICK_MS);
          timer.unref();
        }
      });
  };
  loop();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await Promise.allSettled([...running.values()]);
    // Anything still leased by this process is free for the others at once.
    await ctx.prisma.probe.updateMany({ where: { leaseOwner: owner }, data: { leaseOwner: null, leaseUntil: null } }).catch(() => {});
  };
}
