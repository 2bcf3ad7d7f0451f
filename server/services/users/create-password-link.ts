import { randomBytes } from 'node:crypto';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { hashSecret } from '../access/secrets';
import { assertCan, type TActor } from '../access/actor';
import { findUser } from './find-user';
import { PASSWORD_LINK_TTL_MS, IDENTIFIER } from './password-link-store';

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
