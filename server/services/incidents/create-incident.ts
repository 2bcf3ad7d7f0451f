import type { TServiceContext } from '../../context';
import type { TCreateIncident, TIncidentDto } from '../../../lib/schemas/incidents';
import { assertCan, authorOf, type TActor } from '../access/actor';
import { resolveRoom } from '../rooms/resolve-room';
import { loadIncidentDto } from './incident-dto';
import { appendEntry, TX_OPTIONS } from './incident-tx';
import { commitIdempotentAnswer } from '../idempotency/commit-answer';

/** Opens an incident with the room's next number and a "created" entry, in one transaction. */
export async function createIncident(opts: {
  ctx: TServiceContext;
  actor: TActor;
  input: TCreateIncident;
  /** automatic incidents (probe, alert, threshold) say where they came from */
  source?: { source: string; sourceKey?: string };
}): Promise<TIncidentDto> {
  const { ctx, actor, input } = opts;
  const room = await resolveRoom({ ctx, slug: input.room });
  if (!opts.source) assertCan(actor, 'incident:write', room.id);
  const { incident, entryId } = await ctx.prisma.$transaction(async (tx) => {
    // The increment locks the room row: numbers are dense and never handed out twice.
    const r = await tx.room.update({ where: { id: room.id }, data: { incidentSeq: { increment: 1 } }, select: { incidentSeq: true } });
    const incident = await tx.incident.create({
      data: {
        roomId: room.id,
        number: r.incidentSeq,
        title: input.title,
        summary: input.summary || null,
        severity: input.severity,
        source: opts.source?.source ?? 'manual',
        sourceKey: opts.source?.sourceKey ?? null,
        createdById: authorOf(actor).id,
      },
    });
    const entryId = await appendEntry(tx, incident, actor, {
      kind: opts.source ? 'auto' : 'created',
      body: input.summary || null,
      data: { title: input.title, severity: input.severity },
    });
    // A keyed request's answer commits with its effect (no-op without an Idempotency-Key).
    await commitIdempotentAnswer(tx, { incidentId: incident.id, result: entryId });
    return { incident, entryId };
  }, TX_OPTIONS);
  ctx.bus.emit('incident.changed', { roomId: room.id, incidentId: incident.id, entryIds: [entryId] });
  return loadIncidentDto(ctx.prisma, incident.id);
}
