/**
 * The Content-Security-Policy of every page, with this request's nonce.
 * Scripts: only those carrying the nonce (Next stamps it on its bootstrap and
 * chunk scripts when it finds the policy on the request, see proxy.ts) and
 * what they load ('strict-dynamic'); no inline script an attacker could
 * inject. Styles keep 'unsafe-inline': React style attributes (charts, bars)
 * need it, and a nonce in style-src would switch it off. Connections: this
 * origin only — Chromium matches same-origin ws:/wss: to 'self'. Nothing may
 * frame Warroom: the wall is opened directly, never embedded. Workers: this
 * origin's files only (the phone's push service worker, public/push-sw.js) —
 * said outright, because under 'strict-dynamic' script-src's 'self' no longer
 * counts and a service worker cannot carry a nonce.
 */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === 'development'): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A fresh, unguessable nonce per page view. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
