import type { TCredentialInfo } from '../../../lib/api/admin';
import type { TServiceContext } from '../../context';
import { assertCan, type TActor } from './actor';
import type { TCredentialKind } from './secrets';

export type { TCredentialInfo };

/** Credentials of one kind (or all), newest first, with last use; admin only. */
export async function listCredentials(opts: {
  ctx: TServiceContext;
  actor: TActor;
  input: { kind?: TCredentialKind; includeRevoked?: boolean };
}): Promise<TCredentialInfo[]> {
  const { ctx, actor, input } = opts;
  assertCan(actor, 'admin');
  const rows = await ctx.prisma.credential.findMany({
    where: { ...(input.kind ? { kind: input.kind } : {}), ...(input.includeRevoked ? {} : { revokedAt: null }) },
    include: { user: { select: { id: true, email: true, name: true } }, room: { select: { id: true, slug: true } } },
    orderBy: { createdAt: 'desc' },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as TCredentialKind,
    name: r.name,
    prefix: r.prefix,
    user: r.user,
    room: r.room,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}
