import { AppError } from '../errors';
import type { TActor } from '../services/access/actor';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for writes authenticated by the session cookie: the browser
 * must say the request comes from this site (Origin equal to the Host it was
 * sent to, or Sec-Fetch-Site: same-origin). Bearer callers are exempt: a
 * cross-site page cannot make a browser attach an Authorization header.
 */
export function assertSameOrigin(req: Request, actor: TActor, publicUrl?: string): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  if (actor.kind !== 'user' || actor.via !== 'session') return;
  const origin = req.headers.get('origin');
  const host = req.headers.get('host');
  if (origin && origin !== 'null' && host) {
    try {
      const o = new URL(origin);
      // Behind a reverse proxy that rewrites Host, the configured public URL is this site too.
      if (o.host === host || (publicUrl && o.origin === new URL(publicUrl).origin)) return;
    } catch {
      // a malformed Origin is a refusal below
    }
  } else if (!origin && req.headers.get('sec-fetch-site') === 'same-origin') {
    return;
  }
  throw new AppError('forbidden', 'cross-site request refused: a write with the session cookie must come from this site (or use a Bearer token)');
}
