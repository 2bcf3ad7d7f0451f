import type { TChannel, TChannelKind, TDelivery, TNotifyEvent } from '../../../lib/api/notifications';
import type { TSeverity } from '../../../lib/incidents';
import type { TServiceContext } from '../../context';
import { DEFAULT_RATE_PER_MINUTE } from './rate-plan';
import { maskUrl } from './mask-url';
import { SUBSCRIBER_CHANNEL } from '../status/subscriber-mail';
import { PUSH_CHANNEL } from '../push/push-channel';

/** A channel is failing once a delivery died, or its attempts kept failing this long. */
const FAILING_AFTER_MS = 5 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

type TChannelRow = {
  id: string;
  name: string;
  kind: string;
  url: string | null;
  secret: string | null;
  recipients: string;
  events: string;
  minSeverity: string;
  language: string | null;
  paused: boolean;
  ratePerMinute: number | null;
};

/**
 * The room's channels as read — never the secret — with their health: a
 * dead delivery in the last day, or an undelivered one failing for 5 minutes,
 * makes a channel "failing" since its first such failure; a later delivered
 * message clears it (the room recovers by itself).
 */
export async function loadChannelDtos(ctx: TServiceContext, roomId: string, id?: string): Promise<TChannel[]> {
  const rows: TChannelRow[] = await ctx.prisma.notifyChannel.findMany({
    // The status page's subscribers and the subscribed phones are the outbox's own addresses, not channels a lead manages.
    where: { roomId, name: { notIn: [SUBSCRIBER_CHANNEL, PUSH_CHANNEL] }, ...(id ? { id } : {}) },
    orderBy: { createdAt: 'asc' },
  });
  const since = new Date(Date.now() - DAY_MS);
  const out: TChannel[] = [];
  for (const c of rows) {
    const [delivered24h, failed24h, health] = await Promise.all([
      ctx.prisma.delivery.count({ where: { channelId: c.id, state: 'delivered', deliveredAt: { gte: since } } }),
      ctx.prisma.delivery.count({ where: { channelId: c.id, state: 'dead', updatedAt: { gte: since } } }),
      channelHealthOf(ctx, c.id, c.paused),
    ]);
    const failing = health.failingSince;
    out.push({
      id: c.id,
      name: c.name,
      kind: c.kind as TChannelKind,
      url: c.url === null ? null : maskUrl(c.url),
      to: JSON.parse(c.recipients) as string[],
      events: JSON.parse(c.events) as TNotifyEvent[],
      minSeverity: c.minSeverity as TSeverity,
      language: c.language as 'en' | 'zh' | null,
      paused: c.paused,
      ratePerMinute: c.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE[c.kind as TChannelKind] ?? 60,
      hasSecret: c.secret !== null,
      state: c.paused ? 'paused' : failing ? 'failing' : 'ok',
      failingSince: failing?.toISOString() ?? null,
      lastError: health.lastError,
      delivered24h,
      failed24h,
    });
  }
  return out;
}

/**
 * One channel's health: since when it fails (null when it does not, or is
 * paused) and the last error of the day.
 */
export async function channelHealthOf(
  ctx: TServiceContext,
  channelId: string,
  paused: boolean,
): Promise<{ failingSince: Date | null; lastError: string | null }> {
  const [lastOk, lastBad] = await Promise.all([
    ctx.prisma.delivery.findFirst({
      where: { channelId, state: 'delivered' },
      orderBy: { deliveredAt: 'desc' },
      select: { deliveredAt: true },
    }),
    ctx.prisma.delivery.findFirst({
      where: { channelId, state: { in: ['dead', 'retrying'] }, updatedAt: { gte: new Date(Date.now() - DAY_MS) } },
      orderBy: { updatedAt: 'desc' },
      select: { lastError: true },
    }),
  ]);
  const since = paused ? null : await failingSince(ctx, channelId, lastOk?.deliveredAt ?? null);
  return { failingSince: since, lastError: lastBad?.lastError ?? null };
}

/** Since when the channel fails: its oldest dead (or 5-minute-old retrying) delivery after the last one delivered. */
async function failingSince(ctx: TServiceContext, channelId: string, lastOk: Date | null): Promise<Date | null> {
  const after = lastOk ?? new Date(Date.now() - DAY_MS);
  const dead = await ctx.prisma.delivery.findFirst({
    where: { channelId, state: 'dead', updatedAt: { gt: after } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  if (dead) return dead.createdAt;
  const stuck = await ctx.prisma.delivery.findFirst({
    where: { channelId, state: 'retrying', createdAt: { gt: after, lte: new Date(Date.now() - FAILING_AFTER_MS) } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  return stuck?.createdAt ?? null;
}

type TDeliveryRow = {
  id: string;
  channelId: string;
  event: string;
  incidentNumber: number | null;
  state: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  latencyMs: number | null;
  digest: boolean;
  createdAt: Date;
  deliveredAt: Date | null;
  payload: string;
};

/** Who a delivery went to, from what its row carries (a device's subscription, a subscriber's mail). */
function recipientOf(payload: string): TDelivery['to'] {
  try {
    const facts = JSON.parse(payload) as { push?: unknown; mail?: unknown };
    return facts.push ? 'phone' : facts.mail ? 'subscriber' : 'channel';
  } catch {
    return 'channel';
  }
}

export function toDeliveryDto(d: TDeliveryRow): TDelivery {
  const waiting = d.state === 'pending' || d.state === 'retrying';
  return {
    id: d.id,
    channelId: d.channelId,
    to: recipientOf(d.payload),
    event: d.event as TDelivery['event'],
    incidentNumber: d.incidentNumber,
    state: d.state as TDelivery['state'],
    attempts: d.attempts,
    nextAttemptAt: waiting ? d.nextAttemptAt.toISOString() : null,
    lastError: d.lastError,
    latencyMs: d.latencyMs,
    digest: d.digest,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  };
}
