/**
 * Faults under load (issue 16): PostgreSQL dropping every connection, and
 * Redis dying and coming back between two processes, while keyed incident
 * posts and metric batches are being sent. Writers retry what was not
 * acknowledged with the same Idempotency-Key. Nothing acknowledged may be
 * lost or doubled, the processes stay up, and screens (socket.io clients
 * that reconnect and catch up by `afterSeq`, as the app's screens do) end up
 * with every entry. The shared PostgreSQL cluster and Redis are never
 * restarted: PostgreSQL's connections to the throwaway database are
 * terminated, and Redis is a throwaway redis-server on a free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../scripts/free-port';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, PG_ADMIN_URL, startServer, type TTestServer } from '../helpers/server';
import type { TIncidentEntryDto } from '../../lib/api/incident-timeline';
import type { TAck } from '../../lib/errors';

const WRITES = 40;
const CONCURRENCY = 4;
/** A writer retries an unacknowledged write this often, 150 ms apart, before giving up. */
const ATTEMPTS = 60;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A screen: follows a room's incident entries and, like the app, catches up by afterSeq on every (re)connect. */
function screen(url: string, token: string) {
  const seen = new Map<string, TIncidentEntryDto>();
  let lastSeq = 0;
  let connects = 0;
  const s: Socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { token },
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
  });
  const take = (entries: TIncidentEntryDto[] = []) => {
    for (const e of entries) {
      seen.set(e.id, e);
      lastSeq = Math.max(lastSeq, e.seq);
    }
  };
  s.on('connect', () => {
    connects++;
    subscribe();
  });
  const subscribe = () =>
    s.emit('incidents:subscribe', { afterSeq: lastSeq }, (r: TAck<{ entries: TIncidentEntryDto[] }>) => r.ok && take(r.data.entries));
  s.on('incident:changed', (p: { entries?: TIncidentEntryDto[] }) => {
    // As lib/client/use-incidents.ts: a push past a hole in the seq keeps the cursor and catches up.
    const first = (p.entries ?? []).reduce((m, e) => Math.min(m, e.seq), Infinity);
    if (first !== Infinity && first > lastSeq + 1) {
      for (const e of p.entries ?? []) seen.set(e.id, e);
      subscribe();
    } else take(p.entries);
  });
  return {
    socket: s,
    seen,
    connects: () => connects,
    /** waits (bounded) until every body is on the screen */
    async waitFor(bodies: string[], withinMs: number): Promise<string[]> {
      const deadline = Date.now() + withinMs;
      for (;;) {
        const have = new Set([...seen.values()].map((e) => e.body));
        const missing = bodies.filter((b) => !have.has(b));
        if (missing.length === 0 || Date.now() > deadline) return missing;
        await sleep(100);
      }
    },
  };
}

/**
 * Sends WRITES keyed posts and metric batches, CONCURRENCY at a time, calling
 * `fault` once a third are acknowledged. Answers what was acknowledged.
 */
async function load(opts: {
  writeTo: () => TTestServer;
  token: string;
  ingestKey: string;
  incidentId: string;
  tag: string;
  fault: () => Promise<void>;
}) {
  const acked: string[] = [];
  // Keys of this run only: a retried test does not meet the keys of the attempt before it.
  const run = Math.random().toString(36).slice(2, 8);
  let lastCounter = -1;
  let next = 0;
  let faulted: Promise<void> | null = null;
  const worker = async () => {
    while (next < WRITES) {
      const i = next++;
      const body = `${opts.tag} write ${i}`;
      let ok = false;
      for (let a = 0; a < ATTEMPTS && !ok; a++) {
        let wait = 150;
        try {
          const r = await api(opts.writeTo(), 'POST', `/api/v1/incidents/${opts.incidentId}/updates`, {
            token: opts.token,
            body: { body },
            headers: { 'idempotency-key': `${opts.tag}-${run}-${i}` },
          });
          ok = r.status === 201;
          // A key still held by a request the fault cut short: wait as the server says, as a client should.
          if (r.status === 409) wait = Math.max(wait, Number(r.headers.get('retry-after') ?? 0) * 1000);
        } catch {
          ok = false;
        }
        if (!ok) await sleep(wait);
      }
      if (!ok) throw new Error(`${body} was never acknowledged`);
      acked.push(body);
      for (let a = 0; a < ATTEMPTS; a++) {
        const m = await api(opts.writeTo(), 'POST', '/api/v1/metrics', {
          token: opts.ingestKey,
          body: { points: [{ name: `${opts.tag}_counter`, value: i, time: 1_700_000_000_000 + i }] },
        }).catch(() => null);
        if (m?.status === 202) {
          lastCounter = Math.max(lastCounter, i);
          break;
        }
        await sleep(150);
      }
      if (!faulted && acked.length >= WRITES / 3) faulted = opts.fault();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await faulted;
  return { acked, lastCounter };
}

async function checkStored(server: TTestServer, incidentId: string, acked: string[]) {
  const rows = await server.ctx.prisma.incidentEntry.findMany({ where: { incidentId, kind: 'post' }, select: { body: true } });
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.body ?? '', (counts.get(r.body ?? '') ?? 0) + 1);
  for (const b of acked) expect(counts.get(b), b).toBe(1);
}

describe('PostgreSQL dropping every connection mid-load', () => {
  let server: TTestServer;

  beforeAll(async () => {
    server = await startServer({ db: 'postgres' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('nothing acknowledged is lost or doubled, and a screen ends with every entry', { timeout: 120_000 }, async () => {
    const engineer = await server.createUser('engineer');
    const viewer = await server.createUser('viewer');
    const ingestKey = await server.createIngestKey();
    const incident = await api(server, 'POST', '/api/v1/incidents', {
      token: engineer.token,
      body: { title: 'PG fault', severity: 'SEV2' },
    });
    const tv = screen(server.url, await server.createDisplayLink());
    await sleep(300);
    let terminated = 0;
    const { acked, lastCounter } = await load({
      writeTo: () => server,
      token: engineer.token,
      ingestKey,
      incidentId: incident.body.id,
      tag: 'pg',
      fault: async () => {
        for (let round = 0; round < 3; round++) {
          const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
          await admin.connect();
          const r = await admin.query(
            'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
            [new URL(server.databaseUrl).pathname.slice(1)],
          );
          terminated += r.rowCount ?? 0;
          await admin.end();
          await sleep(100);
        }
      },
    });
    expect(terminated).toBeGreaterThan(0);
    expect(server.proc.exitCode).toBeNull();
    expect(acked).toHaveLength(WRITES);
    await checkStored(server, incident.body.id, acked);
    const latest = await api(server, 'GET', '/api/v1/metrics/latest', { token: viewer.token });
    expect(latest.body.series.find((s: { name: string }) => s.name === 'pg_counter')?.value).toBe(lastCounter);
    expect(await tv.waitFor(acked, 15_000)).toEqual([]);
    tv.socket.close();
  });
});

function startRedis(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    p.stdout!.on('data', (c: Buffer) => {
      if (/Ready to accept connections/.test(c.toString())) {
        clearTimeout(timer);
        resolve(p);
      }
    });
    p.on('exit', (code) => reject(new Error(`redis-server exited ${code}`)));
  });
}

describe('Redis dying and coming back between two processes mid-load', () => {
  let a: TTestServer;
  let b: TTestServer;
  let redis: ChildProcess;
  let port = 0;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    const env = { REDIS_URL: `redis://127.0.0.1:${port}` };
    a = await startServer({ db: 'postgres', env });
    b = await startServer({ db: 'postgres', env, databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    redis?.kill('SIGKILL');
  });

  it('both processes stay up, nothing acknowledged is lost, and a screen on the other process ends with every entry', {
    timeout: 120_000,
  }, async () => {
    const engineer = await a.createUser('engineer');
    const ingestKey = await a.createIngestKey();
    const incident = await api(a, 'POST', '/api/v1/incidents', { token: engineer.token, body: { title: 'Redis fault', severity: 'SEV2' } });
    // The screen watches process B; every write goes to process A, so each push crosses Redis.
    const tv = screen(b.url, await a.createDisplayLink());
    await sleep(300);
    const { acked } = await load({
      writeTo: () => a,
      token: engineer.token,
      ingestKey,
      incidentId: incident.body.id,
      tag: 'redis',
      fault: async () => {
        redis.kill('SIGKILL');
        await sleep(1500);
        redis = await startRedis(port);
      },
    });
    expect(a.proc.exitCode, a.logs().slice(-2000)).toBeNull();
    expect(b.proc.exitCode, b.logs().slice(-2000)).toBeNull();
    expect(acked).toHaveLength(WRITES);
    await checkStored(a, incident.body.id, acked);
    // After Redis is back, a new write on A reaches the screen on B live …
    const after = await api(a, 'POST', `/api/v1/incidents/${incident.body.id}/updates`, {
      token: engineer.token,
      body: { body: 'redis after recovery' },
    });
    expect(after.status).toBe(201);
    // … and the screen has everything it missed while Redis was away.
    const missing = await tv.waitFor([...acked, 'redis after recovery'], 20_000);
    expect(missing, `screen connects: ${tv.connects()}; B's log:\n${b.logs().slice(-3000)}`).toEqual([]);
    tv.socket.close();
  });
});
