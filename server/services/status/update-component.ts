import type { TComponent, TComponentPatch } from '../../../lib/api/status';
import type { TServiceContext } from '../../context';
import { AppError, isUniqueViolation } from '../../errors';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { nameTaken, assertProbe, componentInRoom } from './component-write';

/** Changes a component (lead+); `status: null` hands it back to its probe. */
export async function updateComponent(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  id: string;
  input: TComponentPatch;
}): Promise<TComponent> {
  const { ctx, input, id } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const existing = await ctx.prisma.statusComponent.findFirst({ where: { id, roomId: room.id } });
  if (!existing) throw new AppError('not_found', `no component ${id} in this room`);
  await assertProbe(ctx, room.id, input.probe);
  try {
    await ctx.prisma.statusComponent.update({
      where: { id },
      data: {
        name: input.name,
        description: input.description,
        group: input.group,
        order: input.order,
        probeName: input.probe,
        degradedAfterMs: input.degradedAfterMs,
        manualStatus: input.status,
      },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name ?? existing.name);
    throw err;
  }
  ctx.bus.emit('status.changed', { roomId: room.id });
  return componentInRoom(ctx, room.id, id);
}
