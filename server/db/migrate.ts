import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type pg from 'pg';

export type TProvider = 'sqlite' | 'postgresql';

export interface TMigration {
  id: string;
  sql: string;
  checksum: string;
}

const TABLE = '_warroom_migrations';
/** An arbitrary constant: several processes starting at once migrate one at a time. */
const PG_LOCK_KEY = 727_274_001;

/** Migration folders of one provider, oldest first (folder names start with a timestamp). */
export function readMigrations(dir: string, provider: TProvider): TMigration[] {
  const base = join(dir, provider);
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const sql = readFileSync(join(base, id, 'migration.sql'), 'utf8');
      return { id, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

function checkApplied(applied: Map<string, string>, migrations: TMigration[]): TMigration[] {
  for (const m of migrations) {
    const sum = applied.get(m.id);
    if (sum && sum !== m.checksum) {
      throw new Error(`migration ${m.id} was changed after it was applied (checksum differs); write a new migration instead`);
    }
  }
  const known = new Set(migrations.map((m) => m.id));
  for (const id of applied.keys()) {
    if (!known.has(id)) throw new Error(`database has migration ${id} that this version does not know; is it newer?`);
  }
  return migrations.filter((m) => !applied.has(m.id));
}

/** Applies pending migrations to SQLite, each in its own transaction. Returns the ids applied. */
export function migrateSqlite(db: Database.Database, migrations: TMigration[]): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  // BEGIN IMMEDIATE takes the write lock before reading, so two processes cannot both apply one.
  const done: string[] = [];
  const run = db.transaction(() => {
    const rows = db.prepare(`SELECT id, checksum FROM ${TABLE}`).all() as { id: string; checksum: string }[];
    const pending = checkApplied(new Map(rows.map((r) => [r.id, r.checksum])), migrations);
    for (const m of pending) {
      db.exec(m.sql);
      db.prepare(`INSERT INTO ${TABLE} (id, checksum, applied_at) VALUES (?, ?, ?)`).run(m.id, m.checksum, new Date().toISOString());
      done.push(m.id);
    }
  });
  run.immediate();
  return done;
}

/** Applies pending migrations to PostgreSQL in one transaction under an advisory lock. */
export async function migratePostgres(pool: pg.Pool, migrations: TMigration[]): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [PG_LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ id: string; checksum: string }>(`SELECT id, checksum FROM ${TABLE}`);
    const pending = checkApplied(new Map(rows.map((r) => [r.id, r.checksum])), migrations);
    for (const m of pending) {
      await client.query(m.sql);
      await client.query(`INSERT INTO ${TABLE} (id, checksum) VALUES ($1, $2)`, [m.id, m.checksum]);
    }
    await client.query('COMMIT');
    return pending.map((m) => m.id);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
