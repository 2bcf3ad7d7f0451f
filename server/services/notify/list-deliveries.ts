import type { TDelivery, TDeliveryState } from '../../../lib/api/notifications';
import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { toDeliveryDto } from './channel-dto';

/** The room's delivery log, newest first (lead+). */
export async function listDeliveries(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  query: { channel?: string; state?: TDeliveryState; limit: number };
}): Promise<TDelivery[]> {
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const { channel, state, limit } = opts.query;
  const rows = await opts.ctx.prisma.delivery.findMany({
    where: { roomId: room.id, ...(channel ? { channelId: channel } : {}), ...(state ? { state } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
  });
  return rows.map(toDeliveryDto);
}
