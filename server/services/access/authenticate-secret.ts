import type { TServiceContext } from '../../context';
import type { TActor, TRole } from './actor';
import { ROLES } from './actor';
import { hashSecret } from './secrets';

/** lastUsedAt is written at most this often per credential, to keep hot paths free of writes. */
const LAST_USED_RESOLUTION_MS = 60_000;
/** when this process last wrote lastUsedAt per credential: 10,000 walls sharing one display link reconnecting at once write it once, not 10,000 times */
const lastUsedWrites = new Map<string, number>();

/**
 * Resolves a bearer secret (personal token, ingest key or display link) to an
 * actor, or null when it is unknown, revoked, or its user is disabled.
 */
export async function authenticateSecret(opts: { ctx: TServiceContext; secret: string }): Promise<TActor | null> {
  const { ctx, secret } = opts;
  if (!secret || secret.length > 200) return null;
  const cred = await ctx.prisma.credential.findUnique({
    where: { hash: hashSecret(secret) },
    include: { user: true },
  });
  if (!cred || cred.revokedAt) return null;
  const now = Date.now();
  const written = Math.max(cred.lastUsedAt?.getTime() ?? 0, lastUsedWrites.get(cred.id) ?? 0);
  if (now - written > LAST_USED_RESOLUTION_MS) {
    if (lastUsedWrites.size > 10_000) lastUsedWrites.clear();
    lastUsedWrites.set(cred.id, now);
    // Not awaited on purpose: a failed bookkeeping write must not fail the request.
    ctx.prisma.credential.update({ where: { id: cred.id }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
  }
  switch (cred.kind) {
    case 'token': {
      const u = cred.user;
      if (!u || u.disabled) return null;
      const role = (ROLES as readonly string[]).includes(u.role) ? (u.role as TRole) : 'viewer';
      return { kind: 'user', userId: u.id, name: u.name, email: u.email, role, via: 'token', credentialId: cred.id };
    }
    case 'ingest':
      return { kind: 'ingest', credentialId: cred.id, roomId: cred.roomId, name: cred.name };
    case 'display':
      return cred.roomId ? { kind: 'display', credentialId: cred.id, roomId: cred.roomId } : null;
    default:
      return null;
  }
}
