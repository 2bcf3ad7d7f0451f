import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { notFound } from '../rooms/room-settings-dto';
import { roomFor } from '../rooms/room-for';

/** Deletes a channel and its delivery log (lead+). */
export async function deleteChannel(opts: { ctx: TServiceContext; actor: TActor; slug: string; id: string }): Promise<{ deleted: true }> {
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const gone = await opts.ctx.prisma.notifyChannel.deleteMany({ where: { id: opts.id, roomId: room.id } });
  if (gone.count === 0) throw notFound('channel', opts.id);
  return { deleted: true };
}
