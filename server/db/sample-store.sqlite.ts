import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { groupBySeries, toChange, type SampleStore, type TSeriesChange, type TSeriesGroup } from './sample-store';

/** What the writer needs of a series' share of a batch (times and values may be typed arrays). */
export interface TGroupToWrite {
  name: string;
  labelsKey: string;
  times: ArrayLike<number>;
  values: ArrayLike<number>;
  latestTime: number;
  latestValue: number;
}

/**
 * The synchronous writer: its own better-sqlite3 connection, prepared
 * statements, one IMMEDIATE transaction per batch. It returns each group's
 * series id, in order.
 *
 * Foreign keys are off on this connection only (the schema's cascades stay
 * with Prisma's connection, which deletes): checking them cost one index
 * lookup per sample, about a quarter of the insert time. The writer checks
 * the same things once per batch instead, inside the transaction that holds
 * the write lock — the room exists, and each series is looked up (or created)
 * by its unique key, so no sample can point at a missing series.
 */
export function openSampleWriter(path: string, opts: { busyTimeoutMs: number }) {
  const db = new Database(path, { timeout: opts.busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = OFF');

  const roomExists = db.prepare<[string], number>('SELECT 1 FROM "Room" WHERE "id" = ?').pluck();
  const findSeries = db.prepare<[string, string, string], { id: number }>(
    'SELECT id FROM "MetricSeries" WHERE "roomId" = ? AND "name" = ? AND "labelsKey" = ?',
  );
  const createSeries = db.prepare<[string, string, string, number]>(
    'INSERT INTO "MetricSeries" ("roomId", "name", "labelsKey", "createdAt") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const insertSample = db.prepare<[number, number, number]>(
    'INSERT INTO "MetricSample" ("seriesId", "time", "value") VALUES (?, ?, ?) ON CONFLICT ("seriesId", "time") DO UPDATE SET "value" = excluded."value"',
  );
  const updateLatest = db.prepare<[number, number, number, number]>(
    'UPDATE "MetricSeries" SET "latestValue" = ?, "latestTime" = ? WHERE "id" = ? AND ("latestTime" IS NULL OR "latestTime" <= ?)',
  );

  const write = db.transaction((roomId: string, groups: TGroupToWrite[]): number[] => {
    if (!roomExists.get(roomId)) {
      throw Object.assign(new Error(`room ${roomId} does not exist`), { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    }
    const now = Date.now();
    const ids: number[] = new Array(groups.length);
    for (let j = 0; j < groups.length; j++) {
      const g = groups[j]!;
      let id = findSeries.get(roomId, g.name, g.labelsKey)?.id;
      if (id === undefined) {
        createSeries.run(roomId, g.name, g.labelsKey, now);
        id = findSeries.get(roomId, g.name, g.labelsKey)!.id;
      }
      // In batch order: a repeated time is upserted again, so the later write wins.
      const { times, values } = g;
      for (let i = 0; i < times.length; i++) insertSample.run(id, times[i]!, values[i]!);
      updateLatest.run(g.latestValue, g.latestTime, id, g.latestTime);
      ids[j] = id;
    }
    return ids;
  });

  return {
    write: (roomId: string, groups: TGroupToWrite[]): number[] => write.immediate(roomId, groups),
    close: () => db.close(),
  };
}

/** One batch for the worker: the groups' times and values packed in two transferable arrays. */
export interface TWriteRequest {
  id: number;
  roomId: string;
  series: { name: string; labelsKey: string; latestTime: number; latestValue: number; count: number }[];
  times: Float64Array;
  values: Float64Array;
}
export type TWriteReply = { id: number; ids: number[] } | { id: number; error: { message: string; code?: string } };

/**
 * Writes batches on a worker thread (server/db/sample-writer.worker.ts),
 * one at a time in arrival order. The event loop keeps reading, parsing and
 * validating the next batch while this one is written: on a 10,000-point
 * batch the two halves take about as long, so ingest runs on two cores
 * instead of taking turns on one. The promise settles after COMMIT, so a 202
 * still means stored. The worker starts on the first batch (a CLI that never
 * ingests starts none) and keeps the process alive only while a batch is in
 * flight. Waiting for a busy database blocks only the worker, so it waits
 * (busy_timeout) instead of retrying.
 */
function createWorkerWriter(path: string) {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, { resolve: (ids: number[]) => void; reject: (err: Error) => void }>();
  const inFlight = new Set<Promise<unknown>>();

  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker = null;
  };
  const start = (): Worker => {
    // The compiled server (scripts/build-server.ts) has the worker compiled beside it; from the
    // sources (npm run dev, vitest) the worker is TypeScript, loaded through tsx whatever started this process.
    const compiled = import.meta.url.endsWith('.mjs');
    const file = new URL(compiled ? './sample-writer.worker.mjs' : './sample-writer.worker.ts', import.meta.url);
    const w = compiled
      ? new Worker(file, { workerData: { path } })
      : new Worker(`import('tsx/esm/api').then((t) => t.tsImport(${JSON.stringify(file.href)}, ${JSON.stringify(file.href)}))`, {
          eval: true,
          workerData: { path },
        });
    w.unref();
    w.on('message', (m: TWriteReply) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (pending.size === 0) w.unref();
      if ('ids' in m) p.resolve(m.ids);
      else p.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
    });
    w.on('error', (err) => {
      if (worker === w) failAll(err);
    });
    w.on('exit', (code) => {
      if (worker === w) failAll(new Error(`sample writer exited (${code})`));
    });
    return w;
  };

  return {
    write(roomId: string, groups: TSeriesGroup[]): Promise<number[]> {
      let total = 0;
      for (const g of groups) total += g.times.length;
      const times = new Float64Array(total);
      const values = new Float64Array(total);
      let at = 0;
      for (const g of groups) {
        times.set(g.times, at);
        values.set(g.values, at);
        at += g.times.length;
      }
      const req: TWriteRequest = {
        id: next++,
        roomId,
        series: groups.map((g) => ({
          name: g.name,
          labelsKey: g.labelsKey,
          latestTime: g.latestTime,
          latestValue: g.latestValue,
          count: g.times.length,
        })),
        times,
        values,
      };
      worker ??= start();
      const w = worker;
      const done = new Promise<number[]>((resolve, reject) => {
        pending.set(req.id, { resolve, reject });
        w.ref();
        w.postMessage(req, [times.buffer, values.buffer]);
      });
      const tracked = done.catch(() => {}).finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      return done;
    },
    /** Lets the batches already sent finish (their callers may be answering 202), then stops the thread. */
    async close() {
      await Promise.all([...inFlight]);
      const w = worker;
      worker = null;
      if (w) await w.terminate();
      failAll(new Error('sample store closed'));
    },
  };
}

/**
 * SQLite sample store. Batches are written by a worker thread on its own
 * connection (createWorkerWriter); reads run here on a second connection.
 * An in-memory database cannot be shared between connections, so there the
 * writer runs in this thread, never waiting for a lock (busy_timeout 0 would
 * block the event loop Prisma's connection needs to finish its transaction):
 * a busy database is retried asynchronously instead.
 */
export function createSqliteSampleStore(path: string): SampleStore {
  const db = new Database(path, { timeout: 0 });
  db.pragma('journal_mode = WAL');
  const range = db.prepare<[number, number, number], { time: number; value: number }>(
    'SELECT "time", "value" FROM "MetricSample" WHERE "seriesId" = ? AND "time" >= ? AND "time" <= ? ORDER BY "time"',
  );
  const deleteSamples = db.prepare<[number, number, number]>(
    'DELETE FROM "MetricSample" WHERE "seriesId" = ? AND "time" >= ? AND "time" <= ?',
  );
  const resetLatest = db.prepare<[number, number, number]>(
    `UPDATE "MetricSeries" SET
       "latestValue" = (SELECT "value" FROM "MetricSample" WHERE "seriesId" = ? ORDER BY "time" DESC LIMIT 1),
       "latestTime" = (SELECT "time" FROM "MetricSample" WHERE "seriesId" = ? ORDER BY "time" DESC LIMIT 1)
     WHERE "id" = ?`,
  );
  // A correction (DELETE of a range) is rare: it runs here, retried while the writer holds the lock.
  const remove = db.transaction((ids: number[], fromMs: number, toMs: number): number => {
    let n = 0;
    for (const id of ids) {
      n += deleteSamples.run(id, fromMs, toMs).changes;
      resetLatest.run(id, id, id);
    }
    return n;
  });
  const inWorker = path !== ':memory:';
  const worker = inWorker ? createWorkerWriter(path) : null;
  const local = inWorker ? null : openSampleWriter(path, { busyTimeoutMs: 0 });

  const writeHere = async (roomId: string, groups: TSeriesGroup[]): Promise<number[]> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return local!.write(roomId, groups);
      } catch (err) {
        const busy = (err as { code?: string }).code === 'SQLITE_BUSY';
        if (!busy || attempt >= 50) throw err;
        await new Promise((r) => setTimeout(r, 5 + attempt * 5));
      }
    }
  };

  const insertGroups = async (roomId: string, groups: TSeriesGroup[]): Promise<TSeriesChange[]> => {
    const ids = worker ? await worker.write(roomId, groups) : await writeHere(roomId, groups);
    const changes: TSeriesChange[] = new Array(groups.length);
    for (let j = 0; j < groups.length; j++) changes[j] = toChange(ids[j]!, groups[j]!);
    return changes;
  };

  return {
    insertGroups,
    insertBatch: (roomId, rows) => insertGroups(roomId, groupBySeries(rows)),
    async deleteRange(ids, fromMs, toMs) {
      for (let attempt = 0; ; attempt++) {
        try {
          return remove.immediate(ids, fromMs, toMs);
        } catch (err) {
          if ((err as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= 50) throw err;
          await new Promise((r) => setTimeout(r, 5 + attempt * 5));
        }
      }
    },
    async readRange(seriesId, fromMs, toMs) {
      return range.all(seriesId, fromMs, toMs).map((r) => [r.time, r.value] as [number, number]);
    },
    async close() {
      await worker?.close();
      local?.close();
      db.close();
    },
  };
}
