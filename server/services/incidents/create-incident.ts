import type { TServiceContext } from '../../context';
import type { TCreateIncident } from '../../../lib/api/incident-requests';
import type { TIncidentDto } from '../../../lib/api/incidents';
import type { TSignalKind } from '../../../lib/incidents';
import { assertCan, authorOf, type TActor } from '../access/actor';
import { assertRoomOpen, resolveRoom } from '../rooms/resolve-room';
import { appendEntry, publishIncidentChange, TX_OPTIONS } from './incident-tx';
import type { TTx } from '../../db/client';
import { commitIdempotentAnswer } from '../idempotency/commit-answer';
import { notifyIncidentOpened } from '../notify/notify-incident';

/** Where an automatic incident came from: a signal's kind and its deduplication key. */
export interface TIncidentSource {
  source: TSignalKind;
  sourceKey: string;
  impact?: { text: string; value: number | null; unit: string | null } | null;
}

/**
 * Inserts an incident with the room's next number and its first entry, inside
 * the caller's transaction (the signal path opens incidents in its own). No
 * access check here: callers authorize.
 */
export async function insertIncident(
  tx: TTx,
  opts: { roomId: string; actor: TActor; input: Omit<TCreateIncident, 'room'>; source?: TIncidentSource },
) {
  const { actor, input, roomId } = opts;
  // The increment locks the room row: numbers are dense and never handed out twice.
  const r = await tx.room.update({ where: { id: roomId }, data: { incidentSeq: { increment: 1 } }, select: { incidentSeq: true } });
  const impact = opts.source?.impact ?? null;
  const incident = await tx.incident.create({
    data: {
      roomId,
      number: r.incidentSeq,
      title: input.title,
      summary: input.summary || null,
      severity: input.severity,
      source: opts.source?.source ?? 'manual',
      sourceKey: opts.source?.sourceKey ?? null,
      impactText: impact?.text ?? null,
      impactValue: impact?.value ?? null,
      impactUnit: impact?.unit ?? null,
      createdById: authorOf(actor).id,
    },
  });
  const body = input.summary || null;
  const opened = { title: input.title, severity: input.severity };
  const entryId = await appendEntry(
    tx,
    incident,
    actor,
    opts.source
      ? { kind: 'auto', body, data: { ...opened, source: opts.source.source, key: opts.source.sourceKey } }
      : { kind: 'created', body, data: opened },
  );
  await notifyIncidentOpened(tx, incident);
  return { incident, entryId };
}

/**
 * A person opens an incident with the room's next number and a "created"
 * entry, in one transaction. Signals open theirs through insertIncident in
 * the signal path, which authorizes them itself; here the caller always needs
 * incident:write.
 */
export async function createIncident(opts: { ctx: TServiceContext; actor: TActor; input: TCreateIncident }): Promise<TIncidentDto> {
  const { ctx, actor, input } = opts;
  const room = await resolveRoom({ ctx, slug: input.room });
  assertCan(actor, 'incident:write', room.id);
  assertRoomOpen(room);
  const { incident, entryId } = await ctx.prisma.$transaction(async (tx) => {
    const made = await insertIncident(tx, { roomId: room.id, actor, input });
    // A keyed request's answer commits with its effect (no-op without an Idempotency-Key).
    await commitIdempotentAnswer(tx, { incidentId: made.incident.id, result: made.entryId });
    return made;
  }, TX_OPTIONS);
  return (await publishIncidentChange({ ctx, roomId: room.id, incidentId: incident.id, entryIds: [entryId] })).incident;
}
