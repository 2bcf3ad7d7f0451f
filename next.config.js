import { PHASE_PRODUCTION_SERVER } from 'next/constants.js';

// Security headers on every answer. Pages get their Content-Security-Policy,
// with a per-request nonce, from proxy.ts (server/http/csp.ts); API answers get
// a policy that allows nothing, since they are never documents.
const NO_CONTENT_CSP = "default-src 'none'; frame-ancestors 'none'";
const SECURITY_HEADERS = [
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
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: NO_CONTENT_CSP }] },
    ];
  },
  // `npm test` type-checks the whole project with tsc first; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // The custom server (server/index.ts) owns the process; Next only renders and routes.
  typedRoutes: false,
  serverExternalPackages: ['better-sqlite3', 'pg', '@prisma/client', 'socket.io', 'redis'],
  // Each page's code loads on its first request, not all at start: Next's preload of every route took
  // ~0.4 s of CPU per start with the event loop blocked, so after a restart the walls' sockets waited
  // behind pages nobody had asked for yet (and each of the ~190 server starts in npm test paid it).
  experimental: { preloadEntriesOnStart: false },
};

// next-intl reads i18n/request.ts: the person's language per request (cookie, else Accept-Language).
// Its plugin only configures the bundler (an alias to that file), so `npm start` of a build skips it:
// loading it there cost every server start about 0.2 s (it brings a file watcher for its extractor).
// The catalogues in messages/ are compiled to icu-minify's form when they are bundled, so pages format
// them with a runtime of under 1 kB instead of carrying the ICU parser (12 kB gzip on every console page,
// the phone's among them; issue 26). Words handed to a screen as they are go through lib/i18n/fill.ts.
export default async function config(phase) {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const { default: createNextIntlPlugin } = await import('next-intl/plugin');
  return createNextIntlPlugin({
    requestConfig: './i18n/request.ts',
    experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
  })(nextConfig);
}
