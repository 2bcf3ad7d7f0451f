import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { hashToken, publicRoom } from './subscriber-mail';

/** Confirms a subscription (anyone holding the mail's link); the token works once. */
export async function confirmSubscriber(opts: { ctx: TServiceContext; slug: string; token: string }): Promise<{ lang: 'en' | 'zh' }> {
  const { ctx } = opts;
  const room = await publicRoom(ctx, opts.slug);
  // One conditional write: two clicks racing confirm once, the second finds no token.
  const done = await ctx.prisma.statusSubscriber.updateMany({
    where: { roomId: room.id, confirmHash: hashToken(opts.token) },
    data: { confirmHash: null, confirmedAt: new Date() },
  });
  if (done.count === 0) throw new AppError('not_found', 'this confirmation link is unknown or was already used');
  return { lang: room.lang };
}
