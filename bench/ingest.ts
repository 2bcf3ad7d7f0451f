/**
 * Ingest benchmark (issues 2, 27): end-to-end HTTP ingest against the
 * production server with a socket.io screen connected, compared in the same
 * process with the raw driver inserting the same rows — better-sqlite3
 * prepared statements on SQLite, unnest() arrays on PostgreSQL — and Prisma's
 * createMany for context.
 *
 *   npx tsx bench/ingest.ts [--seconds 15] [--db sqlite|postgres] [--rules 50] [--concurrency 2] [--cpu-prof DIR]
 *
 * With --rules N (default 50), N alert rules watch the very series the batches
 * carry (issue 11: evaluated as points arrive). `--cpu-prof DIR` has the
 * server write a V8 CPU profile there when it stops.
 *
 * Bodies are made just in time from ready-made templates (a few
 * milliseconds a batch; the time is printed), never hundreds ahead: a blocked event loop let the
 * server close idle keep-alive sockets the client then wrote to (EPIPE).
 * Requests go through node:http with a keep-alive agent; one sent on a reused
 * socket the server had already closed (nothing read: no answer began) is
 * sent again once, as Node's documentation advises.
 *
 * Loopback only; every loop is bounded by count and time.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { io } from 'socket.io-client';
import { buildIfNeeded } from '../scripts/build-if-needed';
import { createThrowawayDatabase, startServer } from '../tests/helpers/server';
import { migratePostgres, migrateSqlite, readMigrations } from '../server/db/migrate';
import { openDatabase } from '../server/db/client';
import type { TMetricsUpdate } from '../lib/events';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] && !args[i + 1]!.startsWith('--') ? args[i + 1]! : dflt;
};
const SECONDS = Number(arg('seconds', '15'));
const DB = arg('db', 'sqlite') as 'sqlite' | 'postgres';
/** producers sending at once: a fleet of pushers, not one request at a time */
const CONCURRENCY = Number(arg('concurrency', '2'));
const BATCH = 10_000;
const SERIES = 50; // 50 series × 200 instants per batch
const PER = BATCH / SERIES;
const MAX_BATCHES = 5_000;
/** alert rules active during the run, on the series the batches write */
const RULES = Number(arg('rules', '50'));
/** --cpu-prof DIR: the server writes a V8 CPU profile there when it stops (open in Chrome DevTools) */
const PROFILE_DIR = args.includes('--cpu-prof') ? arg('cpu-prof', '/tmp/warroom-prof') : null;

type TPoint = { name: string; value: number; time: number; labels?: Record<string, string> };

/** Point i of a batch: its series (name, labels) and its instant within the batch. */
function pointShape(i: number): { name: string; labels?: Record<string, string>; k: number } {
  const s = Math.floor(i / PER);
  const k = i % PER;
  if (s < SERIES - 1) return { name: s % 2 ? 'cpu_ratio' : 'mem_ratio', labels: { server: `web-${s}` }, k };
  // The marker, last: its value tells the screen which batch a push carries.
  return { name: k === PER - 1 ? 'bench_batch' : 'users_total', k };
}
const SHAPES = Array.from({ length: BATCH }, (_, i) => pointShape(i));
const timeOf = (batchNo: number, t0: number, k: number) => t0 + batchNo * PER + k;
function pointValue(batchNo: number, shape: (typeof SHAPES)[number]): number {
  if (shape.name === 'bench_batch') return batchNo;
  if (shape.name === 'users_total') return 1_000_000 + batchNo * PER + shape.k;
  return Math.random();
}

function makeBatch(batchNo: number, t0: number): TPoint[] {
  return SHAPES.map((sh) => ({
    name: sh.name,
    ...(sh.labels ? { labels: sh.labels } : {}),
    value: pointValue(batchNo, sh),
    time: timeOf(batchNo, t0, sh.k),
  }));
}

/**
 * Bodies are made by patching numbers into ready-made templates: a copy of a
 * megabyte and 10,000 times written as digits, a fraction of what building
 * and stringifying the points costs, so the client leaves the shared CPU to
 * the server. The integers that change per
 * batch (times, the headline's value, the marker) sit in fixed-width slots,
 * right-aligned after spaces (JSON allows whitespace before a value); the
 * labelled series' random values rotate between a few templates.
 */
const SLOT = 16;
interface TTemplate {
  buf: Buffer;
  /** per point: where its time slot starts, and its value slot when the value is computed (else -1) */
  timeAt: Int32Array;
  valueAt: Int32Array;
}
function makeTemplate(): TTemplate {
  const timeAt = new Int32Array(BATCH);
  const valueAt = new Int32Array(BATCH).fill(-1);
  let s = '{"points":[';
  for (let i = 0; i < BATCH; i++) {
    const sh = SHAPES[i]!;
    s += `${i ? ',' : ''}${JSON.stringify({ name: sh.name, ...(sh.labels ? { labels: sh.labels } : {}) }).slice(0, -1)},"value":`;
    if (sh.labels) s += String(Math.random());
    else {
      valueAt[i] = s.length;
      s += ' '.repeat(SLOT);
    }
    s += ',"time":';
    timeAt[i] = s.length;
    s += `${' '.repeat(SLOT)}}`;
  }
  return { buf: Buffer.from(`${s}]}`, 'latin1'), timeAt, valueAt };
}
const TEMPLATES = Array.from({ length: 8 }, makeTemplate);

/** A non-negative integer right-aligned in a slot of SLOT bytes. */
function writeInt(buf: Buffer, at: number, n: number) {
  let p = at + SLOT - 1;
  do {
    buf[p--] = 48 + (n % 10);
    n = Math.floor(n / 10);
  } while (n > 0);
}

/** The points of makeBatch (with other random values), as the request body. */
function makeBody(batchNo: number, t0: number): Buffer {
  const t = TEMPLATES[batchNo % TEMPLATES.length]!;
  const buf = Buffer.from(t.buf);
  for (let i = 0; i < BATCH; i++) {
    const sh = SHAPES[i]!;
    writeInt(buf, t.timeAt[i]!, timeOf(batchNo, t0, sh.k));
    if (t.valueAt[i]! >= 0) writeInt(buf, t.valueAt[i]!, pointValue(batchNo, sh));
  }
  return buf;
}

function pct(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * The raw driver inserting exactly the batches the server accepted, into a
 * fresh database with the same schema: the same rows and the same table
 * growth. Only the inserts are timed, not making the rows: better-sqlite3
 * prepared statements, one transaction per batch.
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
  const tx = db.transaction((pts: TPoint[]) => {
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

/**
 * The raw pg driver, the PostgreSQL way to insert many rows: per batch one
 * transaction with one INSERT … SELECT FROM unnest() of three arrays (series
 * created once, ids cached), into a fresh database with the same schema.
 * Timed from making the arrays to COMMIT.
 */
async function rawPostgresRate(count: number, t0: number): Promise<number> {
  const throwaway = await createThrowawayDatabase('postgres');
  const pool = new pg.Pool({ connectionString: throwaway.url, max: 1 });
  try {
    await migratePostgres(pool, readMigrations(join(process.cwd(), 'prisma/migrations'), 'postgresql'));
    const client = await pool.connect();
    try {
      await client.query(`INSERT INTO "Room" ("id","slug","name","createdAt","updatedAt") VALUES ('r','r','r',now(),now())`);
      const ids = new Map<string, number>();
      let n = 0;
      let ms = 0;
      for (let i = 0; i < count; i++) {
        const b = makeBatch(i, t0);
        const start = performance.now();
        await client.query('BEGIN');
        const seriesIds: number[] = new Array(b.length);
        const times: string[] = new Array(b.length);
        const values: number[] = new Array(b.length);
        for (let j = 0; j < b.length; j++) {
          const p = b[j]!;
          const labelsKey = p.labels ? JSON.stringify(p.labels) : '';
          const key = `${p.name}\u0000${labelsKey}`;
          let id = ids.get(key);
          if (id === undefined) {
            const { rows } = await client.query<{ id: number }>(
              `INSERT INTO "MetricSeries" ("roomId","name","labelsKey") VALUES ('r',$1,$2) RETURNING "id"`,
              [p.name, labelsKey],
            );
            id = rows[0]!.id;
            ids.set(key, id);
          }
          seriesIds[j] = id;
          times[j] = new Date(p.time).toISOString();
          values[j] = p.value;
        }
        await client.query(
          `INSERT INTO "MetricSample" ("seriesId","time","value") SELECT * FROM unnest($1::int[], $2::timestamp(3)[], $3::float8[])`,
          [seriesIds, times, values],
        );
        await client.query('COMMIT');
        ms += performance.now() - start;
        n += b.length;
      }
      return n / (ms / 1000);
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
    await throwaway.drop();
  }
}

/** Prisma createMany of the same samples (series created first), for the record. */
async function prismaRate(batches: TPoint[][]): Promise<number> {
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

/**
 * POSTs a body on a keep-alive socket. A request on a reused socket that the
 * server closed in between fails before any answer began (ECONNRESET/EPIPE):
 * the server read nothing, so it is sent once more on a fresh socket.
 */
function post(
  agent: http.Agent,
  url: URL,
  headers: Record<string, string>,
  body: Buffer,
  retried = false,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (req.reusedSocket && !retried && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) {
        resolve(post(agent, url, headers, body, true));
      } else reject(err);
    });
    req.end(body);
  });
}

async function main() {
  buildIfNeeded();
  const loadBefore = load();
  const server = await startServer({ db: DB, nodeFlags: PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [] });
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
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const url = new URL('/api/v1/metrics', server.url);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
    const start = performance.now();
    const deadline = start + SECONDS * 1000;
    let accepted = 0;
    let bodyMs = 0;
    let i = 0;
    const producer = async () => {
      while (performance.now() < deadline && i < MAX_BATCHES) {
        const n = i++;
        const made = performance.now();
        const body = makeBody(n, t0);
        bodyMs += performance.now() - made;
        const res = await post(agent, url, headers, body);
        if (res.status !== 202) {
          throw new Error(`batch ${n}: ${res.status} ${res.text.slice(0, 500)}\nserver log:\n${server.logs().slice(-3000)}`);
        }
        acked.set(n, performance.now());
        accepted += (JSON.parse(res.text) as { accepted?: number }).accepted ?? 0;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, producer));
    const elapsed = (performance.now() - start) / 1000;
    const loadDuring = load();
    agent.destroy();
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
    const raw = DB === 'postgres' ? await rawPostgresRate(acked.size, t0) : rawSqliteRate(acked.size, t0);
    const rawName =
      DB === 'postgres'
        ? 'raw pg, INSERT … SELECT FROM unnest() of three arrays, one transaction per batch'
        : 'raw better-sqlite3, prepared statements, one transaction per batch';
    const orm = await prismaRate(Array.from({ length: 2 }, (_, b) => makeBatch(b, t0)));
    console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), node ${process.version}, database ${DB}`);
    console.log(`load average (1, 5, 15 min): ${loadBefore} before, ${loadDuring} at the end of the run, ${load()} after the raw driver`);
    console.log(
      `batches: ${acked.size} × ${BATCH} points from ${CONCURRENCY} concurrent producers in ${elapsed.toFixed(1)} s, ${pushes} pushes to the screen (bodies made in ${(bodyMs / Math.max(1, acked.size)).toFixed(1)} ms each)`,
    );
    console.log(`end-to-end HTTP ingest with ${RULES} alert rules active: ${fmt(e2e)} points/s`);
    console.log(`${rawName}, the same ${acked.size} batches: ${fmt(raw)} points/s`);
    console.log(`ratio end-to-end / raw driver: ${(e2e / raw).toFixed(2)}× (${((e2e / raw) * 100).toFixed(0)} %)`);
    console.log(`Prisma createMany on SQLite, 2 batches (not used on the hot path): ${fmt(orm)} points/s`);
    console.log(
      `202 → push delay over ${delays.length} batches: p50 ${pct(delays, 50).toFixed(0)} ms, p99 ${pct(delays, 99).toFixed(0)} ms, max ${(delays[delays.length - 1] ?? NaN).toFixed(0)} ms`,
    );
  } finally {
    await server.stop();
    if (PROFILE_DIR) console.log(`server CPU profile written to ${PROFILE_DIR}`);
  }
}

await main();
