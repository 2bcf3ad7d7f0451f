import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TNewCredential } from '../../../lib/api/credentials';
import { roomFor } from '../rooms/room-for';
import { assertCan, type TActor } from './actor';
import { createCredential, type TCreatedCredential } from './create-credential';

/** An admin (or the CLI) issues a personal token (for a user by email), an ingest key or a display link; the secret is returned once. */
export async function issueCredential(opts: {
  ctx: TServiceContext;
  actor: TActor;
  input: TNewCredential;
}): Promise<TCreatedCredential & { url?: string }> {
  const { ctx, actor, input } = opts;
  assertCan(actor, 'admin');
  const createdById = actor.kind === 'user' ? actor.userId : null;
  if (input.kind === 'token') {
    const user = await ctx.prisma.user.findUnique({ where: { email: input.email!.toLowerCase() } });
    if (!user) throw new AppError('not_found', `no user with email ${input.email}`, [{ field: 'email', message: 'no such user' }]);
    if (user.disabled) throw new AppError('conflict', `user ${input.email} is disabled`, [{ field: 'email', message: 'user is disabled' }]);
    return createCredential({ ctx, kind: 'token', userId: user.id, name: input.name, createdById });
  }
  if (input.kind === 'ingest') {
    const room = input.room ? await roomFor({ ctx, actor, slug: input.room, permission: 'room:read' }) : null;
    return createCredential({ ctx, kind: 'ingest', roomId: room?.id ?? null, name: input.name, createdById });
  }
  const room = await roomFor({ ctx, actor, slug: input.room, permission: 'room:read' });
  const c = await createCredential({ ctx, kind: 'display', roomId: room.id, name: input.name, createdById });
  return { ...c, url: `${ctx.config.publicUrl}/wall/${room.slug}?key=${encodeURIComponent(c.secret)}` };
}
