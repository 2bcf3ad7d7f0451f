import type { TServiceContext } from '../../context';
import { ANONYMOUS, type TActor } from './actor';
import { authenticateSecret } from './authenticate-secret';

/**
 * Who is calling, from a request's headers (Authorization: Bearer …, or the
 * session cookie) or a socket handshake's `auth.token`. A bearer that is
 * present but invalid is anonymous: it does not fall back to the cookie.
 */
export async function authenticateRequest(opts: { ctx: TServiceContext; headers: Headers; token?: string | null }): Promise<TActor> {
  const { ctx, headers } = opts;
  const auth = headers.get('authorization');
  const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? opts.token ?? null;
  if (bearer) return (await authenticateSecret({ ctx, secret: bearer })) ?? ANONYMOUS;
  if (ctx.resolveSession && headers.get('cookie')) return (await ctx.resolveSession(headers)) ?? ANONYMOUS;
  return ANONYMOUS;
}
