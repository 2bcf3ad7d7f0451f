import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { serversApi } from '../../lib/api/servers';
import type { ServerToClientEvents } from '../../lib/events';
import { api, DB_KINDS, startServer, type TTestServer } from '../helpers/server';

type TPush = Parameters<ServerToClientEvents['servers:changed']>[0];

describe.each(DB_KINDS)('the fleet: states, pool scan, drain and restore on %s', (kind) => {
  let server: TTestServer;
  let lead: { token: string; name: string };
  let engineer: { token: string };
  let display: string;
  let ingest: string;
  const pushes: TPush[] = [];
  let sock: Socket;

  const list = async (token = lead.token) => {
    const r = await api(server, 'GET', '/api/v1/rooms/launch/servers', { token });
    expect(r.status).toBe(200);
    return serversApi.list.response.parse(r.body);
  };
  const byName = async (name: string) => (await list()).servers.find((s) => s.name === name)!;

  beforeAll(async () => {
    server = await startServer({ db: kind });
    lead = await server.createUser('lead', 'Dana Lead');
    engineer = await server.createUser('engineer');
    display = await server.createDisplayLink();
    ingest = await server.createIngestKey();
    // Ten quiet servers; web-ok stays within every line; others each show one state.
    const now = Date.now();
    const points = [];
    for (let i = 1; i <= 10; i++) {
      points.push({ name: 'cpu_ratio', value: 0.4 + (i % 3) * 0.01, labels: { server: `pool-${i}` }, time: now });
      points.push({ name: 'error_ratio', value: 0.001 + (i % 2) * 0.0001, labels: { server: `pool-${i}` }, time: now });
    }
    points.push({ name: 'cpu_ratio', value: 0.85, labels: { server: 'web-warm' }, time: now }); // default warning line 0.8
    points.push({ name: 'cpu_ratio', value: 0.97, labels: { server: 'web-hot' }, time: now }); // default critical line 0.95
    // Controllable timestamps: this one last reported ten minutes ago, at a critical value.
    points.push({ name: 'cpu_ratio', value: 0.99, labels: { server: 'web-gone' }, time: now - 600_000 });
    points.push({ name: 'cpu_ratio', value: 0.41, labels: { server: 'web-odd' }, time: now });
    points.push({ name: 'error_ratio', value: 0.009, labels: { server: 'web-odd' }, time: now }); // 9× the pool, under every line
    points.push({ name: 'users_total', value: 123, time: now });
    const r = await api(server, 'POST', '/api/v1/metrics', { token: ingest, body: { room: 'launch', points } });
    expect(r.status).toBe(202);

    sock = io(server.url, { path: '/socket.io', transports: ['websocket'], auth: { token: display }, reconnection: false });
    await new Promise<void>((res, rej) => {
      sock.once('connect', () => res());
      sock.once('connect_error', rej);
    });
    await new Promise((res) => sock.emit('room:join', {}, res));
    sock.on('servers:changed', (p: TPush) => pushes.push(p));
  });
  afterAll(async () => {
    sock?.close();
    await server?.stop();
  });

  it('judges every server against lines and the stale threshold, worst first, and finds the odd one', async () => {
    const res = await list(display);
    const states = Object.fromEntries(res.servers.map((s) => [s.name, s.state]));
    expect(states).toMatchObject({ 'web-hot': 'critical', 'web-gone': 'silent', 'web-warm': 'warning', 'web-odd': 'ok', 'pool-1': 'ok' });
    expect(res.servers.slice(0, 4).map((s) => s.name)).toEqual(['web-hot', 'web-gone', 'web-warm', 'web-odd']);
    expect(res.servers.some((s) => s.name === 'users_total')).toBe(false);
    const gone = res.servers.find((s) => s.name === 'web-gone')!;
    expect(gone.ageSeconds).toBeGreaterThanOrEqual(599);
    expect(gone.metricStates).toEqual({});
    const odd = res.servers.find((s) => s.name === 'web-odd')!;
    expect(odd.outlier).toMatchObject({ metric: 'error_ratio', value: 0.009 });
    expect(odd.outlier!.poolMedian).toBeCloseTo(0.0011, 6);
    expect(odd.firstSeenAt).not.toBeNull();
    // Hot servers are far from the pool too; the odd one is the only one marked while under every line.
    expect(res.servers.filter((s) => s.outlier && s.state === 'ok').map((s) => s.name)).toEqual(['web-odd']);
    expect(gone.outlier).toBeNull();
  });

  it('a room safety line replaces the default', async () => {
    const put = await api(server, 'PUT', '/api/v1/rooms/launch/safety-lines', {
      token: lead.token,
      body: { metricName: 'cpu_ratio', warning: 0.9, critical: 0.99 },
    });
    expect(put.status).toBe(200);
    expect((await byName('web-warm')).state).toBe('ok');
    expect((await byName('web-hot')).state).toBe('warning');
    const id = put.body.id;
    expect((await api(server, 'DELETE', `/api/v1/rooms/launch/safety-lines/${id}`, { token: lead.token })).status).toBe(204);
    expect((await byName('web-hot')).state).toBe('critical');
  });

  it('serves sparklines of the last hour when asked', async () => {
    const r = await api(server, 'GET', '/api/v1/rooms/launch/servers?spark=60', { token: lead.token });
    const res = serversApi.list.response.parse(r.body);
    expect(res.servers.find((s) => s.name === 'web-odd')!.sparklines!.error_ratio).toHaveLength(1);
    expect(res.servers.find((s) => s.name === 'web-gone')!.sparklines!.cpu_ratio).toHaveLength(1);
    const short = serversApi.list.response.parse(
      (await api(server, 'GET', '/api/v1/rooms/launch/servers?spark=5', { token: lead.token })).body,
    );
    expect(short.servers.find((s) => s.name === 'web-gone')!.sparklines!.cpu_ratio).toEqual([]);
    expect((await api(server, 'GET', '/api/v1/rooms/launch/servers?spark=9999', { token: lead.token })).body.error.details[0].field).toBe(
      'spark',
    );
  });

  it('refuses drains from engineers, of unknown servers, with bad fields, and of an incident in no room', async () => {
    expect((await api(server, 'POST', '/api/v1/rooms/launch/servers/web-odd/drain', { token: engineer.token, body: {} })).status).toBe(403);
    expect((await api(server, 'POST', '/api/v1/rooms/launch/servers/nope/drain', { token: lead.token, body: {} })).status).toBe(404);
    const bad = await api(server, 'POST', '/api/v1/rooms/launch/servers/web-odd/drain', {
      token: lead.token,
      body: { reason: '', extra: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.some((d: { field: string }) => d.field === 'reason')).toBe(true);
    const noInc = await api(server, 'POST', '/api/v1/rooms/launch/servers/web-odd/drain', { token: lead.token, body: { incident: 9999 } });
    expect(noInc.status).toBe(400);
    expect(noInc.body.error.details[0].field).toBe('incident');
    expect((await byName('web-odd')).state).toBe('ok');
    expect(await server.ctx.prisma.serverDrain.count()).toBe(0);
  });

  it('drains with a reason and an incident: timeline entry, history row, push, out of verdicts and scans', async () => {
    const inc = await api(server, 'POST', '/api/v1/incidents', {
      token: lead.token,
      body: { title: 'web-odd throws errors', severity: 'SEV2' },
    });
    expect(inc.status).toBe(201);
    const incident = inc.body.incident ?? inc.body;
    const r = await api(server, 'POST', '/api/v1/rooms/launch/servers/web-odd/drain', {
      token: lead.token,
      body: { reason: 'failing memory module', incident: incident.number },
    });
    expect(r.status).toBe(200);
    const drained = serversApi.drain.response.parse(r.body);
    expect(drained).toMatchObject({
      name: 'web-odd',
      state: 'drained',
      outlier: null,
      drain: { drainedBy: 'Dana Lead', reason: 'failing memory module', incident: { number: incident.number } },
    });
    expect(drained.record).toMatchObject({ server: 'web-odd', restoredAt: null });

    const again = await api(server, 'POST', '/api/v1/rooms/launch/servers/web-odd/drain', { token: lead.token, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already drained/);

    const detail = await api(server, 'GET', `/api/v1/incidents/${incident.id}`, { token: lead.token });
    const entry = detail.body.timeline.find((e: { kind: string }) => e.kind === 'server');
    expect(entry).toMatchObject({ body: 'failing memory module', data: { action: 'drain', server: 'web-odd' } });

    // Drained: hot or not, it is neither judged nor scanned; the rest of the pool has no outlier.
    await api(server, 'POST', '/api/v1/metrics', {
      token: ingest,
      body: { room: 'launch', points: [{ name: 'error_ratio', value: 0.5, labels: { server: 'web-odd' } }] },
    });
    const res = await list();
    expect(res.servers.at(-1)).toMatchObject({ name: 'web-odd', state: 'drained' });
    expect(res.servers.filter((s) => s.outlier && s.state === 'ok')).toEqual([]);

    await expect.poll(() => pushes.find((p) => p.action === 'drain' && p.server === 'web-odd'), { timeout: 5000 }).toBeTruthy();
    expect(pushes.find((p) => p.action === 'drain')!.drained).toEqual(['web-odd']);
  });

  it('restores: the drain is closed in the history, noted on the same incident, pushed', async () => {
    const r = await api(server, 'POST', '/api/v1/rooms/launch/servers/web-odd/restore', { token: lead.token });
    expect(r.status).toBe(200);
    const restored = serversApi.restore.response.parse(r.body);
    expect(restored.state).not.toBe('drained');
    expect(restored.drain).toBeNull();
    expect(restored.record).toMatchObject({ restoredBy: 'Dana Lead', reason: 'failing memory module' });
    expect(restored.record.restoredAt).not.toBeNull();
    expect((await api(server, 'POST', '/api/v1/rooms/launch/servers/web-odd/restore', { token: lead.token, body: {} })).status).toBe(409);

    const rows = await server.ctx.prisma.serverDrain.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ openKey: null, restoredByName: 'Dana Lead' });
    const entries = await server.ctx.prisma.incidentEntry.findMany({ where: { kind: 'server' }, orderBy: { seq: 'asc' } });
    expect(entries.map((e) => JSON.parse(e.data!).action)).toEqual(['drain', 'restore']);

    await expect.poll(() => pushes.find((p) => p.action === 'restore'), { timeout: 5000 }).toBeTruthy();
    expect(pushes.find((p) => p.action === 'restore')!.drained).toEqual([]);
    // Back in the pool with 0.5 errors: critical by the default line.
    expect((await byName('web-odd')).state).toBe('critical');
  });

  it('a drain without a body or incident is stored without a timeline entry; of two at once exactly one wins', async () => {
    const before = await server.ctx.prisma.incidentEntry.count({ where: { kind: 'server' } });
    const both = await Promise.all(
      [1, 2].map(() => api(server, 'POST', '/api/v1/rooms/launch/servers/pool-3/drain', { token: lead.token })),
    );
    expect(both.map((b) => b.status).sort()).toEqual([200, 409]);
    expect(await server.ctx.prisma.serverDrain.count({ where: { server: 'pool-3', openKey: { not: null } } })).toBe(1);
    expect(await server.ctx.prisma.incidentEntry.count({ where: { kind: 'server' } })).toBe(before);
    expect((await byName('pool-3')).state).toBe('drained');
  });

  it('links an incident by id too, but never one of another room', async () => {
    await server.ctx.prisma.room.create({ data: { slug: 'other', name: 'Other' } });
    const elsewhere = await api(server, 'POST', '/api/v1/incidents', {
      token: lead.token,
      body: { title: 'elsewhere', severity: 'SEV3', room: 'other' },
    });
    const mine = await api(server, 'POST', '/api/v1/incidents', { token: lead.token, body: { title: 'pool-5 check', severity: 'SEV4' } });
    const otherId = (elsewhere.body.incident ?? elsewhere.body).id;
    const mineId = (mine.body.incident ?? mine.body).id;
    const refused = await api(server, 'POST', '/api/v1/rooms/launch/servers/pool-5/drain', {
      token: lead.token,
      body: { incident: otherId },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].field).toBe('incident');
    const ok = await api(server, 'POST', '/api/v1/rooms/launch/servers/pool-5/drain', { token: lead.token, body: { incident: mineId } });
    expect(ok.status).toBe(200);
    expect(ok.body.drain.incident.id).toBe(mineId);
    const detail = await api(server, 'GET', `/api/v1/incidents/${mineId}`, { token: lead.token });
    expect(detail.body.timeline.filter((e: { kind: string }) => e.kind === 'server')).toHaveLength(1);
  });

  it('honours Idempotency-Key: a retried restore answers the first result and writes nothing twice', async () => {
    const headers = { 'idempotency-key': 'restore-pool-3' };
    const first = await api(server, 'POST', '/api/v1/rooms/launch/servers/pool-3/restore', { token: lead.token, headers, body: {} });
    const again = await api(server, 'POST', '/api/v1/rooms/launch/servers/pool-3/restore', { token: lead.token, headers, body: {} });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.record.id).toBe(first.body.record.id);
    expect((await api(server, 'POST', '/api/v1/rooms/launch/servers/pool-3/restore', { token: lead.token, body: {} })).status).toBe(409);
  });
});
