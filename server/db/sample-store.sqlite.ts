import Database from 'better-sqlite3';
import { groupBySeries, toChange, type SampleStore, type TSampleRow, type TSeriesChange } from './sample-store';

/**
 * SQLite sample store on its own better-sqlite3 connection: prepared
 * statements in one synchronous transaction. busy_timeout stays 0 — waiting
 * would block the event loop that Prisma's connection needs to finish its own
 * transaction — and a busy database is retried asynchronously instead.
 */
export function createSqliteSampleStore(path: string): SampleStore {
  const db = new Database(path, { timeout: 0 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');

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
  const remove = db.transaction((ids: number[], fromMs: number, toMs: number): number => {
    let n = 0;
    for (const id of ids) {
      n += deleteSamples.run(id, fromMs, toMs).changes;
      resetLatest.run(id, id, id);
    }
    return n;
  });

  // Series ids never change once created, so a process-wide cache is safe.
  const seriesIds = new Map<string, number>();

  const write = db.transaction((roomId: string, rows: TSampleRow[]): TSeriesChange[] => {
    const changes: TSeriesChange[] = [];
    const now = Date.now();
    for (const g of groupBySeries(rows)) {
      const cacheKey = `${roomId}\u0000${g.name}\u0000${g.labelsKey}`;
      let id = seriesIds.get(cacheKey);
      if (id === undefined) {
        createSeries.run(roomId, g.name, g.labelsKey, now);
        id = findSeries.get(roomId, g.name, g.labelsKey)!.id;
        seriesIds.set(cacheKey, id);
      }
      // In batch order: a repeated time is upserted again, so the later write wins.
      const { times, values } = g;
      for (let i = 0; i < times.length; i++) insertSample.run(id, times[i]!, values[i]!);
      updateLatest.run(g.latestValue, g.latestTime, id, g.latestTime);
      changes.push(toChange(id, g));
    }
    return changes;
  });

  return {
    async insertBatch(roomId, rows) {
      for (let attempt = 0; ; attempt++) {
        try {
          return write.immediate(roomId, rows);
        } catch (err) {
          const busy = (err as { code?: string }).code === 'SQLITE_BUSY';
          if (!busy || attempt >= 50) throw err;
          await new Promise((r) => setTimeout(r, 5 + attempt * 5));
        }
      }
    },
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
      db.close();
    },
  };
}
