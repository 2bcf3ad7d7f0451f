import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { api, DB_KINDS, startServer, type TTestServer } from '../helpers/server';

async function waitFor<T>(fn: () => Promise<T | null | undefined>, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(DB_KINDS)('room settings API and milestone crossings on %s', (kind) => {
  let server: TTestServer;
  let lead: { token: string };
  let engineer: { token: string };
  let display: string;
  let ingest: string;

  beforeAll(async () => {
    server = await startServer({ db: kind });
    lead = await server.createUser('lead');
    engineer = await server.createUser('engineer');
    display = await server.createDisplayLink();
    ingest = await server.createIngestKey();
  });
  afterAll(async () => server?.stop());

  it('lets a display link read the settings, with the default milestones', async () => {
    const r = await api(server, 'GET', '/api/v1/rooms/launch/settings', { token: display });
    expect(r.status).toBe(200);
    expect(r.body.room.slug).toBe('launch');
    expect(r.body.milestones.map((m: { threshold: number }) => m.threshold)).toEqual([1e6, 2e6, 5e6, 1e7]);
    expect(r.body.safetyLines).toEqual([]);
  });

  it('refuses nobody (401), an engineer and a display link (403), an unknown room (404)', async () => {
    expect((await api(server, 'PATCH', '/api/v1/rooms/launch/settings', { body: { name: 'x' } })).status).toBe(401);
    expect((await api(server, 'PATCH', '/api/v1/rooms/launch/settings', { token: engineer.token, body: { name: 'x' } })).status).toBe(403);
    expect((await api(server, 'POST', '/api/v1/rooms/launch/annotations', { token: display, body: { label: 'x' } })).status).toBe(403);
    expect((await api(server, 'GET', '/api/v1/rooms/nope/settings', { token: lead.token })).status).toBe(404);
  });

  it('names each bad field', async () => {
    const r = await api(server, 'PATCH', '/api/v1/rooms/launch/settings', {
      token: lead.token,
      body: { goLiveAt: 'tonight', staleAfterSeconds: 1, locale: 'fr' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['goLiveAt', 'locale', 'staleAfterSeconds']);
    const s = await api(server, 'PUT', '/api/v1/rooms/launch/safety-lines', {
      token: lead.token,
      body: { metricName: 'cpu ratio', warning: 0.9, critical: 0.7 },
    });
    expect(s.status).toBe(400);
    expect(s.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['critical', 'metricName']);
    const m = await api(server, 'POST', '/api/v1/rooms/launch/milestones', { token: lead.token, body: { threshold: -1 } });
    expect(m.body.error.details[0].field).toBe('threshold');
  });

  it('stores go-live, milestones, annotations and safety lines, and tells every screen', async () => {
    const sock: Socket = io(server.url, { path: '/socket.io', transports: ['websocket'], auth: { token: display }, reconnection: false });
    await new Promise<void>((r) => sock.once('connect', () => r()));
    await new Promise((r) => sock.emit('room:join', {}, r));
    let changed = 0;
    sock.on('room:changed', () => changed++);

    const goLiveAt = '2026-11-23T20:19:00.000Z';
    const p = await api(server, 'PATCH', '/api/v1/rooms/launch/settings', {
      token: lead.token,
      body: { goLiveAt, locale: 'zh', staleAfterSeconds: 60 },
    });
    expect(p.status).toBe(200);
    expect(p.body.room).toMatchObject({ goLiveAt, locale: 'zh', staleAfterSeconds: 60 });

    const before = Date.now();
    const a = await api(server, 'POST', '/api/v1/rooms/launch/annotations', { token: lead.token, body: { label: 'gate opened' } });
    expect(a.status).toBe(201);
    expect(Date.parse(a.body.time)).toBeGreaterThanOrEqual(before - 1000);

    const m = await api(server, 'POST', '/api/v1/rooms/launch/milestones', { token: lead.token, body: { threshold: 3_000_000 } });
    expect(m.status).toBe(201);
    expect(m.body).toMatchObject({ seriesName: 'users_total', label: '3M users', reachedAt: null });
    expect(
      (await api(server, 'POST', '/api/v1/rooms/launch/milestones', { token: lead.token, body: { threshold: 3_000_000 } })).status,
    ).toBe(409);

    const l1 = await api(server, 'PUT', '/api/v1/rooms/launch/safety-lines', {
      token: lead.token,
      body: { metricName: 'cpu_ratio', warning: 0.7, critical: 0.9 },
    });
    const l2 = await api(server, 'PUT', '/api/v1/rooms/launch/safety-lines', {
      token: lead.token,
      body: { metricName: 'cpu_ratio', warning: 0.75, critical: 0.95 },
    });
    expect(l2.body).toMatchObject({ id: l1.body.id, warning: 0.75, critical: 0.95, direction: 'above' });

    const g = await api(server, 'GET', '/api/v1/rooms/launch/settings', { token: lead.token });
    expect(g.body.room.goLiveAt).toBe(goLiveAt);
    expect(g.body.annotations.map((x: { label: string }) => x.label)).toEqual(['gate opened']);
    expect(g.body.safetyLines).toHaveLength(1);
    await waitFor(async () => changed >= 5);

    expect((await api(server, 'DELETE', `/api/v1/rooms/launch/annotations/${a.body.id}`, { token: lead.token })).status).toBe(204);
    expect((await api(server, 'DELETE', `/api/v1/rooms/launch/annotations/${a.body.id}`, { token: lead.token })).status).toBe(404);
    expect((await api(server, 'DELETE', `/api/v1/rooms/launch/milestones/${m.body.id}`, { token: lead.token })).status).toBe(204);
    expect((await api(server, 'DELETE', `/api/v1/rooms/launch/safety-lines/${l1.body.id}`, { token: lead.token })).status).toBe(204);
    sock.close();
  });

  it('records a milestone crossing once, at the time of the first sample past it', async () => {
    const t = Date.now() - 60_000;
    const push = (points: { name: string; value: number; time: number }[]) =>
      api(server, 'POST', '/api/v1/metrics', { token: ingest, body: { points } });
    expect((await push([{ name: 'users_total', value: 990_000, time: t }])).status).toBe(202);
    await push([
      { name: 'users_total', value: 1_000_500, time: t + 10_000 },
      { name: 'users_total', value: 1_010_000, time: t + 20_000 },
    ]);
    const reached = await waitFor(async () => {
      const r = await server.ctx.prisma.milestone.findFirst({ where: { threshold: 1e6 } });
      return r?.reachedAt ?? null;
    });
    expect(reached.getTime()).toBe(t + 10_000);
    // A later, higher batch does not move the recorded time.
    await push([{ name: 'users_total', value: 1_500_000, time: t + 30_000 }]);
    await new Promise((r) => setTimeout(r, 300));
    expect((await server.ctx.prisma.milestone.findFirst({ where: { threshold: 1e6 } }))!.reachedAt!.getTime()).toBe(t + 10_000);
    expect((await server.ctx.prisma.milestone.findFirst({ where: { threshold: 2e6 } }))!.reachedAt).toBeNull();

    // A milestone added below the current value counts as reached when the series first passed it.
    const m = await api(server, 'POST', '/api/v1/rooms/launch/milestones', {
      token: lead.token,
      body: { threshold: 1_005_000, label: 'just past' },
    });
    expect(m.body.reachedAt).toBe(new Date(t + 20_000).toISOString());
  });
});
