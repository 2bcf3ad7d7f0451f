import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { assertCan, type TActor } from '../access/actor';
import { findUser } from './find-user';

/** Writes a person's sign-in password (hashed by the auth library) and ends their other sessions. */
export async function writePassword(opts: { ctx: TServiceContext; userId: string; password: string }): Promise<void> {
  const { ctx, userId, password } = opts;
  if (!ctx.hashPassword) throw new AppError('unavailable', 'accounts are not set up in this process');
  const hash = await ctx.hashPassword(password);
  await ctx.prisma.$transaction(async (tx) => {
    const account = await tx.account.findFirst({ where: { userId, providerId: 'credential' }, select: { id: true } });
    if (account) await tx.account.update({ where: { id: account.id }, data: { password: hash } });
    else await tx.account.create({ data: { userId, accountId: userId, providerId: 'credential', password: hash } });
    // A new password ends every session signed in with the old one, and lifts a sign-in lockout (unlock-user.ts).
    await tx.session.deleteMany({ where: { userId } });
    await tx.user.update({ where: { id: userId }, data: { signInUnlockedAt: new Date() } });
  });
  ctx.bus.emit('access.revoked', { userId });
}

/** Sets a person's password (admin, or the CLI): `user set-password`. */
export async function setUserPassword(opts: {
  ctx: TServiceContext;
  actor: TActor;
  input: { idOrEmail: string; password: string };
}): Promise<{ id: string; email: string }> {
  const { ctx, actor, input } = opts;
  assertCan(actor, 'admin');
  const user = await findUser({ ctx, idOrEmail: input.idOrEmail });
  await writePassword({ ctx, userId: user.id, password: input.password });
  return { id: user.id, email: user.email };
}
