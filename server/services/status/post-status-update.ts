import type { TStatusIncident, TStatusUpdateInput } from '../../../lib/api/status';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { TX_OPTIONS } from '../incidents/incident-tx';
import { enqueueStatusPublished } from './enqueue-status-published';
import { assertComponents, loadIncidents } from './status-rows';

/** Posts a public update (lead+): the incident takes its status, and its components when named. */
export async function postStatusUpdate(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  id: string;
  input: TStatusUpdateInput;
}): Promise<TStatusIncident> {
  const { ctx, input, id } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const existing = await ctx.prisma.statusIncident.findFirst({ where: { id, roomId: room.id } });
  if (!existing) throw new AppError('not_found', `no public incident ${id} in this room`);
  if (input.components) await assertComponents(ctx, room.id, input.components);
  const now = new Date();
  await ctx.prisma.$transaction(async (tx) => {
    const update = await tx.statusIncidentUpdate.create({
      data: { statusIncidentId: id, status: input.status, body: input.message, createdAt: now },
    });
    await tx.statusIncident.update({
      where: { id },
      data: {
        status: input.status,
        ...(input.components ? { components: JSON.stringify(input.components) } : {}),
        resolvedAt: input.status === 'resolved' ? (existing.resolvedAt ?? now) : null,
      },
    });
    await enqueueStatusPublished(tx, {
      ctx,
      roomId: room.id,
      slug: room.slug,
      updateId: update.id,
      title: existing.title,
      status: input.status,
      message: input.message,
      components: input.components ?? (JSON.parse(existing.components) as string[]),
    });
  }, TX_OPTIONS);
  ctx.bus.emit('status.changed', { roomId: room.id });
  const [dto] = await loadIncidents(ctx, room.id, { id });
  return dto!;
}
