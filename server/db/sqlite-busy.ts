import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';

/**
 * How long a statement waits for a SQLite file another process holds (a
 * backup, a `sqlite3` shell, a second server) before it fails as "database
 * unavailable" (503 with Retry-After, server/errors.ts).
 */
export const BUSY_WAIT_MS = 5000;
/**
 * better-sqlite3 is synchronous: its own busy timeout sleeps inside the call,
 * and the whole server (sockets' pings, every other request) stops with it.
 * Each attempt may block only this long; between attempts the wait is a timer.
 */
export const BUSY_ATTEMPT_MS = 25;

type TFactory = PrismaBetterSqlite3;
type TAdapter = Awaited<ReturnType<TFactory['connect']>>;
interface THandle {
  inTransaction: boolean;
}

/** A statement refused because another connection holds the lock — not a stale snapshot, which waiting cannot fix. */
function isBusy(err: unknown): boolean {
  const cause = (err as { name?: string; cause?: { originalCode?: string } } | null)?.cause;
  return (err as { name?: string } | null)?.name === 'DriverAdapterError' && cause?.originalCode === 'SQLITE_BUSY';
}

/**
 * Runs one statement, trying again on a timer while the file is busy, up to
 * `totalMs`. Tried again only when the refusal left the connection as it was
 * (SQLite may roll a transaction back on a busy error; a retry would then run
 * outside it), so a retry is exactly what SQLite's own busy handler would do.
 */
async function whenFree<T>(handle: THandle, totalMs: number, run: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + totalMs;
  let pause = 5;
  for (;;) {
    const inTransaction = handle.inTransaction;
    try {
      return await run();
    } catch (err) {
      if (!isBusy(err) || handle.inTransaction !== inTransaction || Date.now() + pause > deadline) throw err;
      await new Promise((r) => setTimeout(r, pause));
      pause = Math.min(pause * 2, 100);
    }
  }
}

/**
 * What is tried again: one statement each. Not executeScript (several statements; a retry after the
 * second one was refused would run the first one twice; Prisma's client does not use it).
 */
const STATEMENTS = new Set(['queryRaw', 'executeRaw']);

type TTransaction = Awaited<ReturnType<TAdapter['startTransaction']>>;
const statement = (sql: string) => ({ sql, args: [], argTypes: [] });

/**
 * Prisma's adapter opens a deferred transaction (`BEGIN`): it takes the write lock only at its first write.
 * A transaction that reads and then writes (find the account, then update it) can then be refused at the
 * write without any wait — SQLite calls no busy handler for a reader turning writer — and, once another
 * process has committed, never succeed (its snapshot is stale: SQLITE_BUSY_SNAPSHOT). So every
 * transaction starts `BEGIN IMMEDIATE`, waiting for the write lock on the timer first; once it has
 * the lock nothing can overtake it. Prisma serializes a connection's transactions already, so this
 * costs nothing inside one process.
 */
async function writeLockedTransaction(started: Promise<TTransaction>, handle: THandle, totalMs: number): Promise<TTransaction> {
  const tx = await started;
  try {
    await tx.executeRaw(statement('ROLLBACK'));
    await whenFree(handle, totalMs, () => tx.executeRaw(statement('BEGIN IMMEDIATE')));
    return tx;
  } catch (err) {
    // Releases the adapter's transaction lock; nothing was written.
    await tx.rollback();
    throw err;
  }
}

/** The adapter, or a transaction it started, with its statements waiting off the event loop. */
function wrap<T extends object>(target: T, handle: THandle, totalMs: number): T {
  return new Proxy(target, {
    get(t, prop) {
      const value = Reflect.get(t, prop, t) as unknown;
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (STATEMENTS.has(String(prop)))
        return (...args: unknown[]) => whenFree(handle, totalMs, () => fn.apply(t, args) as Promise<unknown>);
      if (prop === 'startTransaction')
        return async (...args: unknown[]) =>
          wrap(await writeLockedTransaction(fn.apply(t, args) as Promise<TTransaction>, handle, totalMs), handle, totalMs);
      return fn.bind(t);
    },
  });
}

/**
 * Prisma's better-sqlite3 adapter whose statements wait for a busy file on a
 * timer instead of in SQLite's busy handler. Open the adapter with
 * `timeout: BUSY_ATTEMPT_MS`.
 */
export function waitOffTheLoop(factory: TFactory, totalMs = BUSY_WAIT_MS): TFactory {
  return new Proxy(factory, {
    get(t, prop) {
      const value = Reflect.get(t, prop, t) as unknown;
      if (prop === 'connect' || prop === 'connectToShadowDb')
        return async () => {
          const adapter = (await (value as () => Promise<TAdapter>).call(t)) as TAdapter & { client?: THandle };
          if (!adapter.client)
            throw new Error('the SQLite adapter no longer exposes its connection: server/db/sqlite-busy.ts needs updating');
          return wrap(adapter, adapter.client, totalMs);
        };
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}
