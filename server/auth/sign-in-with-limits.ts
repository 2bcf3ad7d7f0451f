import type { TRuntime } from '../context';
import { CLIENT_IP_HEADER } from './constants';
import { authOf } from './auth-of';

function jsonError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ code, message, error: { code, message } }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

function minutes(seconds: number): string {
  const m = Math.ceil(seconds / 60);
  return m <= 1 ? 'a minute' : `${m} minutes`;
}

/**
 * Email + password sign-in through Better Auth, with failed attempts counted
 * per account and per address (429 with a message people can act on), and
 * disabled accounts refused even with the right password.
 */
export async function signInWithLimits(rt: TRuntime, req: Request): Promise<Response> {
  const { auth, limiter } = authOf(rt);
  const body = (await req
    .clone()
    .json()
    .catch(() => null)) as { email?: unknown } | null;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
  const address = req.headers.get(CLIENT_IP_HEADER) ?? 'unknown';
  const blocked = email ? await limiter.check(email, address) : null;
  if (blocked) {
    const who = blocked.scope === 'account' ? 'this account' : 'your network address';
    return jsonError(429, 'rate_limited', `Too many failed sign-ins for ${who}. Try again in ${minutes(blocked.retryAfterSeconds)}.`, {
      'retry-after': String(blocked.retryAfterSeconds),
    });
  }

  const res = await auth.handler(req);
  if (res.status === 401 && email) {
    await limiter.fail(email, address);
    return res;
  }
  if (res.status !== 200) return res;

  const data = (await res
    .clone()
    .json()
    .catch(() => null)) as { token?: string; user?: { id?: string } } | null;
  const user = data?.user?.id ? await rt.prisma.user.findUnique({ where: { id: data.user.id } }) : null;
  if (!user || user.disabled) {
    // Right password, but the account is switched off: undo the session the library just made.
    if (data?.token) await rt.prisma.session.deleteMany({ where: { token: data.token } });
    return jsonError(403, 'account_disabled', 'This account is disabled. Ask an admin to enable it.');
  }
  await limiter.succeed(email);
  return res;
}
