import type { TStatusIncident, TStatusIncidentInput } from '../../../lib/api/status';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { TX_OPTIONS } from '../incidents/incident-tx';
import { enqueueStatusPublished } from './enqueue-status-published';
import { assertComponents, loadIncidents } from './status-rows';

/**
 * Publishes a public incident (lead+). Only what the lead typed here becomes
 * public: the linked internal incident is checked to be in the room and kept
 * as an id, nothing of it is copied.
 */
export async function publishStatusIncident(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  input: TStatusIncidentInput;
}): Promise<TStatusIncident> {
  const { ctx, input } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  if (input.incidentId) {
    const found = await ctx.prisma.incident.findFirst({ where: { id: input.incidentId, roomId: room.id }, select: { id: true } });
    if (!found)
      throw new AppError('validation_failed', 'no such incident in this room', [
        { field: 'incidentId', message: 'no incident with this id in this room' },
      ]);
  }
  await assertComponents(ctx, room.id, input.components);
  const now = new Date();
  const row = await ctx.prisma.$transaction(async (tx) => {
    const created = await tx.statusIncident.create({
      data: {
        roomId: room.id,
        incidentId: input.incidentId ?? null,
        title: input.title,
        impact: input.impact,
        status: input.status,
        components: JSON.stringify(input.components),
        resolvedAt: input.status === 'resolved' ? now : null,
        updates: { create: { status: input.status, body: input.message, createdAt: now } },
      },
      include: { updates: true },
    });
    await enqueueStatusPublished(tx, {
      ctx,
      roomId: room.id,
      slug: room.slug,
      updateId: created.updates[0]!.id,
      title: input.title,
      status: input.status,
      message: input.message,
      components: input.components,
    });
    return created;
  }, TX_OPTIONS);
  ctx.bus.emit('status.changed', { roomId: room.id });
  const [dto] = await loadIncidents(ctx, room.id, { id: row.id });
  return dto!;
}
