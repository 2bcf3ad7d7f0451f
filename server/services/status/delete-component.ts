import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';

/** Deletes a component (lead+); incidents that named it keep the rest. */
export async function deleteComponent(opts: { ctx: TServiceContext; actor: TActor; slug: string; id: string }): Promise<{ deleted: true }> {
  const { ctx, id } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const done = await ctx.prisma.statusComponent.deleteMany({ where: { id, roomId: room.id } });
  if (done.count === 0) throw new AppError('not_found', `no component ${id} in this room`);
  ctx.bus.emit('status.changed', { roomId: room.id });
  return { deleted: true };
}
