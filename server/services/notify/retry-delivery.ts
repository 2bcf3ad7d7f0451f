import type { TDelivery } from '../../../lib/api/notifications';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TActor } from '../access/actor';
import { notFound } from '../rooms/room-settings-dto';
import { roomFor } from '../rooms/room-for';
import { toDeliveryDto } from './channel-dto';

/** A dead delivery goes back to pending with a fresh deadline (lead+); anything else is a conflict. */
export async function retryDelivery(opts: { ctx: TServiceContext; actor: TActor; slug: string; id: string }): Promise<TDelivery> {
  const { ctx, id } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const row = await ctx.prisma.delivery.findFirst({ where: { id, roomId: room.id } });
  if (!row) throw notFound('delivery', id);
  const now = new Date();
  const done = await ctx.prisma.delivery.updateMany({
    where: { id, state: 'dead' },
    data: { state: 'pending', nextAttemptAt: now, deadline: new Date(now.getTime() + (row.deadline.getTime() - row.createdAt.getTime())) },
  });
  if (done.count === 0) throw new AppError('conflict', `delivery ${id} is ${row.state}, not dead`);
  return toDeliveryDto(await ctx.prisma.delivery.findUniqueOrThrow({ where: { id } }));
}
