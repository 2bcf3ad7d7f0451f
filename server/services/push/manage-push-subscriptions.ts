import type { TPushSubscription, TPushSubscriptionInput } from '../../../lib/api/push';
import type { TSeverity } from '../../../lib/incidents';
import type { TServiceContext } from '../../context';
import { AppError, isUniqueViolation } from '../../errors';
import { assertCan, type TActor } from '../access/actor';
import { PUSH_CHANNEL } from './push-channel';
import { vapidKeys } from './vapid-keys';

/** A person, not a display link or an ingest key: subscriptions belong to someone. */
function personOf(actor: TActor): string {
  assertCan(actor, 'room:read');
  if (actor.kind !== 'user') throw new AppError('forbidden', 'only a signed-in person can subscribe a device');
  return actor.userId;
}

/** The VAPID public key browsers subscribe with (viewer+). */
export function vapidPublicKey(opts: { actor: TActor }): { publicKey: string } {
  personOf(opts.actor);
  return { publicKey: vapidKeys().publicKey };
}

/** The outbox's address for "this room's subscribed devices", made when a device first subscribes to the room. */
async function ensurePushChannel(ctx: TServiceContext, roomId: string): Promise<void> {
  const where = { roomId_name: { roomId, name: PUSH_CHANNEL } };
  if (await ctx.prisma.notifyChannel.findUnique({ where, select: { id: true } })) return;
  try {
    await ctx.prisma.notifyChannel.create({ data: { roomId, name: PUSH_CHANNEL, kind: 'push', events: '[]', ratePerMinute: 600 } });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err; // a concurrent subscriber made it first
  }
}

/**
 * Saves the caller's browser subscription with the rooms it hears and the
 * least severity that buzzes it. The same endpoint again (the browser keeps
 * one per site) replaces the earlier row, whoever made it: the device is now
 * this person's.
 */
export async function savePushSubscription(opts: {
  ctx: TServiceContext;
  actor: TActor;
  input: TPushSubscriptionInput;
}): Promise<TPushSubscription> {
  const { ctx, input } = opts;
  const userId = personOf(opts.actor);
  const rooms = input.rooms
    ? await ctx.prisma.room.findMany({ where: { slug: { in: [...new Set(input.rooms)] } }, select: { id: true, slug: true, locale: true } })
    : await ctx.prisma.room.findMany({ select: { id: true, slug: true, locale: true } });
  const missing = (input.rooms ?? []).filter((s) => !rooms.some((r) => r.slug === s));
  if (missing.length)
    throw new AppError('validation_failed', `no room "${missing[0]}"`, [{ field: 'rooms', message: `no room "${missing[0]}"` }]);
  for (const r of rooms) await ensurePushChannel(ctx, r.id);
  const data = {
    userId,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    rooms: JSON.stringify(rooms.map((r) => r.id)),
    minSeverity: input.minSeverity,
    language: input.language ?? (rooms[0]?.locale === 'zh' ? 'zh' : 'en'),
  };
  const row = await ctx.prisma.pushSubscription.upsert({
    where: { endpoint: input.endpoint },
    create: { endpoint: input.endpoint, ...data },
    update: data,
  });
  return {
    id: row.id,
    rooms: rooms.map((r) => r.slug),
    minSeverity: row.minSeverity as TSeverity,
    language: row.language as 'en' | 'zh',
    createdAt: row.createdAt.toISOString(),
  };
}

/** Removes one of the caller's subscriptions ("turn off on this device"); someone else's reads as absent. */
export async function removePushSubscription(opts: { ctx: TServiceContext; actor: TActor; id: string }): Promise<{ deleted: true }> {
  const userId = personOf(opts.actor);
  const gone = await opts.ctx.prisma.pushSubscription.deleteMany({ where: { id: opts.id, userId } });
  if (gone.count === 0)
    throw new AppError('not_found', `no push subscription "${opts.id}"`, [
      { field: 'id', message: 'no subscription of yours with this id' },
    ]);
  return { deleted: true };
}
