import type { TRole } from '../../../lib/roles';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { assertCan, type TActor } from '../access/actor';
import { findUser } from './find-user';

/**
 * Changes a person's role (admin). The next request and the next socket
 * command see it: roles are re-read from the User row every time. The last
 * active admin cannot be demoted, so the install always has someone who can.
 */
export async function setUserRole(opts: {
  ctx: TServiceContext;
  actor: TActor;
  input: { idOrEmail: string; role: TRole };
}): Promise<{ id: string; email: string; role: TRole }> {
  const { ctx, actor, input } = opts;
  assertCan(actor, 'admin');
  const user = await findUser({ ctx, idOrEmail: input.idOrEmail });
  const updated = await ctx.prisma.$transaction(async (tx) => {
    if (user.role === 'admin' && input.role !== 'admin') {
      const admins = await tx.user.count({ where: { role: 'admin', disabled: false } });
      if (admins <= 1)
        throw new AppError('conflict', `${user.email} is the last admin; make someone else admin first`, [
          { field: 'role', message: 'the last admin keeps the role' },
        ]);
    }
    return tx.user.update({ where: { id: user.id }, data: { role: input.role } });
  });
  return { id: updated.id, email: updated.email, role: updated.role as TRole };
}
