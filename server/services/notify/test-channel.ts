import { randomUUID } from 'node:crypto';
import type { TDelivery } from '../../../lib/api/notifications';
import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { notFound } from '../rooms/room-settings-dto';
import { roomFor } from '../rooms/room-for';
import { toDeliveryDto } from './channel-dto';
import { claimDeliveries, sendClaimed } from './deliver';
import { enqueueNotification } from './enqueue-notification';

/**
 * "Send test" (lead+): a test message written to the outbox like any other,
 * then sent by this request at once (claimed under the same lease rules, so
 * the worker cannot send it too), and answered with its outcome. Paused
 * channels are tested too: the test is how a lead checks one before resuming.
 */
export async function testChannel(opts: { ctx: TServiceContext; actor: TActor; slug: string; id: string }): Promise<TDelivery> {
  const { ctx, id } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const channel = await ctx.prisma.notifyChannel.findFirst({ where: { id, roomId: room.id } });
  if (!channel) throw notFound('channel', id);
  const owner = `test:${randomUUID()}`;
  const [deliveryId] = await ctx.prisma.$transaction((tx) =>
    enqueueNotification(tx, { roomId: room.id, channelId: id, event: 'channel.test', dedupKey: `test:${randomUUID()}`, facts: {} }),
  );
  if (!deliveryId) throw notFound('channel', id);
  const claimed = await claimDeliveries(ctx, id, [deliveryId], owner, new Date());
  if (claimed.length > 0) await sendClaimed(ctx, channel, claimed, owner);
  return toDeliveryDto(await ctx.prisma.delivery.findUniqueOrThrow({ where: { id: deliveryId } }));
}
