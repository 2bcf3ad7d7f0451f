import type { TChannelKind } from '../../lib/api/notifications';
import type { TServiceContext } from '../context';
import { claimDeliveries, sendClaimed } from '../services/notify/deliver';
import { SUBSCRIBER_CHANNEL } from '../services/status/subscriber-mail';
import { DEFAULT_RATE_PER_MINUTE, liveWindow, planSends } from '../services/notify/rate-plan';
import { runLeased, type TLeasedJob } from './worker-lease';

/** The sender's lease outlives a few missed ticks, not a crash: another process takes over within this. */
const LEASE_MS = 10_000;
/** Due rows read per tick. */
const BATCH = 500;
/** Channels sent to at once. */
const PARALLEL_CHANNELS = 8;

/**
 * Sends the outbox. One process of the install holds the "outbox" lease in
 * the database and sends; the others wait to take over when it lapses. Each
 * tick reads due rows (pending or retrying, next attempt passed, no live
 * lease), groups them per channel, and sends what the channel's rate window
 * allows — alone, or merged into one digest when the budget is short. Rows
 * stay in the database through every step, so a kill -9 loses nothing.
 */
export function startOutboxWorker(ctx: TServiceContext, opts: { tickMs?: number } = {}): () => Promise<void> {
  const tickMs = opts.tickMs ?? ctx.config.WARROOM_OUTBOX_TICK_MS;

  async function sendChannel({ owner, stopped }: TLeasedJob, channelId: string, ids: string[], now: Date) {
    const ch = await ctx.prisma.notifyChannel.findUnique({ where: { id: channelId } });
    if (!ch) return;
    const limit = ch.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE[ch.kind as TChannelKind] ?? 60;
    if (ch.name === SUBSCRIBER_CHANNEL || ch.kind === 'push') {
      // One mail per subscriber, each with its own unsubscribe link, and one push per device: never merged into a digest.
      for (const id of ids) {
        if (stopped()) return;
        const claimed = await claimDeliveries(ctx, ch.id, [id], owner, new Date());
        if (claimed.length > 0) await sendClaimed(ctx, ch, claimed, owner);
      }
      return;
    }
    const window = liveWindow(JSON.parse(ch.sendWindow) as number[], now.getTime());
    for (const batch of planSends(ids, window, limit, now.getTime())) {
      if (stopped()) return;
      const claimed = await claimDeliveries(ctx, ch.id, batch, owner, new Date());
      if (claimed.length > 0) await sendClaimed(ctx, ch, claimed, owner);
    }
  }

  async function tick(job: TLeasedJob) {
    const now = new Date();
    const due = await ctx.prisma.delivery.findMany({
      where: {
        state: { in: ['pending', 'retrying'] },
        nextAttemptAt: { lte: now },
        OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
        channel: { paused: false },
      },
      orderBy: { createdAt: 'asc' },
      take: BATCH,
      select: { id: true, channelId: true },
    });
    const byChannel = new Map<string, string[]>();
    for (const d of due) byChannel.set(d.channelId, [...(byChannel.get(d.channelId) ?? []), d.id]);
    const queue = [...byChannel.entries()];
    const lanes = Array.from({ length: Math.min(PARALLEL_CHANNELS, queue.length) }, async () => {
      for (let next = queue.shift(); next && !job.stopped(); next = queue.shift()) {
        await sendChannel(job, next[0], next[1], now).catch((err) => console.error('outbox:', err instanceof Error ? err.message : err));
      }
    });
    await Promise.all(lanes);
  }

  return runLeased(ctx, {
    name: 'outbox',
    label: 'outbox worker',
    tickMs,
    leaseMs: LEASE_MS,
    tick,
    // Rows this process claimed but never sent go back to the outbox at once.
    onStop: async ({ owner }) => {
      await ctx.prisma.delivery.updateMany({ where: { leaseOwner: owner }, data: { leaseOwner: null, leaseUntil: null } }).catch(() => {});
    },
  });
}
