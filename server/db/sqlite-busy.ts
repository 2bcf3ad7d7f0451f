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
/** better-sqlite3's statement factory, which the adapter calls with `BEGIN` to start a transaction. */
interface TPrepare {
  prepare(sql: string): { run(): unknown };
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

/** The connection's transactions, one at a time, in the order they asked (the adapter's own lock is taken only inside). */
function transactionQueue(): () => Promise<() => void> {
  let tail: Promise<void> = Promise.resolve();
  return () => {
    let release!: () => void;
    const done = new Promise<void>((r) => (release = r));
    const turn = tail.then(() => release);
    tail = tail.then(() => done);
    return turn;
  };
}

/**
 * Prisma's adapter opens a deferred transaction (`BEGIN`): it takes the write lock only at its first write.
 * A transaction that reads and then writes (find the account, then update it) can then be refused at the
 * write without any wait — SQLite calls no busy handler for a reader turning writer — and, once another
 * process has committed, never succeed (its snapshot is stale: SQLITE_BUSY_SNAPSHOT). So a transaction
 * starts `BEGIN IMMEDIATE` here, waiting for the write lock on the timer, and the adapter's own `BEGIN`
 * that follows is skipped; once it has the lock nothing can overtake it. Transactions take turns (the
 * adapter serializes them too), so this costs nothing inside one process.
 */
function writeLocked(adapter: TAdapter, handle: THandle & TPrepare, totalMs: number) {
  const prepare = handle.prepare.bind(handle);
  let begun = false;
  handle.prepare = (sql: string) => {
    if (sql === 'BEGIN' && begun) {
      begun = false;
      return { run: () => undefined };
    }
    return prepare(sql);
  };
  const turn = transactionQueue();
  return async (start: () => Promise<TTransaction>): Promise<TTransaction> => {
    const release = await turn();
    try {
      // One statement, tried again on the timer while the file is busy (the adapter's script call converts the error).
      await whenFree(handle, totalMs, () => adapter.executeScript('BEGIN IMMEDIATE'));
    } catch (err) {
      release();
      throw err;
    }
    begun = true;
    let tx: TTransaction;
    try {
      tx = await start();
    } catch (err) {
      begun = false;
      if (handle.inTransaction) prepare('ROLLBACK').run();
      release();
      throw err;
    }
    const end = (fn: () => Promise<void>) => async () => {
      try {
        await fn();
      } finally {
        release();
      }
    };
    return new Proxy(tx, {
      get(t, prop) {
        const value = Reflect.get(t, prop, t) as unknown;
        if ((prop === 'commit' || prop === 'rollback') && typeof value === 'function') return end((value as () => Promise<void>).bind(t));
        return value;
      },
    });
  };
}

/** The adapter, or a transaction it started, with its statements waiting off the event loop. */
function wrap<T extends object>(target: T, handle: THandle, totalMs: number, begin?: ReturnType<typeof writeLocked>): T {
  return new Proxy(target, {
    get(t, prop) {
      const value = Reflect.get(t, prop, t) as unknown;
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (STATEMENTS.has(String(prop)))
        return (...args: unknown[]) => whenFree(handle, totalMs, () => fn.apply(t, args) as Promise<unknown>);
      if (prop === 'startTransaction' && begin)
        return async (...args: unknown[]) => wrap(await begin(() => fn.apply(t, args) as Promise<TTransaction>), handle, totalMs);
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
          const adapter = (await (value as () => Promise<TAdapter>).call(t)) as TAdapter & { client?: THandle & TPrepare };
          if (typeof adapter.client?.prepare !== 'function')
            throw new Error('the SQLite adapter no longer exposes its connection: server/db/sqlite-busy.ts needs updating');
          return wrap(adapter, adapter.client, totalMs, writeLocked(adapter, adapter.client, totalMs));
        };
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}
