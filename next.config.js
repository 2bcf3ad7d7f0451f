import createNextIntlPlugin from 'next-intl/plugin';

// Security headers on every page and API answer. Next's App Router injects
// inline bootstrap scripts without a nonce, hence 'unsafe-inline' for scripts;
// dev mode also needs 'unsafe-eval'. socket.io uses same-origin websockets.
// Nothing may frame Warroom: the wall is opened directly, never embedded.
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: CSP },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  // no-referrer: a display link carries its key in the URL; it must not leak to other sites.
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder per checkout or worker (WARROOM_NEXT_DIST) lets builds run side by side.
  distDir: process.env.WARROOM_NEXT_DIST ?? '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
  // `npm test` type-checks the whole project with tsc first; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // The custom server (server/index.ts) owns the process; Next only renders and routes.
  typedRoutes: false,
  serverExternalPackages: ['better-sqlite3', 'pg', '@prisma/client', 'socket.io', 'redis'],
};

// next-intl reads i18n/request.ts: the person's language per request (cookie, else Accept-Language).
export default createNextIntlPlugin('./i18n/request.ts')(nextConfig);
