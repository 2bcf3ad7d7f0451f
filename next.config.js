/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder per checkout or worker (WARROOM_NEXT_DIST) lets builds run side by side.
  distDir: process.env.WARROOM_NEXT_DIST ?? '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole project with tsc first; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // The custom server (server/index.ts) owns the process; Next only renders and routes.
  typedRoutes: false,
  serverExternalPackages: ['better-sqlite3', 'pg', '@prisma/client', 'socket.io', 'redis'],
};

export default nextConfig;
