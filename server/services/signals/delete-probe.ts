import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';

/** Deletes a probe (lead+). An incident it opened stays for people to resolve. */
export async function deleteProbe(opts: { ctx: TServiceContext; actor: TActor; slug: string; id: string }): Promise<{ deleted: true }> {
  const { ctx, id } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const done = await ctx.prisma.probe.deleteMany({ where: { id, roomId: room.id } });
  if (done.count === 0) throw new AppError('not_found', `no probe ${id} in this room`);
  ctx.bus.emit('probe.changed', { roomId: room.id, probeId: id });
  return { deleted: true };
}
