import type { TNotifyEvent } from '../../../lib/api/notifications';
import { SEVERITIES, type TSeverity } from '../../../lib/incidents';
import type { TTx } from '../../db/client';

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
}

export interface TEnqueue {
  roomId: string;
  event: TNotifyEvent;
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
    select: { id: true, events: true, minSeverity: true },
  });
  const wanted = e.channelId
    ? channels
    : channels.filter((c) => (JSON.parse(c.events) as string[]).includes(e.event) && severityPasses(e.severity, c.minSeverity));
  if (wanted.length === 0) return [];
  const room = await tx.room.findUniqueOrThrow({ where: { id: e.roomId }, select: { slug: true, name: true, locale: true } });
  const facts = typeof e.facts === 'function' ? await e.facts() : e.facts;
  const payload = JSON.stringify({ ...facts, room } satisfies TNotifyFacts);
  // Checked, not caught: on PostgreSQL a unique violation would abort the caller's whole transaction.
  const seen = new Set(
    (
      await tx.delivery.findMany({
        where: { channelId: { in: wanted.map((c) => c.id) }, dedupKey: e.dedupKey },
        select: { channelId: true },
      })
    ).map((d) => d.channelId),
  );
  const now = new Date();
  const ids: string[] = [];
  for (const c of wanted) {
    if (seen.has(c.id)) continue;
    const row = await tx.delivery.create({
      data: {
        roomId: e.roomId,
        channelId: c.id,
        event: e.event,
        dedupKey: e.dedupKey,
        incidentNumber: facts.incident?.number ?? null,
        severity: e.severity ?? null,
        payload,
        nextAttemptAt: now,
        deadline: new Date(now.getTime() + DELIVERY_DEADLINE_MS),
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}
