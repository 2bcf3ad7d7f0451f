import type { TServiceContext } from '../context';
import { sessionCredentialId } from './session-channel';

/**
 * Revocations made by another process (the CLI, or a second server) reach
 * this one through the database: every few seconds, credentials revoked and
 * users disabled since the last look are announced on this process's bus,
 * and realtime closes their sockets. Sessions that expire do the same, so a
 * socket opened with a cookie lives no longer than its session. Same-process revocations are announced
 * at once by the services; announcing twice is harmless.
 */
export function watchRevocations(ctx: TServiceContext, everyMs = 2000): () => void {
  // Overlap the windows by a second so a row committed during a query is not skipped.
  let since = new Date(Date.now() - 1000);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    const now = new Date();
    try {
      const [creds, users, sessions] = await Promise.all([
        ctx.prisma.credential.findMany({ where: { revokedAt: { gte: since } }, select: { id: true } }),
        ctx.prisma.user.findMany({ where: { disabled: true, updatedAt: { gte: since } }, select: { id: true } }),
        // Sessions that ran out since the last look, or were cut short (expiresAt moved into the past).
        ctx.prisma.session.findMany({
          where: { OR: [{ expiresAt: { gte: since, lte: now } }, { expiresAt: { lte: now }, updatedAt: { gte: since } }] },
          select: { id: true },
        }),
      ]);
      for (const c of creds) ctx.bus.emit('access.revoked', { credentialId: c.id });
      for (const u of users) ctx.bus.emit('access.revoked', { userId: u.id });
      for (const s of sessions) ctx.bus.emit('access.revoked', { credentialId: sessionCredentialId(s.id) });
      since = new Date(now.getTime() - 1000);
    } catch (err) {
      console.error('revocation watch failed:', err instanceof Error ? err.message : err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
