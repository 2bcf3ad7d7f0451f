import type { TPushSubscription, TPushSubscriptionInput } from '../../../lib/api/push';
import type { TSeverity } from '../../../lib/incidents';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TActor } from '../access/actor';
import { personOf, ensurePushChannel } from './push-subscription-write';

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
