import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { assertCan, type TActor } from './actor';
import type { TCredentialKind } from './secrets';

/**
 * Revokes a credential by id or by its printed prefix. Idempotent: revoking a
 * revoked credential keeps the first time. Emits access.revoked so open
 * sockets using it are closed.
 */
export async function revokeCredential(opts: {
  ctx: TServiceContext;
  actor: TActor;
  input: { idOrPrefix: string; kind?: TCredentialKind };
}): Promise<{ id: string; kind: TCredentialKind; revokedAt: string }> {
  const { ctx, actor, input } = opts;
  assertCan(actor, 'admin');
  const ref = input.idOrPrefix.trim();
  const matches = await ctx.prisma.credential.findMany({
    where: { OR: [{ id: ref }, ...(ref.length >= 11 ? [{ prefix: ref.slice(0, 11) }] : [])], ...(input.kind ? { kind: input.kind } : {}) },
    take: 2,
  });
  const what =
    input.kind === 'ingest' ? 'ingest key' : input.kind === 'display' ? 'display link' : input.kind === 'token' ? 'token' : 'credential';
  if (matches.length === 0) throw new AppError('not_found', `no ${what} ${ref}`);
  if (matches.length > 1) throw new AppError('conflict', `${ref} matches more than one ${what}; use its id`);
  const cred = matches[0]!;
  const row = cred.revokedAt ? cred : await ctx.prisma.credential.update({ where: { id: cred.id }, data: { revokedAt: new Date() } });
  ctx.bus.emit('access.revoked', { credentialId: row.id });
  return { id: row.id, kind: row.kind as TCredentialKind, revokedAt: row.revokedAt!.toISOString() };
}
