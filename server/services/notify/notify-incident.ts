import { SEVERITIES, type TSeverity } from '../../../lib/incidents';
import type { TTx } from '../../db/client';
import { enqueueNotification, type TNotifyFacts } from './enqueue-notification';

/** The incident as a message tells it, read inside the transaction that changed it. */
export async function incidentFacts(tx: TTx, incidentId: string): Promise<NonNullable<TNotifyFacts['incident']>> {
  const i = await tx.incident.findUniqueOrThrow({
    where: { id: incidentId },
    select: { id: true, number: true, title: true, severity: true, status: true, createdAt: true, ownerId: true },
  });
  const owner = i.ownerId ? await tx.user.findUnique({ where: { id: i.ownerId }, select: { name: true } }) : null;
  return {
    id: i.id,
    number: i.number,
    title: i.title,
    severity: i.severity,
    status: i.status,
    owner: owner?.name ?? null,
    openedAt: i.createdAt.toISOString(),
  };
}

/** incident.opened, in the transaction that inserted the incident. */
export async function notifyIncidentOpened(tx: TTx, incident: { id: string; roomId: string; severity: string }): Promise<void> {
  await enqueueNotification(tx, {
    roomId: incident.roomId,
    event: 'incident.opened',
    dedupKey: `incident.opened:${incident.id}`,
    severity: incident.severity,
    facts: async () => ({ incident: await incidentFacts(tx, incident.id) }),
  });
}

/**
 * incident.status (or incident.resolved), in the transaction that appended
 * the status entry; the entry's id keys it, so each change is told once.
 */
export async function notifyIncidentStatus(
  tx: TTx,
  incident: { id: string; roomId: string },
  entryId: string,
  change: { from: string; to: string },
): Promise<void> {
  const row = await tx.incident.findUniqueOrThrow({ where: { id: incident.id }, select: { severity: true } });
  const event = change.to === 'resolved' ? 'incident.resolved' : 'incident.status';
  await enqueueNotification(tx, {
    roomId: incident.roomId,
    event,
    dedupKey: `${event}:${entryId}`,
    severity: row.severity,
    facts: async () => ({ incident: await incidentFacts(tx, incident.id), from: change.from }),
  });
}

/**
 * incident.escalated, in the transaction that raised the severity (SEV3 →
 * SEV1; a lowered one says nothing); the severity entry's id keys it.
 */
export async function notifyIncidentEscalated(
  tx: TTx,
  incident: { id: string; roomId: string },
  entryId: string,
  change: { from: string; to: string },
): Promise<void> {
  if (SEVERITIES.indexOf(change.to as TSeverity) >= SEVERITIES.indexOf(change.from as TSeverity)) return;
  await enqueueNotification(tx, {
    roomId: incident.roomId,
    event: 'incident.escalated',
    dedupKey: `incident.escalated:${entryId}`,
    severity: change.to,
    facts: async () => ({ incident: await incidentFacts(tx, incident.id), fromSeverity: change.from }),
  });
}
