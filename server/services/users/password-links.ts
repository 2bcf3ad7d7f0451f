import { randomBytes } from 'node:crypto';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { hashSecret } from '../access/secrets';
import { assertCan, type TActor } from '../access/actor';
import { findUser } from './find-user';
import { writePassword } from './set-user-password';

/** A link to choose a password is good for this long, and once. */
export const PASSWORD_LINK_TTL_MS = 24 * 60 * 60_000;
const IDENTIFIER = 'password-link:';

/**
 * A one-time link with which a person chooses their own password: for people
 * added without one, and for resets. Only the token's hash is stored; a new
 * link replaces any earlier one for the same person.
 */
export async function createPasswordLink(opts: {
  ctx: TServiceContext;
  actor: TActor;
  input: { idOrEmail: string };
  now?: number;
}): Promise<{ url: string; email: string; expiresAt: string }> {
  const { ctx, actor } = opts;
  assertCan(actor, 'admin');
  const user = await findUser({ ctx, idOrEmail: opts.input.idOrEmail });
  if (user.disabled) throw new AppError('conflict', `${user.email} is disabled; enable them first`);
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date((opts.now ?? Date.now()) + PASSWORD_LINK_TTL_MS);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.verification.deleteMany({ where: { identifier: IDENTIFIER + user.id } });
    await tx.verification.create({ data: { identifier: IDENTIFIER + user.id, value: hashSecret(token), expiresAt } });
  });
  return { url: `${ctx.config.publicUrl}/welcome?token=${token}`, email: user.email, expiresAt: expiresAt.toISOString() };
}

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
