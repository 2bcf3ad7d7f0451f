import type { TServiceContext } from '../../context';
import { assertCan, type TActor } from '../access/actor';
import { findUser } from './find-user';

/**
 * Lets a locked-out person try again (admin, `user unlock`, the /admin
 * page's Unlock): the account's count of failed sign-ins is cleared at its
 * next sign-in check, on whichever process holds it (memory or Redis). The
 * per-address limit stays: unlocking one person must not reset a spray.
 */
export async function unlockUser(opts: {
  ctx: TServiceContext;
  actor: TActor;
  input: { idOrEmail: string };
}): Promise<{ id: string; email: string }> {
  const { ctx, actor, input } = opts;
  assertCan(actor, 'admin');
  const user = await findUser({ ctx, idOrEmail: input.idOrEmail });
  await ctx.prisma.user.update({ where: { id: user.id }, data: { signInUnlockedAt: new Date() } });
  return { id: user.id, email: user.email };
}
