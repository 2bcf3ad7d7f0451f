import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrowawayDatabase, DB_KINDS } from '../../tests/helpers/server';
import { sqlitePathFromUrl } from '../config';
import { isUniqueViolation } from '../errors';
import { openDatabase, type TDatabase } from './client';

/** Runs `fn` and returns what it threw (the test fails if it did not throw). */
async function thrown(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

// The one helper every service uses (server/errors.ts) against the real refusals of both databases:
// through Prisma's driver adapters, straight from the driver, and wrapped by a library as `cause`.
describe.each(DB_KINDS)('isUniqueViolation on %s', (kind) => {
  let db: TDatabase;
  let drop: () => Promise<void>;
  let url: string;
  beforeAll(async () => {
    const throwaway = await createThrowawayDatabase(kind);
    ({ url, drop } = throwaway);
    db = await openDatabase(url);
    await db.prisma.user.create({ data: { name: 'A', email: 'a@example.com' } });
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('a duplicate through Prisma, bare and wrapped', async () => {
    const err = await thrown(() => db.prisma.user.create({ data: { name: 'B', email: 'a@example.com' } }));
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(new Error('auth: could not create user', { cause: err }))).toBe(true);
    expect(isUniqueViolation(new Error('outer', { cause: new Error('inner', { cause: err }) }))).toBe(true);
  });

  it('a duplicate straight from the driver', async () => {
    let err: unknown;
    if (kind === 'sqlite') {
      const raw = new Database(sqlitePathFromUrl(url));
      err = await thrown(async () =>
        raw.prepare("INSERT INTO User (id, name, email, updatedAt) VALUES ('x', 'C', 'a@example.com', 0)").run(),
      );
      raw.close();
    } else {
      const raw = new pg.Client({ connectionString: url });
      await raw.connect();
      err = await thrown(() => raw.query(`INSERT INTO "User" (id, name, email, "updatedAt") VALUES ('x', 'C', 'a@example.com', now())`));
      await raw.end();
    }
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(new Error('wrapped', { cause: err }))).toBe(true);
  });

  it('other refusals are not unique violations', async () => {
    const missing = await thrown(() => db.prisma.user.update({ where: { id: 'nobody' }, data: { name: 'x' } }));
    expect(isUniqueViolation(missing)).toBe(false);
    const fk = await thrown(() => db.prisma.session.create({ data: { userId: 'nobody', token: 't', expiresAt: new Date() } }));
    expect(isUniqueViolation(fk)).toBe(false);
    expect(isUniqueViolation(new Error('boom'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
