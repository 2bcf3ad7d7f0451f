import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { newSecret, hashSecret, type TCredentialKind } from './secrets';

export interface TCreatedCredential {
  id: string;
  kind: TCredentialKind;
  /** shown once; only its hash is kept */
  secret: string;
  prefix: string;
  roomId: string | null;
  userId: string | null;
}

/** Creates a personal token, ingest key or display link and returns its secret once. */
export async function createCredential(opts: {
  ctx: TServiceContext;
  kind: TCredentialKind;
  name?: string;
  userId?: string;
  roomId?: string | null;
  createdById?: string | null;
}): Promise<TCreatedCredential> {
  const { ctx, kind } = opts;
  if (kind === 'token' && !opts.userId)
    throw new AppError('validation_failed', 'a personal token needs a user', [{ field: 'userId', message: 'required' }]);
  if (kind === 'display' && !opts.roomId)
    throw new AppError('validation_failed', 'a display link needs a room', [{ field: 'roomId', message: 'required' }]);
  const secret = newSecret(kind);
  const row = await ctx.prisma.credential.create({
    data: {
      kind,
      name: opts.name ?? '',
      hash: hashSecret(secret),
      prefix: secret.slice(0, 11),
      userId: kind === 'token' ? opts.userId! : null,
      roomId: kind === 'token' ? null : (opts.roomId ?? null),
      createdById: opts.createdById ?? null,
    },
  });
  return { id: row.id, kind, secret, prefix: row.prefix, roomId: row.roomId, userId: row.userId };
}
