import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migratePostgres, migrateSqlite, readMigrations } from './migrate';
import { createThrowawayDatabase } from '../../tests/helpers/server';

function migrationsDir(files: Record<string, string>, provider = 'sqlite') {
  const dir = mkdtempSync(join(tmpdir(), 'wr-mig-'));
  for (const [id, sql] of Object.entries(files)) {
    mkdirSync(join(dir, provider, id), { recursive: true });
    writeFileSync(join(dir, provider, id, 'migration.sql'), sql);
  }
  return dir;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migration runner on SQLite', () => {
  it('applies pending migrations in order, once', () => {
    const dir = migrationsDir({ '002_b': 'ALTER TABLE t ADD COLUMN b TEXT;', '001_a': 'CREATE TABLE t (a INTEGER);' });
    dirs.push(dir);
    const db = new Database(':memory:');
    expect(migrateSqlite(db, readMigrations(dir, 'sqlite'))).toEqual(['001_a', '002_b']);
    expect(migrateSqlite(db, readMigrations(dir, 'sqlite'))).toEqual([]);
    db.prepare('INSERT INTO t (a, b) VALUES (1, ?)').run('x');
  });

  it('refuses a migration edited after it was applied', () => {
    const dir = migrationsDir({ '001_a': 'CREATE TABLE t (a INTEGER);' });
    dirs.push(dir);
    const db = new Database(':memory:');
    migrateSqlite(db, readMigrations(dir, 'sqlite'));
    writeFileSync(join(dir, 'sqlite', '001_a', 'migration.sql'), 'CREATE TABLE t (a TEXT);');
    expect(() => migrateSqlite(db, readMigrations(dir, 'sqlite'))).toThrow(/changed after it was applied/);
  });

  it('rolls back a failing migration whole', () => {
    const dir = migrationsDir({ '001_a': 'CREATE TABLE t (a INTEGER);', '002_bad': 'CREATE TABLE u (x INTEGER); THIS IS NOT SQL;' });
    dirs.push(dir);
    const db = new Database(':memory:');
    expect(() => migrateSqlite(db, readMigrations(dir, 'sqlite'))).toThrow();
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('t', 'u')`).all();
    expect(tables).toEqual([]);
  });

  it('the real migrations create every model table', () => {
    const db = new Database(':memory:');
    migrateSqlite(db, readMigrations(join(process.cwd(), 'prisma/migrations'), 'sqlite'));
    const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name);
    for (const t of ['Room', 'MetricSeries', 'MetricSample', 'User', 'Session', 'Credential', 'Incident', 'IncidentEntry'])
      expect(names).toContain(t);
  });
});

describe('migration runner on PostgreSQL', () => {
  it('applies once even when two processes start together', async () => {
    const throwaway = await createThrowawayDatabase('postgres');
    const pools = [new pg.Pool({ connectionString: throwaway.url }), new pg.Pool({ connectionString: throwaway.url })];
    try {
      const migrations = readMigrations(join(process.cwd(), 'prisma/migrations'), 'postgresql');
      const [a, b] = await Promise.all(pools.map((p) => migratePostgres(p, migrations)));
      expect([...a!, ...b!].sort()).toEqual(migrations.map((m) => m.id).sort());
      const { rows } = await pools[0]!.query(`SELECT count(*)::int AS n FROM _warroom_migrations`);
      expect(rows[0].n).toBe(migrations.length);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
      await throwaway.drop();
    }
  });
});
