import { needsSetup } from './needs-setup';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { createUser } from './create-user';

/**
 * The first person to open /setup on a new install becomes its admin. Once
 * anyone exists this refuses (409), so the page cannot be used to take over.
 */
export async function createFirstAdmin(opts: {
  ctx: TServiceContext;
  input: { email: string; name: string; password: string };
}): Promise<{ id: string; email: string; role: string }> {
  const { ctx, input } = opts;
  if (!(await needsSetup({ ctx }))) throw new AppError('conflict', 'Warroom is already set up; sign in, or ask an admin for an account');
  const user = await createUser({ ctx, input: { ...input, role: 'admin' } });
  // Two visitors at the same moment: both pass the check, and the one who lost the race is removed again.
  const first = await ctx.prisma.user.findFirst({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } });
  if (first?.id !== user.id) {
    await ctx.prisma.user.delete({ where: { id: user.id } });
    throw new AppError('conflict', 'someone else set Warroom up a moment ago; sign in, or ask them for an account');
  }
  return { id: user.id, email: user.email, role: user.role };
}
