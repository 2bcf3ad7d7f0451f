import type { TChannelKind, TDeliveryEvent, TNotifyEvent } from '../../../lib/api/notifications';
import type { TServiceContext } from '../../context';
import type { TNotifyFacts } from './enqueue-notification';
import { renderDigest, type TRenderable } from './render-message';
import { retryDelayMs, type TSendOutcome } from './send-outcome';
import { MAX_BYTES, sendToVendor } from './send-to-vendor';
import { liveWindow } from './rate-plan';
import { sendPush } from '../push/send-push';

/** A vendor slower than this is a failed attempt (and the claim's lease, WARROOM_OUTBOX_LEASE_MS, outlives it). */
const SEND_TIMEOUT_MS = 10_000;

interface TChannelRow {
  id: string;
  kind: string;
  url: string | null;
  secret: string | null;
  recipients: string;
  language: string | null;
}

/** Counts of attempts by outcome, for /metrics (this process's). */
export const deliveryCounters = new Map<string, number>();
function count(kind: string, state: string, n: number) {
  const key = `${kind}\u0000${state}`;
  deliveryCounters.set(key, (deliveryCounters.get(key) ?? 0) + n);
}

/**
 * Claims these deliveries for one attempt, as one message: leased to `owner`,
 * attempts counted, and the send noted in the channel's rate window — all
 * committed before anything is sent. A crash after this and before the
 * answer is recorded leaves a lease that expires; the row is then sent again
 * (the one duplicate a crash may cause, only if the vendor had accepted it).
 * Answers the ids actually claimed.
 */
export async function claimDeliveries(ctx: TServiceContext, channelId: string, ids: string[], owner: string, now: Date): Promise<string[]> {
  return ctx.prisma.$transaction(async (tx) => {
    const claimed = await tx.delivery.updateMany({
      where: {
        id: { in: ids },
        channelId,
        state: { in: ['pending', 'retrying'] },
        OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
      },
      data: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + ctx.config.WARROOM_OUTBOX_LEASE_MS), attempts: { increment: 1 } },
    });
    if (claimed.count === 0) return [];
    const ch = await tx.notifyChannel.findUniqueOrThrow({ where: { id: channelId }, select: { sendWindow: true } });
    const window = liveWindow(JSON.parse(ch.sendWindow) as number[], now.getTime());
    await tx.notifyChannel.update({ where: { id: channelId }, data: { sendWindow: JSON.stringify([...window, now.getTime()]) } });
    const rows = await tx.delivery.findMany({ where: { id: { in: ids }, leaseOwner: owner }, select: { id: true } });
    return rows.map((r) => r.id);
  });
}

/**
 * Sends claimed deliveries as one message (a digest when several) and
 * records the outcome on each row, only while this process still holds them:
 * delivered with its latency; a permanent refusal dead at once with the
 * vendor's reason; a passing failure retried later (backoff with jitter,
 * Retry-After honoured) until the row's deadline, then dead.
 */
export async function sendClaimed(ctx: TServiceContext, channel: TChannelRow, ids: string[], owner: string): Promise<TSendOutcome> {
  const rows = await ctx.prisma.delivery.findMany({ where: { id: { in: ids }, leaseOwner: owner }, orderBy: { createdAt: 'asc' } });
  if (rows.length === 0) return { ok: false, retryable: true, reason: 'lease lost' };
  // A test written before channel.test existed was filed as status.published with a "test:" key.
  const eventOf = (r: (typeof rows)[number]) => (r.dedupKey.startsWith('test:') ? 'channel.test' : (r.event as TDeliveryEvent));
  const items: TRenderable[] = rows.map((r) => ({ event: eventOf(r), facts: JSON.parse(r.payload) as TNotifyFacts }));
  const first = rows[0] as (typeof rows)[number];
  const firstFacts = items[0]?.facts as TNotifyFacts;
  const lang = (channel.language ?? (firstFacts.room.locale === 'zh' ? 'zh' : 'en')) as 'en' | 'zh';
  const kind = channel.kind as TChannelKind;
  // A status-page subscriber's row carries its own recipient and rendered text (sent alone, see subscriber-mail.ts).
  const mail = rows.length === 1 ? firstFacts.mail : undefined;
  const message = mail ? { title: mail.subject, text: mail.text } : renderDigest(items, lang, ctx.config.publicUrl, MAX_BYTES[kind]);
  const timeoutMs = Math.min(SEND_TIMEOUT_MS, ctx.config.WARROOM_OUTBOX_LEASE_MS - 500);
  let outcome: TSendOutcome;
  try {
    outcome =
      // A device's row (kind "push") is sent alone to its one subscription.
      channel.kind === 'push'
        ? await sendPush(ctx, firstFacts, first.event as TNotifyEvent, timeoutMs)
        : await sendToVendor(
            { kind, url: channel.url, secret: channel.secret, recipients: mail ? [mail.to] : (JSON.parse(channel.recipients) as string[]) },
            {
              message,
              deliveryId: first.id,
              event: rows.length === 1 ? first.event : 'digest',
              room: firstFacts.room.slug,
              incident: rows.length === 1 ? firstFacts.incident : undefined,
            },
            {
              timeoutMs,
              smtpUrl: ctx.config.WARROOM_SMTP_URL,
              smtpFrom: ctx.config.WARROOM_SMTP_FROM,
            },
          );
  } catch (err) {
    outcome = { ok: false, retryable: true, reason: `send failed: ${(err as Error).message.slice(0, 200)}` };
  }
  const at = new Date();
  const mine = { id: { in: rows.map((r) => r.id) }, leaseOwner: owner };
  if (outcome.ok) {
    // One update per row: latency is each row's own (event → vendor accepted).
    await ctx.prisma.$transaction(
      rows.map((r) =>
        ctx.prisma.delivery.updateMany({
          where: { id: r.id, leaseOwner: owner },
          data: {
            state: 'delivered',
            deliveredAt: at,
            latencyMs: at.getTime() - r.createdAt.getTime(),
            lastError: null,
            leaseOwner: null,
            leaseUntil: null,
            digest: rows.length > 1,
          },
        }),
      ),
    );
    count(kind, 'delivered', rows.length);
    return outcome;
  }
  if (!outcome.retryable) {
    await ctx.prisma.delivery.updateMany({
      where: mine,
      data: { state: 'dead', lastError: outcome.reason, leaseOwner: null, leaseUntil: null, nextAttemptAt: at },
    });
    count(kind, 'dead', rows.length);
    return outcome;
  }
  const reason = outcome.reason;
  const retryAfterMs = outcome.retryAfterMs;
  let dead = 0;
  await ctx.prisma.$transaction(
    rows.map((r) => {
      const next = new Date(at.getTime() + retryDelayMs(r.attempts, retryAfterMs));
      const giveUp = next > r.deadline;
      if (giveUp) dead++;
      return ctx.prisma.delivery.updateMany({
        where: { id: r.id, leaseOwner: owner },
        data: giveUp
          ? { state: 'dead', lastError: `gave up at the deadline: ${reason}`, leaseOwner: null, leaseUntil: null }
          : { state: 'retrying', lastError: reason, nextAttemptAt: next, leaseOwner: null, leaseUntil: null },
      });
    }),
  );
  count(kind, 'retrying', rows.length - dead);
  if (dead) count(kind, 'dead', dead);
  return outcome;
}
