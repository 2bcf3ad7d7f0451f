import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { hashSecret } from '../access/secrets';
import { writePassword } from './set-user-password';
import { IDENTIFIER } from './password-link-store';

/** Redeems a password link: sets the password, and the link is spent. */
export async function redeemPasswordLink(opts: {
  ctx: TServiceContext;
  input: { token: string; password: string };
  now?: number;
}): Promise<{ email: string }> {
  const { ctx, input } = opts;
  const row = await ctx.prisma.verification.findFirst({
    where: { value: hashSecret(input.token), identifier: { startsWith: IDENTIFIER } },
  });
  const expired = !row || row.expiresAt.getTime() <= (opts.now ?? Date.now());
  if (expired)
    throw new AppError('not_found', 'this link is unknown, used or expired; ask an admin for a new one', [
      { field: 'token', message: 'unknown, used or expired' },
    ]);
  // Spend it first: of two submissions at once, only the one that deletes it sets the password.
  const spent = await ctx.prisma.verification.deleteMany({ where: { id: row.id } });
  if (spent.count === 0) throw new AppError('not_found', 'this link was just used', [{ field: 'token', message: 'already used' }]);
  const userId = row.identifier.slice(IDENTIFIER.length);
  const user = await ctx.prisma.user.findUnique({ where: { id: userId } });
  if (!user || user.disabled) throw new AppError('forbidden', 'this account is disabled');
  await writePassword({ ctx, userId, password: input.password });
  return { email: user.email };
}
