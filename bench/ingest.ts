/**
 * Ingest benchmark (issue 2): end-to-end HTTP ingest against the production
 * server with a socket.io screen connected, compared in the same process with
 * the raw driver inserting the same rows, and Prisma's createMany for context.
 *
 *   npx tsx bench/ingest.ts [--seconds 15] [--db sqlite|postgres] [--rules 50]
 *
 * With --rules N (default 50), N alert rules watch the very series the batches
 * carry (issue 11: evaluated as points arrive; the target is ≥ 0.5× the raw driver).
 *
 * Loopback only; every loop is bounded by count and time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { io } from 'socket.io-client';
import { buildIfNeeded } from '../scripts/build-if-needed';
import { startServer } from '../tests/helpers/server';
import { migrateSqlite, readMigrations } from '../server/db/migrate';
import { openDatabase } from '../server/db/client';
import type { TMetricsUpdate } from '../lib/events';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const SECONDS = Number(arg('seconds', '15'));
const DB = arg('db', 'sqlite') as 'sqlite' | 'postgres';
/** producers sending at once: a fleet of pushers, not one request at a time */
const CONCURRENCY = Number(arg('concurrency', '2'));
const BATCH = 10_000;
const SERIES = 50; // 50 series × 200 instants per batch
const MAX_BATCHES = 2_000;
/** alert rules active during the run, on the series the batches write */
const RULES = Number(arg('rules', '50'));

function makeBatch(batchNo: number, t0: number) {
  const points: { name: string; value: number; time: number; labels?: Record<string, string> }[] = [];
  const per = BATCH / SERIES;
  for (let s = 0; s < SERIES - 1; s++) {
    for (let k = 0; k < per; k++) {
      points.push({
        name: s % 2 ? 'cpu_ratio' : 'mem_ratio',
        labels: { server: `web-${s}` },
        value: Math.random(),
        time: t0 + batchNo * per + k,
      });
    }
  }
  for (let k = 0; k < per - 1; k++)
    points.push({ name: 'users_total', value: 1_000_000 + batchNo * per + k, time: t0 + batchNo * per + k });
  // The marker: its value tells the screen which batch a push carries.
  points.push({ name: 'bench_batch', value: batchNo, time: t0 + batchNo * per + per - 1 });
  return points;
}

function pct(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The raw driver: better-sqlite3 prepared statements, one transaction per batch, same schema. */
/**
 * The raw driver inserting exactly the batches the server accepted, into a
 * fresh database with the same schema: the same rows and the same table
 * growth. Only the inserts are timed, not making the rows.
 */
function rawSqliteRate(count: number, t0: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-bench-'));
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrateSqlite(db, readMigrations(join(process.cwd(), 'prisma/migrations'), 'sqlite'));
  db.prepare(`INSERT INTO "Room" ("id","slug","name","createdAt","updatedAt") VALUES ('r','r','r',0,0)`).run();
  const ids = new Map<string, number>();
  const newSeries = db.prepare('INSERT INTO "MetricSeries" ("roomId","name","labelsKey","createdAt") VALUES (?,?,?,0)');
  const ins = db.prepare('INSERT INTO "MetricSample" ("seriesId","time","value") VALUES (?,?,?)');
  const tx = db.transaction((pts: ReturnType<typeof makeBatch>) => {
    for (const p of pts) {
      const key = p.name + (p.labels ? JSON.stringify(p.labels) : '');
      let id = ids.get(key);
      if (id === undefined) {
        id = Number(newSeries.run('r', p.name, p.labels ? JSON.stringify(p.labels) : '').lastInsertRowid);
        ids.set(key, id);
      }
      ins.run(id, p.time, p.value);
    }
  });
  let n = 0;
  let ms = 0;
  for (let i = 0; i < count; i++) {
    const b = makeBatch(i, t0);
    const start = performance.now();
    tx(b);
    ms += performance.now() - start;
    n += b.length;
  }
  const rate = n / (ms / 1000);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return rate;
}

/** Prisma createMany of the same samples (series created first), for the record. */
async function prismaRate(batches: ReturnType<typeof makeBatch>[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-bench-'));
  const db = await openDatabase(`file:${join(dir, 'prisma.db')}`);
  const room = await db.prisma.room.create({ data: { slug: 'b', name: 'b' } });
  const ids = new Map<string, number>();
  const start = performance.now();
  let n = 0;
  for (const b of batches) {
    const data = [];
    for (const p of b) {
      const key = p.name + (p.labels ? JSON.stringify(p.labels) : '');
      let id = ids.get(key);
      if (id === undefined) {
        id = (
          await db.prisma.metricSeries.create({
            data: { roomId: room.id, name: p.name, labelsKey: p.labels ? JSON.stringify(p.labels) : '' },
          })
        ).id;
        ids.set(key, id);
      }
      data.push({ seriesId: id, time: new Date(p.time), value: p.value });
    }
    await db.prisma.metricSample.createMany({ data });
    n += b.length;
  }
  const rate = n / ((performance.now() - start) / 1000);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  return rate;
}

async function main() {
  buildIfNeeded();
  const server = await startServer({ db: DB });
  try {
    const key = await server.createIngestKey();
    const display = await server.createDisplayLink();
    const lead = await server.createUser('lead');
    for (let r = 0; r < RULES; r++) {
      // Mostly per-server rules on cpu/mem (what an ops team writes), one on the headline.
      const body =
        r === RULES - 1
          ? { name: `bench rule ${r}`, series: 'users_total', when: 'below', threshold: 0, forSeconds: 60 }
          : {
              name: `bench rule ${r}`,
              series: r % 2 ? 'cpu_ratio' : 'mem_ratio',
              labels: { server: `web-${r % (SERIES - 1)}` },
              when: 'above',
              threshold: 0.995,
              forSeconds: 60,
            };
      const res = await fetch(`${server.url}/api/v1/rooms/launch/rules`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${lead.token}` },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`rule ${r}: ${res.status} ${await res.text()}`);
    }
    const socket = io(server.url, { path: '/socket.io', transports: ['websocket'], auth: { token: display }, reconnection: false });
    await new Promise<void>((r, j) => {
      socket.once('connect', () => r());
      socket.once('connect_error', j);
    });
    await new Promise<void>((r) => socket.emit('room:join', {}, () => r()));

    const acked = new Map<number, number>(); // batch → time of its 202
    const delivered = new Map<number, number>(); // batch → time its push arrived
    let pushes = 0;
    socket.on('metrics:update', (u: TMetricsUpdate) => {
      pushes++;
      const m = u.latest.find((l) => l.name === 'bench_batch');
      if (m && !delivered.has(m.value)) delivered.set(m.value, performance.now());
    });

    const t0 = Date.now() - 10 * 24 * 3600_000;
    // Bodies are made before the clock starts: the figure is the server's, not the client's JSON.stringify.
    const bodies: string[] = [];
    const batches: ReturnType<typeof makeBatch>[] = [];
    const prepared = Math.min(MAX_BATCHES, Math.ceil(SECONDS * 40));
    for (let i = 0; i < prepared; i++) {
      const b = makeBatch(i, t0);
      if (i < 30) batches.push(b);
      bodies.push(JSON.stringify({ points: b }));
    }

    const start = performance.now();
    const deadline = start + SECONDS * 1000;
    let accepted = 0;
    let i = 0;
    const producer = async () => {
      while (performance.now() < deadline && i < bodies.length) {
        const n = i++;
        const res = await fetch(`${server.url}/api/v1/metrics`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: bodies[n],
        });
        const body = (await res.json()) as { accepted?: number };
        if (res.status !== 202) throw new Error(`batch ${n}: ${res.status} ${JSON.stringify(body)}`);
        acked.set(n, performance.now());
        accepted += body.accepted ?? 0;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, producer));
    const elapsed = (performance.now() - start) / 1000;
    await new Promise((r) => setTimeout(r, 1500));
    socket.disconnect();

    // A push carries the newest batch; earlier batches it covers count as delivered then too.
    const delays: number[] = [];
    const deliveredSorted = [...delivered.entries()].sort((a, b) => a[0] - b[0]);
    for (const [batch, ackAt] of acked) {
      const d = deliveredSorted.find(([b]) => b >= batch);
      if (d) delays.push(Math.max(0, d[1] - ackAt));
    }
    delays.sort((a, b) => a - b);

    const e2e = accepted / elapsed;
    const raw = rawSqliteRate(acked.size, t0);
    const orm = await prismaRate(batches.slice(0, 10));
    console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), node ${process.version}, database ${DB}`);
    console.log(
      `batches: ${acked.size} × ${BATCH} points from ${CONCURRENCY} concurrent producers in ${elapsed.toFixed(1)} s, ${pushes} pushes to the screen`,
    );
    console.log(`end-to-end HTTP ingest with ${RULES} alert rules active: ${Math.round(e2e).toLocaleString('en-US')} points/s`);
    console.log(
      `raw better-sqlite3, the same ${acked.size} batches (prepared statements, one transaction per batch): ${Math.round(raw).toLocaleString('en-US')} points/s`,
    );
    console.log(`ratio end-to-end / raw driver: ${((e2e / raw) * 100).toFixed(0)} %`);
    console.log(
      `Prisma createMany, same rows (not used on the hot path): ${Math.round(orm).toLocaleString('en-US')} points/s (${((orm / raw) * 100).toFixed(0)} % of raw)`,
    );
    console.log(
      `202 → push delay over ${delays.length} batches: p50 ${pct(delays, 50).toFixed(0)} ms, p99 ${pct(delays, 99).toFixed(0)} ms, max ${(delays[delays.length - 1] ?? NaN).toFixed(0)} ms`,
    );
  } finally {
    await server.stop();
  }
}

await main();
