import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { TAck } from '../../lib/errors';
import type { TMetricsUpdate, TRoomSnapshot } from '../../lib/events';
import { SOCKET_RECONNECT } from '../../lib/socket-reconnect';
import { findNginx, startNginx, type TNginx } from '../../scripts/cluster/nginx';
import { api, startServer, type TTestServer } from '../helpers/server';
import { nextEvent, subscribe } from './incidents-helpers';

const REDIS_URL = process.env.WARROOM_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NGINX = findNginx();
if (!NGINX) console.warn('cluster.test.ts: SKIPPED — nginx is not installed (bash scripts/setup.sh installs it; CI runs it)');

/** A wall through the proxy: rejoins on every reconnect and keeps the headline value it knows. */
interface TWall {
  s: Socket;
  users: number | null;
  drops: number;
  joins: number;
}

function openWall(url: string, token: string): Promise<TWall> {
  return new Promise((resolve, reject) => {
    const w: TWall = {
      s: io(url, { path: '/socket.io', transports: ['websocket'], auth: { token }, ...SOCKET_RECONNECT }),
      users: null,
      drops: 0,
      joins: 0,
    };
    const take = (latest: { name: string; value: number }[]) => {
      const v = latest.find((l) => l.name === 'users_total')?.value;
      if (v !== undefined) w.users = v;
    };
    w.s.on('connect', () => {
      w.s.emit('room:join', {}, (r: TAck<TRoomSnapshot>) => {
        if (!r.ok) return reject(new Error(r.error.code));
        take(r.data.latest);
        w.joins++;
        if (w.joins === 1) resolve(w);
      });
    });
    w.s.on('disconnect', () => void w.drops++);
    w.s.on('metrics:update', (u: TMetricsUpdate) => take(u.latest));
    w.s.once('connect_error', (e) => {
      if (!w.s.active) reject(e);
    });
  });
}

/** Polls `done` every 100 ms for at most `ms`; false when it never held. */
async function within(ms: number, done: () => boolean | Promise<boolean>): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await done()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return done();
}

function signIn(url: string, email: string, password: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, ...headers },
    body: JSON.stringify({ email, password }),
  });
}

/** Three processes on one PostgreSQL database and one Redis, behind a real nginx. */
describe.skipIf(!NGINX)('three processes behind nginx', () => {
  let a: TTestServer;
  let b: TTestServer;
  let c: TTestServer;
  let proxy: TNginx;
  const walls: TWall[] = [];

  beforeAll(async () => {
    const env = { REDIS_URL, WARROOM_SECRET: randomBytes(24).toString('hex'), WARROOM_TRUST_PROXY: 'loopback' };
    a = await startServer({ db: 'postgres', env });
    [b, c] = await Promise.all([
      startServer({ db: 'postgres', env, databaseUrl: a.databaseUrl }),
      startServer({ db: 'postgres', env, databaseUrl: a.databaseUrl }),
    ]);
    proxy = await startNginx([a, b, c].map((s) => `127.0.0.1:${s.port}`));
  });
  afterAll(async () => {
    for (const w of walls) w.s.disconnect();
    await proxy?.stop();
    await c?.stop();
    await b?.stop();
    await a?.stop();
  });

  it('a wall behind the proxy sees an incident claimed through one process and a point ingested through another', async () => {
    const display = await a.createDisplayLink();
    // Six walls: least_conn spreads them over all three processes.
    for (let i = 0; i < 6; i++) walls.push(await openWall(proxy.url, display));
    await Promise.all(walls.map((w) => subscribe(w.s)));
    const eng = await b.createUser('engineer');
    const created = await api(b, 'POST', '/api/v1/incidents', { token: eng.token, body: { title: 'checkout 500s', severity: 'SEV2' } });
    expect(created.status).toBe(201);
    const claimedSeen = walls.map((w) =>
      nextEvent<{ incident: { id: string; owner: { name: string } | null } }>(
        w.s,
        'incident:changed',
        (p) => p.incident.id === created.body.id && !!p.incident.owner,
      ),
    );
    expect((await api(b, 'POST', `/api/v1/incidents/${created.body.id}/claim`, { token: eng.token })).status).toBe(200);
    for (const seen of await Promise.all(claimedSeen)) expect(seen.incident.owner?.name).toBe(eng.name);

    const key = await c.createIngestKey();
    const pushed = walls.map((w) =>
      nextEvent<TMetricsUpdate>(w.s, 'metrics:update', (u) => u.latest.some((l) => l.name === 'users_total' && l.value === 1_111_111)),
    );
    expect(
      (await api(c, 'POST', '/api/v1/metrics', { token: key, body: { points: [{ name: 'users_total', value: 1_111_111 }] } })).status,
    ).toBe(202);
    await Promise.all(pushed);
  });

  it('a milestone added through one process is crossed exactly once by points arriving at the two others', async () => {
    const key = await a.createIngestKey();
    const lead = await a.createUser('lead');
    // B and C have read the room's pending milestones (all above the new one) before it is added.
    for (const s of [b, c])
      expect(
        (await api(s, 'POST', '/api/v1/metrics', { token: key, body: { points: [{ name: 'users_total', value: 1_200_000 }] } })).status,
      ).toBe(202);
    const changed = nextEvent(walls[0]!.s, 'room:changed');
    const added = await api(a, 'POST', '/api/v1/rooms/launch/milestones', {
      token: lead.token,
      body: { threshold: 1_234_567, label: 'B+C' },
    });
    expect(added.status).toBe(201);
    await changed;
    const t = Date.now();
    const results = await Promise.all([
      api(b, 'POST', '/api/v1/metrics', { token: key, body: { points: [{ name: 'users_total', value: 1_234_600, time: t }] } }),
      api(c, 'POST', '/api/v1/metrics', { token: key, body: { points: [{ name: 'users_total', value: 1_234_700, time: t + 1 }] } }),
    ]);
    for (const r of results) expect(r.status).toBe(202);
    const reached = async () => (await a.ctx.prisma.milestone.findUniqueOrThrow({ where: { id: added.body.id } })).reachedAt;
    expect(await within(5000, async () => (await reached()) !== null)).toBe(true);
    const first = await reached();
    expect([t, t + 1]).toContain(first!.getTime());
    // A later batch above it on the third process does not record it again.
    expect(
      (await api(a, 'POST', '/api/v1/metrics', { token: key, body: { points: [{ name: 'users_total', value: 2_500_000 }] } })).status,
    ).toBe(202);
    expect((await reached())!.getTime()).toBe(first!.getTime());
  });

  it("a producer's batches through the proxy reach one process, whose rules know a rule added through another", async () => {
    const key = await a.createIngestKey();
    const lead = await a.createUser('lead');
    const viaProxy = { url: proxy.url } as TTestServer;
    const ingested = async (s: TTestServer) => {
      const res = await fetch(`${s.url}/metrics`, { headers: { authorization: `Bearer ${key}` } });
      const m = /^warroom_points_ingested_total(?:\{[^}]*\})? (\d+)/m.exec(await res.text());
      return Number(m?.[1] ?? 0);
    };
    const before = await Promise.all([a, b, c].map(ingested));
    const t0 = Date.now() - 120_000;
    const post = async (value: number, time: number) =>
      expect(
        (await api(viaProxy, 'POST', '/api/v1/metrics', { token: key, body: { points: [{ name: 'queue_depth', value, time }] } })).status,
      ).toBe(202);
    // Below the line: no window opens yet. Which process took it?
    for (let i = 0; i < 3; i++) await post(10, t0 + i * 1000);
    const after = await Promise.all([a, b, c].map(ingested));
    const took = [a, b, c].filter((_, i) => after[i]! - before[i]! === 3);
    expect(took, 'all three batches of one key on one process').toHaveLength(1);
    // The rule is added through another process: the one ingesting hears of it through Redis, not in 30 s.
    const other = [a, b, c].find((s) => s !== took[0])!;
    const rule = await api(other, 'POST', '/api/v1/rooms/launch/rules', {
      token: lead.token,
      body: { name: 'queue-depth', series: 'queue_depth', when: 'above', threshold: 100, forSeconds: 20, severity: 'SEV3' },
    });
    expect(rule.status).toBe(201);
    await new Promise((r) => setTimeout(r, 500));
    // Above the line at +10 s, +20 s, +30 s of data time: the window holds only where one process sees all three.
    for (let i = 1; i <= 3; i++) await post(150, t0 + 10_000 * i);
    const signal = () => a.ctx.prisma.signal.findFirst({ where: { kind: 'rule', dedupKey: { startsWith: rule.body.rule.id } } });
    expect(await within(5000, async () => (await signal())?.state === 'firing')).toBe(true);
    const s1 = await signal();
    expect(s1?.incidentId).toBeTruthy();
    expect(await a.ctx.prisma.signal.count({ where: { kind: 'rule', dedupKey: { startsWith: rule.body.rule.id } } })).toBe(1);
  });

  it('failed sign-ins are counted across processes, per account and per forwarded address', async () => {
    const u = await a.createUser('viewer');
    const direct = [a, b, c, a, b];
    for (const s of direct) expect((await signIn(s.url, u.email, 'wrong-password')).status).toBe(401);
    expect((await signIn(c.url, u.email, u.password)).status).toBe(429);
    expect((await signIn(proxy.url, u.email, u.password)).status).toBe(429);

    // Behind the proxy the address is the forwarded one: one sprayer is locked, another client is not.
    let status = 0;
    for (let i = 0; i < 25 && status !== 429; i++)
      status = (await signIn(proxy.url, `nobody${i}@test.warroom`, 'guess-guess', { 'x-forwarded-for': '198.51.100.7' })).status;
    expect(status).toBe(429);
    const other = await a.createUser('viewer');
    expect((await signIn(proxy.url, other.email, other.password, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(429);
    expect((await signIn(proxy.url, other.email, other.password, { 'x-forwarded-for': '198.51.100.8' })).status).toBe(200);
  });

  it('killing one process moves its walls to the others through the proxy, and they miss nothing', async () => {
    const key = await b.createIngestKey();
    await a.kill();
    expect(
      (await api(b, 'POST', '/api/v1/metrics', { token: key, body: { points: [{ name: 'users_total', value: 3_333_333 }] } })).status,
    ).toBe(202);
    // The bound: back within 10 s, each knowing the point posted while it was away.
    const back = await within(10_000, () => walls.every((w) => w.s.connected && w.users === 3_333_333));
    expect(walls.filter((w) => w.drops > 0).length).toBeGreaterThan(0);
    expect(walls.map((w) => w.users)).toEqual(walls.map(() => 3_333_333));
    expect(back).toBe(true);
  });
});
