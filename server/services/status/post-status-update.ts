import type { TStatusIncident, TStatusUpdateInput } from '../../../lib/api/status';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-settings-dto';
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
  await ctx.prisma.$transaction([
    ctx.prisma.statusIncidentUpdate.create({ data: { statusIncidentId: id, status: input.status, body: input.message, createdAt: now } }),
    ctx.prisma.statusIncident.update({
      where: { id },
      data: {
        status: input.status,
        ...(input.components ? { components: JSON.stringify(input.components) } : {}),
        resolvedAt: input.status === 'resolved' ? (existing.resolvedAt ?? now) : null,
      },
    }),
  ]);
  ctx.bus.emit('status.changed', { roomId: room.id });
  const [dto] = await loadIncidents(ctx, room.id, { id });
  return dto!;
}
