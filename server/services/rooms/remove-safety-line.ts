import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { notFound } from './room-settings-dto';
import { roomFor } from './room-for';

/** Deletes one of the room's safety lines (lead+). */
export async function removeSafetyLine(opts: { ctx: TServiceContext; actor: TActor; slug: string; id: string }): Promise<void> {
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const { count } = await opts.ctx.prisma.safetyLine.deleteMany({ where: { id: opts.id, roomId: room.id } });
  if (count === 0) throw notFound('safety line', opts.id);
  opts.ctx.bus.emit('room.changed', { roomId: room.id });
}
