import { getRuntime } from '../../../../server/context';
import { authOf } from '../../../../server/auth/auth-of';
import { signInWithLimits } from '../../../../server/auth/sign-in-with-limits';
import { signOut } from '../../../../server/auth/sign-out';

export const dynamic = 'force-dynamic';

/** Better Auth's endpoints (/api/auth/*) on the one runtime; email sign-in goes through the login limits first. */
export async function GET(req: Request): Promise<Response> {
  return authOf(getRuntime()).auth.handler(req);
}

export async function POST(req: Request): Promise<Response> {
  const rt = getRuntime();
  const path = new URL(req.url).pathname;
  if (path.endsWith('/sign-in/email')) return signInWithLimits(rt, req);
  if (path.endsWith('/sign-out')) return signOut(rt, req);
  return authOf(rt).auth.handler(req);
}
