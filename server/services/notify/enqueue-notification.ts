import type { TDeliveryEvent } from '../../../lib/api/notifications';
import { SEVERITIES, type TSeverity } from '../../../lib/incidents';
import type { TTx } from '../../db/client';
import { PUSH_CHANNEL, PUSH_EVENTS } from '../push/push-channel';

/** How long a delivery is tried before it is dead (the contract's channel deadline). */
const DELIVERY_DEADLINE_MS = 24 * 60 * 60 * 1000;

/** What a message says, captured when the event happens; rendered per channel language at send time. */
export interface TNotifyFacts {
  room: { slug: string; name: string; locale: string };
  incident?: {
    id: string;
    number: number;
    title: string;
    severity: string;
    status: string;
    owner: string | null;
    openedAt: string;
  };
  /** the status the incident left (incident.status) */
  from?: string;
  /** the severity it was raised from (incident.escalated) */
  fromSeverity?: string;
  probe?: { name: string; url: string; error: string | null };
  handover?: { from: string; to: string | null; acceptedBy: string | null };
  /** the on-duty lead (accepted handover) named by escalations */
  lead?: string | null;
  unclaimedMinutes?: number;
  /** a capacity warning's forecast when it fired: rendered "pool 92 % · full in ~12 min" in the channel's language */
  capacity?: { utilization: number | null; fullInMs: number | null; nPlusOneInMs: number | null };
  /** free text: a test message, a status-page update */
  text?: string;
  title?: string;
  /** a status-page subscriber's message: one recipient, already rendered */
  mail?: { to: string; subject: string; text: string };
  /** a Web Push delivery: the device it goes to */
  push?: { subscriptionId: string };
}

export interface TEnqueue {
  roomId: string;
  /** channel.test only with channelId */
  event: TDeliveryEvent;
  /** with the channel, unique: the same event enqueued twice (a retried request, a redelivered signal) is sent once */
  dedupKey: string;
  /** channels below their minimum severity skip it; omit for events without one (handovers) */
  severity?: TSeverity | string | null;
  /** what the message says; a function is only called when some channel wants the event (no reads otherwise) */
  facts: Omit<TNotifyFacts, 'room'> | (() => Promise<Omit<TNotifyFacts, 'room'>>);
  /** only this channel (a test message), whatever it subscribed to */
  channelId?: string;
}

/** SEV1 is the most severe: a channel with minimum SEV2 hears SEV1 and SEV2. */
export function severityPasses(severity: string | null | undefined, min: string): boolean {
  if (!severity) return true;
  const s = SEVERITIES.indexOf(severity as TSeverity);
  const m = SEVERITIES.indexOf(min as TSeverity);
  return s === -1 || m === -1 || s <= m;
}

/**
 * Writes the outbox rows for one event, inside the caller's transaction: one
 * pending delivery per channel of the room that wants this event at this
 * severity and is not paused. Nothing is sent here — the outbox worker sends
 * after commit, so a rolled-back change sends nothing and a committed one is
 * never lost. Returns the ids written.
 */
export async function enqueueNotification(tx: TTx, e: TEnqueue): Promise<string[]> {
  const channels = await tx.notifyChannel.findMany({
    where: e.channelId ? { id: e.channelId, roomId: e.roomId } : { roomId: e.roomId, paused: false },
    select: { id: true, name: true, events: true, minSeverity: true },
  });
  const wanted = e.channelId
    ? channels
    : channels.filter((c) => (JSON.parse(c.events) as string[]).includes(e.event) && severityPasses(e.severity, c.minSeverity));
  const devices = e.channelId ? [] : await pushTargets(tx, e, channels);
  if (wanted.length === 0 && devices.length === 0) return [];
  const room = await tx.room.findUniqueOrThrow({ where: { id: e.roomId }, select: { slug: true, name: true, locale: true } });
  const facts = typeof e.facts === 'function' ? await e.facts() : e.facts;
  const payload = JSON.stringify({ ...facts, room } satisfies TNotifyFacts);
  const rows = [
    ...wanted.map((c) => ({ channelId: c.id, dedupKey: e.dedupKey, payload })),
    // One row per device, each carrying its subscription: sent alone, removed with it on 404/410.
    ...devices.map((d) => ({
      channelId: d.channelId,
      dedupKey: `${e.dedupKey}#push:${d.subscriptionId}`,
      payload: JSON.stringify({ ...facts, room, push: { subscriptionId: d.subscriptionId } } satisfies TNotifyFacts),
    })),
  ];
  // Checked, not caught: on PostgreSQL a unique violation would abort the caller's whole transaction.
  const seen = new Set(
    (
      await tx.delivery.findMany({
        where: { OR: rows.map((r) => ({ channelId: r.channelId, dedupKey: r.dedupKey })) },
        select: { channelId: true, dedupKey: true },
      })
    ).map((d) => `${d.channelId}\u0000${d.dedupKey}`),
  );
  const now = new Date();
  const ids: string[] = [];
  for (const r of rows) {
    if (seen.has(`${r.channelId}\u0000${r.dedupKey}`)) continue;
    const row = await tx.delivery.create({
      data: {
        roomId: e.roomId,
        channelId: r.channelId,
        event: e.event,
        dedupKey: r.dedupKey,
        incidentNumber: facts.incident?.number ?? null,
        severity: e.severity ?? null,
        payload: r.payload,
        nextAttemptAt: now,
        deadline: new Date(now.getTime() + DELIVERY_DEADLINE_MS),
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}

/**
 * The devices subscribed to this room at this severity, for the events a
 * phone is told about. The room's push channel exists once any device
 * subscribed to it, so a room nobody subscribed to costs no further read.
 */
async function pushTargets(
  tx: TTx,
  e: TEnqueue,
  channels: { id: string; name: string }[],
): Promise<{ channelId: string; subscriptionId: string }[]> {
  if (!PUSH_EVENTS.includes(e.event)) return [];
  const channel = channels.find((c) => c.name === PUSH_CHANNEL);
  if (!channel) return [];
  const subs = await tx.pushSubscription.findMany({ select: { id: true, rooms: true, minSeverity: true }, orderBy: { createdAt: 'asc' } });
  return subs
    .filter((s) => (JSON.parse(s.rooms) as string[]).includes(e.roomId) && severityPasses(e.severity, s.minSeverity))
    .map((s) => ({ channelId: channel.id, subscriptionId: s.id }));
}
