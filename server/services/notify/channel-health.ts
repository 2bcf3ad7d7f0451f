import type { TChannelHealth, TChannelKind, TChannelProblem } from '../../../lib/api/notifications';
import type { TServiceContext } from '../../context';
import type { TActor } from '../access/actor';
import { roomFor } from '../rooms/room-for';
import { SUBSCRIBER_CHANNEL } from '../status/subscriber-mail';
import { channelHealthOf } from './channel-dto';

const DAY_MS = 24 * 60 * 60_000;

/**
 * The channels that cannot reach people now, per room id (rooms with none
 * are absent): only channels with a dead or retrying delivery of the last
 * day are looked at closer, so a healthy install costs one indexed read.
 * The status page's subscriber mail is not a channel of the room's people.
 */
export async function failingChannelsByRoom(ctx: TServiceContext, roomId?: string): Promise<Map<string, TChannelProblem[]>> {
  const suspects = await ctx.prisma.delivery.findMany({
    where: {
      state: { in: ['dead', 'retrying'] },
      updatedAt: { gte: new Date(Date.now() - DAY_MS) },
      ...(roomId ? { roomId } : {}),
      channel: { paused: false, name: { not: SUBSCRIBER_CHANNEL } },
    },
    distinct: ['channelId'],
    select: { channel: { select: { id: true, roomId: true, name: true, kind: true, createdAt: true } } },
  });
  const channels = suspects.map((s) => s.channel).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const out = new Map<string, TChannelProblem[]>();
  for (const c of channels) {
    const h = await channelHealthOf(ctx, c.id, false);
    if (!h.failingSince) continue;
    const list = out.get(c.roomId) ?? [];
    list.push({ id: c.id, name: c.name, kind: c.kind as TChannelKind, failingSince: h.failingSince.toISOString(), lastError: h.lastError });
    out.set(c.roomId, list);
  }
  return out;
}

/** The room's failing channels, for every screen of the room (viewer+, display link). */
export async function getChannelHealth(opts: { ctx: TServiceContext; actor: TActor; slug: string }): Promise<TChannelHealth> {
  const room = await roomFor({ ...opts, permission: 'room:read' });
  const failing = (await failingChannelsByRoom(opts.ctx, room.id)).get(room.id) ?? [];
  return { failing, serverTime: Date.now() };
}
