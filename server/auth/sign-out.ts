import type { TRuntime } from '../context';
import { authOf } from './auth-of';
import { sessionCredentialId } from './session-channel';

/** Better Auth's sign-out, then the signed-out session's open sockets are closed. */
export async function signOut(rt: TRuntime, req: Request): Promise<Response> {
  const actor = rt.resolveSession ? await rt.resolveSession(req.headers).catch(() => null) : null;
  const res = await authOf(rt).auth.handler(req);
  if (res.ok && actor?.kind === 'user' && actor.sessionId)
    rt.bus.emit('access.revoked', { credentialId: sessionCredentialId(actor.sessionId) });
  return res;
}
