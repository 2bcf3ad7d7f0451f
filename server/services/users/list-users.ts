import type { TUserInfo } from '../../../lib/api/admin';
import type { TRole } from '../access/actor';
import type { TServiceContext } from '../../context';
import { assertCan, type TActor } from '../access/actor';

export type { TUserInfo };

/** Everyone with an account, for admins. */
export async function listUsers(opts: { ctx: TServiceContext; actor: TActor }): Promise<TUserInfo[]> {
  const { ctx, actor } = opts;
  assertCan(actor, 'admin');
  const rows = await ctx.prisma.user.findMany({
    orderBy: { createdAt: 'asc' },
    include: { sessions: { select: { createdAt: true }, orderBy: { createdAt: 'desc' }, take: 1 } },
  });
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as TRole,
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
    lastSignInAt: u.sessions[0]?.createdAt.toISOString() ?? null,
  }));
}
