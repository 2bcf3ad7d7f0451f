import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { assertCan, type TActor } from '../access/actor';

/**
 * Disables (or re-enables) a person by id or email. Disabling deletes their
 * sessions and emits access.revoked, so their open sockets close; their
 * personal tokens stop working because authentication checks `disabled`.
 */
export async function setUserDisabled(opts: {
  ctx: TServiceContext;
  actor: TActor;
  input: { idOrEmail: string; disabled: boolean };
}): Promise<{ id: string; email: string; disabled: boolean }> {
  const { ctx, actor, input } = opts;
  assertCan(actor, 'admin');
  const ref = input.idOrEmail.trim();
  const user = await ctx.prisma.user.findFirst({ where: { OR: [{ id: ref }, { email: ref.toLowerCase() }] } });
  if (!user) throw new AppError('not_found', `no user ${ref}`);
  if (input.disabled && actor.kind === 'user' && actor.userId === user.id) throw new AppError('conflict', 'you cannot disable yourself');
  const updated = await ctx.prisma.$transaction(async (tx) => {
    const u = await tx.user.update({ where: { id: user.id }, data: { disabled: input.disabled } });
    if (input.disabled) await tx.session.deleteMany({ where: { userId: user.id } });
    return u;
  });
  if (input.disabled) ctx.bus.emit('access.revoked', { userId: user.id });
  return { id: updated.id, email: updated.email, disabled: updated.disabled };
}
