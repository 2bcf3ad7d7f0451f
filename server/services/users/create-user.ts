import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TNewUser } from '../../../lib/api/users';

/**
 * Adds a person. When the auth module is loaded it stores the password
 * through the auth library (its hashing); without a password the person can
 * still act through personal tokens.
 */
export async function createUser(opts: { ctx: TServiceContext; input: TNewUser }) {
  const { ctx, input } = opts;
  const exists = await ctx.prisma.user.findUnique({ where: { email: input.email } });
  if (exists) throw new AppError('conflict', `a user with email ${input.email} exists`, [{ field: 'email', message: 'already taken' }]);
  if (input.password && ctx.setPassword) {
    return ctx.setPassword({ email: input.email, name: input.name, role: input.role, password: input.password });
  }
  return ctx.prisma.user.create({ data: { email: input.email, name: input.name, role: input.role } });
}
