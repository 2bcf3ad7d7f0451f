import type { TServiceContext } from '../../context';
import { hashSecret } from '../access/secrets';
import { IDENTIFIER } from './password-link-store';

/** Whose account a password link is for (null: unknown, used or expired), without spending it: the welcome page names them. */
export async function peekPasswordLink(opts: {
  ctx: TServiceContext;
  token: string;
  now?: number;
}): Promise<{ email: string; name: string } | null> {
  const { ctx } = opts;
  const row = await ctx.prisma.verification.findFirst({
    where: { value: hashSecret(opts.token), identifier: { startsWith: IDENTIFIER } },
  });
  if (!row || row.expiresAt.getTime() <= (opts.now ?? Date.now())) return null;
  const user = await ctx.prisma.user.findUnique({ where: { id: row.identifier.slice(IDENTIFIER.length) } });
  return user && !user.disabled ? { email: user.email, name: user.name } : null;
}
