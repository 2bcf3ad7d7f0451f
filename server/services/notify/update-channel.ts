import type { TChannel, TChannelPatch } from '../../../lib/api/notifications';
import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { isUniqueViolation } from '../../errors';
import { notFound } from '../rooms/room-settings-dto';
import { roomFor } from '../rooms/room-for';
import { nameTaken, channelInRoom } from './channel-write';

/** Changes a channel (lead+); `secret: null` removes it, an absent secret keeps it. */
export async function updateChannel(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  id: string;
  input: TChannelPatch;
}): Promise<TChannel> {
  const { ctx, input, id } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  const existing = await ctx.prisma.notifyChannel.findFirst({ where: { id, roomId: room.id }, select: { id: true } });
  if (!existing) throw notFound('channel', id);
  try {
    await ctx.prisma.notifyChannel.update({
      where: { id },
      data: {
        name: input.name,
        url: input.url,
        secret: input.secret,
        recipients: input.to ? JSON.stringify(input.to) : undefined,
        events: input.events ? JSON.stringify([...new Set(input.events)]) : undefined,
        minSeverity: input.minSeverity,
        language: input.language,
        paused: input.paused,
        ratePerMinute: input.ratePerMinute,
      },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name ?? '');
    throw err;
  }
  return channelInRoom(ctx, room.id, id);
}
