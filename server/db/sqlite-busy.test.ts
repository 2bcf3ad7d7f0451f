import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createThrowawayDatabase } from '../../tests/helpers/server';
import { sqlitePathFromUrl } from '../config';
import { errorBody } from '../errors';
import { openDatabase, type TDatabase } from './client';

/** The longest gap between 10 ms ticks while `work` runs: how long the event loop was blocked. */
async function longestStall(work: Promise<unknown>): Promise<{ stallMs: number; result: PromiseSettledResult<unknown> }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  const [result] = await Promise.allSettled([work]);
  // One more tick, so a stall at the very end is measured too.
  await new Promise((r) => setTimeout(r, 30));
  clearInterval(tick);
  return { stallMs, result: result! };
}

// Another process holds the SQLite file (a backup, a shell, a second server). better-sqlite3 waits for it inside
// a synchronous call; before server/db/sqlite-busy.ts the whole server stood still for the wait (pings unanswered,
// so a wall's socket gave up and a second one opened).
describe('a busy SQLite file is waited for without stopping the server', () => {
  let db: TDatabase;
  let other: Database.Database;
  let drop: () => Promise<void>;
  let path: string;
  beforeEach(async () => {
    const throwaway = await createThrowawayDatabase('sqlite');
    drop = throwaway.drop;
    db = await openDatabase(throwaway.url, { busyWaitMs: 1500 });
    // Prisma's first query loads its query compiler (a synchronous stall of its own): done before measuring.
    await db.prisma.user.count();
    path = sqlitePathFromUrl(throwaway.url);
    other = new Database(path);
    other.exec('BEGIN EXCLUSIVE');
  });
  afterEach(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await db.close();
    await drop();
  });

  it('a write waits for the lock on a timer, then lands', async () => {
    setTimeout(() => other.exec('ROLLBACK'), 800);
    const { stallMs, result } = await longestStall(db.prisma.user.create({ data: { name: 'A', email: 'a@example.com' } }));
    expect(result.status).toBe('fulfilled');
    // A blocking wait would stall 800 ms; each attempt here blocks at most 25 ms.
    expect(stallMs).toBeLessThan(300);
    expect(await db.prisma.user.count()).toBe(1);
  });

  it('a transaction waits too, and commits whole', async () => {
    setTimeout(() => other.exec('ROLLBACK'), 800);
    const { stallMs, result } = await longestStall(
      db.prisma.$transaction(async (tx) => {
        await tx.user.create({ data: { name: 'B', email: 'b@example.com' } });
        await tx.user.create({ data: { name: 'C', email: 'c@example.com' } });
      }),
    );
    expect(result.status).toBe('fulfilled');
    expect(stallMs).toBeLessThan(300);
    expect(await db.prisma.user.count()).toBe(2);
  });

  it('a transaction that reads, then writes, is not overtaken by another process between the two', async () => {
    other.exec('ROLLBACK');
    // Another writer that does not wait: with a deferred transaction it would commit between our read and
    // our write, and our write would then fail at once (SQLITE_BUSY_SNAPSHOT), with no wait that could help.
    const rival = new Database(path, { timeout: 0 });
    let rivalRefused = '';
    try {
      await db.prisma.$transaction(async (tx) => {
        const before = await tx.user.count();
        try {
          rival.exec(`INSERT INTO "User" (id, name, email, createdAt, updatedAt) VALUES ('r', 'R', 'r@example.com', 0, 0)`);
        } catch (err) {
          rivalRefused = (err as { code?: string }).code ?? String(err);
        }
        await tx.user.create({ data: { name: `E${before}`, email: 'e@example.com' } });
      });
    } finally {
      rival.close();
    }
    expect(rivalRefused).toBe('SQLITE_BUSY');
    expect(await db.prisma.user.findMany({ select: { email: true } })).toEqual([{ email: 'e@example.com' }]);
  });

  it('held past the wait, the write fails as "database unavailable" and nothing is stored', async () => {
    const { stallMs, result } = await longestStall(db.prisma.user.create({ data: { name: 'D', email: 'd@example.com' } }));
    expect(result.status).toBe('rejected');
    expect(errorBody((result as PromiseRejectedResult).reason).status).toBe(503);
    expect(stallMs).toBeLessThan(300);
    other.exec('ROLLBACK');
    expect(await db.prisma.user.count()).toBe(0);
  });

  it('a transaction refused after the wait is "database unavailable", and the next one runs', async () => {
    const refused = await db.prisma.$transaction(async (tx) => tx.user.count()).catch((err: unknown) => err);
    expect(errorBody(refused).status).toBe(503);
    other.exec('ROLLBACK');
    await db.prisma.$transaction(async (tx) => tx.user.create({ data: { name: 'F', email: 'f@example.com' } }));
    expect(await db.prisma.user.count()).toBe(1);
  });

  it('transactions started together take turns, and writes made meanwhile all land', async () => {
    other.exec('ROLLBACK');
    const writes = Array.from({ length: 8 }, (_, i) => [
      db.prisma.$transaction(async (tx) => {
        const n = await tx.user.count();
        await tx.user.create({ data: { name: `T${i}`, email: `t${i}@example.com`, image: String(n) } });
      }),
      db.prisma.user.create({ data: { name: `W${i}`, email: `w${i}@example.com` } }),
    ]).flat();
    expect((await Promise.allSettled(writes)).filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await db.prisma.user.count()).toBe(16);
    // A transaction that fails gives up its turn, and what it wrote is gone.
    const failed = db.prisma.$transaction(async (tx) => {
      await tx.user.create({ data: { name: 'X', email: 'x@example.com' } });
      throw new Error('no');
    });
    await expect(failed).rejects.toThrow('no');
    await db.prisma.$transaction(async (tx) => tx.user.create({ data: { name: 'Y', email: 'y@example.com' } }));
    expect(await db.prisma.user.count()).toBe(17);
  });

  it('reads go on while another process writes (WAL)', async () => {
    const { result } = await longestStall(db.prisma.user.count());
    expect(result).toEqual({ status: 'fulfilled', value: 0 });
  });
});
