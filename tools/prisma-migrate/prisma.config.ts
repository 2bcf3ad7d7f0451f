// Prisma 6 CLI config for `migrate diff` only. engine "js" + an adapter makes
// Prisma 6 use its WebAssembly schema engine, so nothing is downloaded.
// The SQLite adapter never touches a file for a diff; the PostgreSQL one opens
// a connection, so PostgreSQL must run (MIGRATE_PG_URL, default local postgres).
import { defineConfig } from 'prisma/config';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';

const provider = process.env.MIGRATE_PROVIDER ?? 'sqlite';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: process.env.MIGRATE_SCHEMA!,
  adapter: async () =>
    provider === 'postgresql'
      ? new PrismaPg({ connectionString: process.env.MIGRATE_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' })
      : new PrismaBetterSqlite3({ url: 'file::memory:' }),
} as never);
