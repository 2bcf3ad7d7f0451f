import { AppError } from '../errors';
import type { TActor } from '../services/access/actor';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether the browser says a request comes from this site: an Origin equal to
 * the Host it was sent to (or to the configured public URL, for a reverse
 * proxy that rewrites Host), or, without an Origin, Sec-Fetch-Site: same-origin.
 * `allowNoOrigin` lets a request that names no origin at all through (see
 * assertSameOriginSocket for why a socket may).
 */
function isSameOrigin(headers: Headers, publicUrl?: string, allowNoOrigin = false): boolean {
  const origin = headers.get('origin');
  const host = headers.get('host');
  if (origin && origin !== 'null' && host) {
    try {
      const o = new URL(origin);
      return o.host === host || (!!publicUrl && o.origin === new URL(publicUrl).origin);
    } catch {
      return false;
    }
  }
  if (origin) return false;
  const site = headers.get('sec-fetch-site');
  if (site === 'same-origin') return true;
  return allowNoOrigin && site === null;
}

/**
 * CSRF defence for writes authenticated by the session cookie: the browser
 * must say the request comes from this site. Bearer callers are exempt: a
 * cross-site page cannot make a browser attach an Authorization header.
 */
export function assertSameOrigin(req: Request, actor: TActor, publicUrl?: string): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  if (actor.kind !== 'user' || actor.via !== 'session') return;
  if (isSameOrigin(req.headers, publicUrl)) return;
  throw new AppError(
    'forbidden',
    'cross-site request refused: a write with the session cookie must come from this site (or use a Bearer token)',
  );
}

/**
 * Cross-site WebSocket hijacking defence: a socket opened with the session
 * cookie acts as the person, so its handshake must come from this site, the
 * rule HTTP writes follow. A browser always names the Origin of a WebSocket
 * handshake (RFC 6455 §4.1) and of a cross-origin polling request (CORS), so
 * a handshake naming neither Origin nor Sec-Fetch-Site comes from no browser
 * page and is let through (non-browser clients holding a cookie could send
 * any Origin anyway). Display links and tokens travel in `auth`, which no
 * foreign page can make a browser attach, and are judged by their key alone.
 */
export function assertSameOriginSocket(headers: Headers, actor: TActor, publicUrl?: string): void {
  if (actor.kind !== 'user' || actor.via !== 'session') return;
  if (isSameOrigin(headers, publicUrl, true)) return;
  throw new AppError(
    'forbidden',
    'cross-site socket refused: a socket with the session cookie must be opened from this site (or use a token)',
  );
}
