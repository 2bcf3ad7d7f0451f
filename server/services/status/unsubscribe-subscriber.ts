import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { publicRoom, SUBSCRIBER_CHANNEL } from './subscriber-mail';

/** Removes a subscription (one click from any message, no sign-in), with the mail it still had queued. */
export async function unsubscribeSubscriber(opts: { ctx: TServiceContext; slug: string; token: string }): Promise<{ lang: 'en' | 'zh' }> {
  const { ctx } = opts;
  const room = await publicRoom(ctx, opts.slug);
  const row = await ctx.prisma.statusSubscriber.findFirst({ where: { roomId: room.id, unsubToken: opts.token }, select: { id: true } });
  if (!row) throw new AppError('not_found', 'this unsubscribe link is unknown or was already used');
  await ctx.prisma.$transaction([
    ctx.prisma.delivery.deleteMany({
      where: {
        roomId: room.id,
        channel: { name: SUBSCRIBER_CHANNEL },
        dedupKey: { startsWith: `status.mail:${row.id}:` },
        state: { in: ['pending', 'retrying'] },
        leaseOwner: null,
      },
    }),
    ctx.prisma.statusSubscriber.delete({ where: { id: row.id } }),
  ]);
  return { lang: room.lang };
}
