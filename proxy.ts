import { NextResponse, type NextRequest } from 'next/server';
import { getRuntime } from './server/context';

/**
 * Page protection (Next 16's proxy, formerly middleware). Signed-out visits to
 * console pages go to /login?next=… (/setup and /welcome are public: a new
 * install's first admin, one-time password links). The wall is left to its page, which
 * accepts a display link (?key=) or a session; /api answers 401 itself.
 * Authorization proper happens in every API route and socket handler — this
 * only keeps people from landing on a screen that cannot load.
 */
export async function proxy(req: NextRequest) {
  // A display link opens the printable report as it opens the wall (the CLI prints the PDF this way).
  if (/^\/rooms\/[^/]+\/report$/.test(req.nextUrl.pathname) && req.nextUrl.searchParams.has('key')) return NextResponse.next();
  const session = await hasSession(req);
  if (session) return NextResponse.next();
  const url = req.nextUrl.clone();
  const next = req.nextUrl.pathname + req.nextUrl.search;
  url.pathname = '/login';
  url.search = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
  return NextResponse.redirect(url);
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
  // Everything but the public pages, the API, Next's assets and files with an extension.
  matcher: ['/((?!login|setup|welcome|wall|api|socket\\.io|_next|favicon\\.ico|.*\\.[a-zA-Z0-9]+$).*)'],
};
