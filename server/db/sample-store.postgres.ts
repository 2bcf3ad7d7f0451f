import type pg from 'pg';
import { groupBySeries, sortedPoints, toChange, type SampleStore, type TSeriesChange, type TSeriesGroup } from './sample-store';

/**
 * PostgreSQL sample store on the pg pool Prisma also uses: one round trip per
 * statement kind, arrays passed through unnest() instead of one row per query.
 */
function createStore(pool: pg.Pool): SampleStore {
  const seriesIds = new Map<string, number>();

  return {
    insertBatch(roomId, rows) {
      return this.insertGroups(roomId, groupBySeries(rows));
    },
    async insertGroups(roomId, groups) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const keyOf = (g: TSeriesGroup) => `${roomId}\u0000${g.name}\u0000${g.labelsKey}`;
        const missing = groups.filter((g) => !seriesIds.has(keyOf(g)));
        if (missing.length) {
          const names = missing.map((g) => g.name);
          const keys = missing.map((g) => g.labelsKey);
          await client.query(
            `INSERT INTO "MetricSeries" ("roomId", "name", "labelsKey")
             SELECT $1, n, k FROM unnest($2::text[], $3::text[]) AS t(n, k)
             ON CONFLICT ("roomId", "name", "labelsKey") DO NOTHING`,
            [roomId, names, keys],
          );
          const { rows: found } = await client.query<{ id: number; name: string; labelsKey: string }>(
            `SELECT s."id", s."name", s."labelsKey" FROM "MetricSeries" s
             JOIN unnest($2::text[], $3::text[]) AS t(n, k) ON s."name" = t.n AND s."labelsKey" = t.k
             WHERE s."roomId" = $1`,
            [roomId, names, keys],
          );
          for (const f of found) seriesIds.set(`${roomId}\u0000${f.name}\u0000${f.labelsKey}`, f.id);
        }
        const ids: number[] = [];
        const times: string[] = [];
        const values: number[] = [];
        const changes: TSeriesChange[] = [];
        for (const g of groups) {
          const id = seriesIds.get(keyOf(g))!;
          // One row per (series, time): ON CONFLICT cannot touch a row twice in one statement.
          for (const [t, v] of sortedPoints(g)) {
            ids.push(id);
            times.push(new Date(t).toISOString());
            values.push(v);
          }
          changes.push(toChange(id, g));
        }
        // Prisma stores DateTime as timestamp(3) holding UTC; the ISO text's Z is dropped by the cast.
        await client.query(
          `INSERT INTO "MetricSample" ("seriesId", "time", "value")
           SELECT * FROM unnest($1::int[], $2::timestamp(3)[], $3::float8[])
           ON CONFLICT ("seriesId", "time") DO UPDATE SET "value" = excluded."value"`,
          [ids, times, values],
        );
        await client.query(
          `UPDATE "MetricSeries" s SET "latestValue" = u.v, "latestTime" = u.t
           FROM unnest($1::int[], $2::timestamp(3)[], $3::float8[]) AS u(id, t, v)
           WHERE s."id" = u.id AND (s."latestTime" IS NULL OR s."latestTime" <= u.t)`,
          [changes.map((c) => c.seriesId), changes.map((c) => new Date(c.latestTime).toISOString()), changes.map((c) => c.latestValue)],
        );
        await client.query('COMMIT');
        return changes;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async readRange(seriesId, fromMs, toMs) {
      const { rows } = await pool.query<{ t: string; value: number }>(
        `SELECT (extract(epoch from "time") * 1000)::float8 AS t, "value" FROM "MetricSample"
         WHERE "seriesId" = $1 AND "time" >= $2::timestamp(3) AND "time" <= $3::timestamp(3) ORDER BY "time"`,
        [seriesId, new Date(fromMs).toISOString(), new Date(toMs).toISOString()],
      );
      return rows.map((r) => [Number(r.t), r.value] as [number, number]);
    },
    async close() {},
  };
}

/**
 * Concurrent batches touching the same series can deadlock; PostgreSQL then
 * aborts one transaction whole, which is safe to run again.
 */
export function createPostgresSampleStore(pool: pg.Pool): SampleStore {
  const store = createStore(pool);
  return {
    ...store,
    insertBatch(roomId, rows) {
      return this.insertGroups(roomId, groupBySeries(rows));
    },
    async insertGroups(roomId, groups) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await store.insertGroups(roomId, groups);
        } catch (err) {
          const code = (err as { code?: string }).code;
          if ((code !== '40P01' && code !== '40001') || attempt >= 3) throw err;
        }
      }
    },
  };
}
