import type { TServiceContext } from '../../context';
import { AppError, isUniqueViolation } from '../../errors';
import { assertCan, type TActor } from '../access/actor';
import { PUSH_CHANNEL } from './push-channel';

/** A person, not a display link or an ingest key: subscriptions belong to someone. */
export function personOf(actor: TActor): string {
  assertCan(actor, 'room:read');
  if (actor.kind !== 'user') throw new AppError('forbidden', 'only a signed-in person can subscribe a device');
  return actor.userId;
}

/** The outbox's address for "this room's subscribed devices", made when a device first subscribes to the room. */
export async function ensurePushChannel(ctx: TServiceContext, roomId: string): Promise<void> {
  const where = { roomId_name: { roomId, name: PUSH_CHANNEL } };
  if (await ctx.prisma.notifyChannel.findUnique({ where, select: { id: true } })) return;
  try {
    await ctx.prisma.notifyChannel.create({ data: { roomId, name: PUSH_CHANNEL, kind: 'push', events: '[]', ratePerMinute: 600 } });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err; // a concurrent subscriber made it first
  }
}
