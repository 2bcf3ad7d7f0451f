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
 * Whether an admin unlocked this account (or its password was reset) since it
 * was locked: the mark is used once, so later failures count again.
 */
async function takeUnlock(rt: TRuntime, email: string): Promise<boolean> {
  const taken = await rt.prisma.user.updateMany({ where: { email, signInUnlockedAt: { not: null } }, data: { signInUnlockedAt: null } });
  return taken.count > 0;
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
  let blocked = email ? await limiter.check(email, address) : null;
  if (blocked?.scope === 'account' && (await takeUnlock(rt, email))) {
    await limiter.succeed(email);
    blocked = await limiter.check(email, address);
  }
  if (blocked) {
    const message =
      blocked.scope === 'account'
        ? `Too many failed sign-ins for this account. Try again in ${minutes(blocked.retryAfterSeconds)}, or ask an admin to unlock it (Unlock on the Admin page).`
        : `Too many failed sign-ins from your network address. Try again in ${minutes(blocked.retryAfterSeconds)}.`;
    return jsonError(429, 'rate_limited', message, { 'retry-after': String(blocked.retryAfterSeconds) });
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
