import type { TServiceContext } from '../../context';
import type { TCreateIncident, TIncidentDto } from '../../../lib/schemas/incidents';
import { assertCan, authorOf, type TActor } from '../access/actor';
import { resolveRoom } from '../rooms/resolve-room';
import { appendEntry, publishIncidentChange, TX_OPTIONS, type TTx } from './incident-tx';
import { commitIdempotentAnswer } from '../idempotency/commit-answer';

/** Where an automatic incident came from: a signal's kind and its deduplication key. */
export interface TIncidentSource {
  source: string;
  sourceKey?: string;
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
  const entryId = await appendEntry(tx, incident, actor, {
    kind: opts.source ? 'auto' : 'created',
    body: input.summary || null,
    data: {
      title: input.title,
      severity: input.severity,
      ...(opts.source ? { source: opts.source.source, key: opts.source.sourceKey ?? null } : {}),
    },
  });
  return { incident, entryId };
}

/** Opens an incident with the room's next number and a "created" entry, in one transaction. */
export async function createIncident(opts: {
  ctx: TServiceContext;
  actor: TActor;
  input: TCreateIncident;
  /** automatic incidents (probe, alert, threshold) say where they came from; the caller has authorized */
  source?: TIncidentSource;
}): Promise<TIncidentDto> {
  const { ctx, actor, input } = opts;
  const room = await resolveRoom({ ctx, slug: input.room });
  if (!opts.source) assertCan(actor, 'incident:write', room.id);
  const { incident, entryId } = await ctx.prisma.$transaction(async (tx) => {
    const made = await insertIncident(tx, { roomId: room.id, actor, input, source: opts.source });
    // A keyed request's answer commits with its effect (no-op without an Idempotency-Key).
    await commitIdempotentAnswer(tx, { incidentId: made.incident.id, result: made.entryId });
    return made;
  }, TX_OPTIONS);
  return (await publishIncidentChange({ ctx, roomId: room.id, incidentId: incident.id, entryIds: [entryId] })).incident;
}
