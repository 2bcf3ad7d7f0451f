import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../../generated/prisma-sqlite/client.ts';
import { PrismaClient as PostgresClient } from '../../generated/prisma-postgresql/client.ts';
import { isPostgresUrl, sqlitePathFromUrl } from '../config';
import { migratePostgres, migrateSqlite, readMigrations, type TProvider } from './migrate';
import type { SampleStore } from './sample-store';
import { createSqliteSampleStore } from './sample-store.sqlite';
import { BUSY_ATTEMPT_MS, BUSY_WAIT_MS, waitOffTheLoop } from './sqlite-busy';
import { createPostgresSampleStore } from './sample-store.postgres';

/**
 * The Prisma client type services use. Both generated clients expose the same
 * models and methods (one models file feeds both), so the SQLite one's types
 * stand for either.
 */
export type Db = SqliteClient;

export interface TDatabase {
  provider: TProvider;
  prisma: Db;
  samples: SampleStore;
  /** true when the database answers a trivial query */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const MIGRATIONS_DIR = join(process.cwd(), 'prisma', 'migrations');

/**
 * Opens the database named by `url`, applies pending migrations, and returns the clients.
 * `busyWaitMs`: how long a SQLite statement waits for a file another process holds (tests shorten it).
 */
export async function openDatabase(url: string, opts: { migrate?: boolean; busyWaitMs?: number } = {}): Promise<TDatabase> {
  const migrate = opts.migrate ?? true;
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection dropped by the server (a restart, a failover, an admin)
    // is reported here; without a listener it would crash the process. The pool
    // opens a fresh connection for the next query, and /ready reports the state.
    pool.on('error', (err) => console.error(`postgres: idle connection lost (${err.message})`));
    if (migrate) await migratePostgres(pool, readMigrations(MIGRATIONS_DIR, 'postgresql'));
    const prisma = new PostgresClient({ adapter: new PrismaPg(pool) }) as unknown as Db;
    return {
      provider: 'postgresql',
      prisma,
      samples: createPostgresSampleStore(pool),
      async ping() {
        await pool.query('SELECT 1');
        return true;
      },
      async close() {
        await prisma.$disconnect();
        // pool.end() resolves once it has asked its idle clients to end, not once
        // they have: wait for each one's 'remove' (bounded), so a database dropped
        // or restarted right after close() cannot hit a connection still closing.
        const open = pool.totalCount;
        const closed = new Promise<void>((resolve) => {
          let n = 0;
          if (open === 0) resolve();
          pool.on('remove', () => {
            if (++n >= open) resolve();
          });
          setTimeout(resolve, 2000).unref();
        });
        await pool.end();
        await closed;
      },
    };
  }

  const path = sqlitePathFromUrl(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  if (migrate) {
    const raw = new Database(path);
    try {
      raw.pragma('journal_mode = WAL');
      migrateSqlite(raw, readMigrations(MIGRATIONS_DIR, 'sqlite'));
    } finally {
      raw.close();
    }
  }
  // Dates as epoch milliseconds: compact, ordered, and what the raw sample store writes.
  // A busy file is waited for on a timer, not in better-sqlite3's blocking busy handler (server/db/sqlite-busy.ts).
  const busyWaitMs = opts.busyWaitMs ?? BUSY_WAIT_MS;
  const adapter = waitOffTheLoop(
    new PrismaBetterSqlite3({ url: path, timeout: BUSY_ATTEMPT_MS }, { timestampFormat: 'unixepoch-ms' }),
    busyWaitMs,
  );
  // A transaction waits for the write lock as it starts: Prisma's own start limit (2 s) must not cut that wait short.
  const prisma = new SqliteClient({ adapter, transactionOptions: { maxWait: busyWaitMs + 1000 } });
  const samples = createSqliteSampleStore(path);
  return {
    provider: 'sqlite',
    prisma,
    samples,
    async ping() {
      await prisma.$queryRawUnsafe('SELECT 1');
      return true;
    },
    async close() {
      await samples.close();
      await prisma.$disconnect();
    },
  };
}

/** The client a Prisma interactive transaction hands to its callback. */
export type TTx = Parameters<Extract<Parameters<Db['$transaction']>[0], (...a: never[]) => unknown>>[0];
