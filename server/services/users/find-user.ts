import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';

/** A person by id or email (case-insensitive); 404 naming what was asked for. */
export async function findUser(opts: { ctx: TServiceContext; idOrEmail: string }) {
  const ref = opts.idOrEmail.trim();
  const user = await opts.ctx.prisma.user.findFirst({ where: { OR: [{ id: ref }, { email: ref.toLowerCase() }] } });
  if (!user) throw new AppError('not_found', `no user ${ref}`, [{ field: 'email', message: 'no such user' }]);
  return user;
}
