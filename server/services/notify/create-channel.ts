import type { TChannel, TChannelInput } from '../../../lib/api/notifications';
import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { isUniqueViolation } from '../../errors';
import { roomFor } from '../rooms/room-for';
import { nameTaken, channelInRoom } from './channel-write';

/** Adds a channel (lead+); its secret is stored and never read back. */
export async function createChannel(opts: { ctx: TServiceContext; actor: TActor; slug: string; input: TChannelInput }): Promise<TChannel> {
  const { ctx, input } = opts;
  const room = await roomFor({ ...opts, permission: 'room:settings' });
  try {
    const row = await ctx.prisma.notifyChannel.create({
      data: {
        roomId: room.id,
        name: input.name,
        kind: input.kind,
        url: input.url ?? null,
        secret: input.secret ?? null,
        recipients: JSON.stringify(input.to ?? []),
        events: JSON.stringify([...new Set(input.events)]),
        minSeverity: input.minSeverity,
        language: input.language ?? null,
        paused: input.paused,
        ratePerMinute: input.ratePerMinute ?? null,
      },
    });
    return channelInRoom(ctx, room.id, row.id);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}
