import { NextResponse, type NextRequest } from 'next/server';
import { getRuntime } from './server/context';
import { contentSecurityPolicy, newNonce } from './server/http/csp';

/**
 * Pages anyone may open: sign-in, /setup and /welcome (a new install's first
 * admin, one-time password links), the wall (a display link or a
 * session, checked by the page) and the public status pages.
 */
const PUBLIC_PAGES = /^\/(login|setup|welcome|wall|status)(\/|$)/;

/**
 * Every page view (Next 16's proxy, formerly middleware):
 * 1. A nonce-based Content-Security-Policy (server/http/csp.ts). The policy
 *    goes on the request too: Next reads the nonce from it and stamps its own
 *    scripts, which is why every page renders per request (app/layout.tsx).
 * 2. Page protection: signed-out visits to console pages go to /login?next=….
 *    Authorization proper happens in every API route and socket handler —
 *    this only keeps people from landing on a screen that cannot load.
 */
export async function proxy(req: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  // A display link opens the printable report as it opens the wall (the CLI prints the PDF this way).
  const reportByKey = /^\/rooms\/[^/]+\/report$/.test(req.nextUrl.pathname) && req.nextUrl.searchParams.has('key');
  if (!reportByKey && !PUBLIC_PAGES.test(req.nextUrl.pathname) && !(await hasSession(req))) {
    const url = req.nextUrl.clone();
    const next = req.nextUrl.pathname + req.nextUrl.search;
    url.pathname = '/login';
    url.search = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
    return NextResponse.redirect(url);
  }
  const headers = new Headers(req.headers);
  headers.set('x-nonce', nonce);
  // The root layout's <html lang>: a wall speaks its room's language, so it needs the path.
  headers.set('x-warroom-path', req.nextUrl.pathname);
  headers.set('content-security-policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('content-security-policy', csp);
  return res;
}

async function hasSession(req: NextRequest): Promise<boolean> {
  if (!req.cookies.getAll().some((c) => c.name.includes('warroom.session_token'))) return false;
  try {
    // The custom server and Next share the process: check the session for real.
    const rt = getRuntime();
    return rt.resolveSession ? (await rt.resolveSession(req.headers)) !== null : false;
  } catch {
    // Runtime not reachable from here: let the page load; its data calls check the session.
    return true;
  }
}

export const config = {
  // Every page: not the API, the socket, Next's assets, or files with an extension.
  matcher: ['/((?!api|socket\\.io|_next|favicon\\.ico|.*\\.[a-zA-Z0-9]+$).*)'],
};
