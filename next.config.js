/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server (server/index.ts) owns the process; Next only renders and routes.
  typedRoutes: false,
  serverExternalPackages: ['better-sqlite3', 'pg', '@prisma/client', 'socket.io', 'redis'],
};

export default nextConfig;
