import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TTestServer } from '../helpers/server';
import { INCIDENTS } from '../../lib/api/incidents';
import { probesApi } from '../../lib/api/probes';
import type { TProbe } from '../../lib/api/signals';
import { connect, KINDS, nextEvent } from './incidents-helpers';
import { waitFor } from './signals-helpers';

/** A target on loopback whose answer the test decides. */
function target(): Promise<{ server: Server; url: string; status: { code: number }; hits: () => number }> {
  const status = { code: 500 };
  let hits = 0;
  const server = createServer((req, res) => {
    if (req.url === '/loop') {
      res.writeHead(302, { location: '/loop' });
      return res.end();
    }
    if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 120);
      let sent = 0;
      const write = () => {
        while (sent < 40) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', write);
        }
        res.end();
      };
      return write();
    }
    hits++;
    res.writeHead(status.code, { 'content-type': 'text/plain' });
    res.end(status.code === 200 ? 'all systems ok' : 'some data cannot be returned');
  });
  return new Promise((r) =>
    server.listen(0, '127.0.0.1', () =>
      r({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, status, hits: () => hits }),
    ),
  );
}

describe.each(KINDS)('HTTP probes on %s', (kind) => {
  let server: TTestServer;
  let lead: string;
  let viewer: string;
  let t: Awaited<ReturnType<typeof target>>;
  const list = async () => {
    const r = await api(server, 'GET', '/api/v1/rooms/launch/probes', { token: viewer });
    expect(r.status).toBe(200);
    return probesApi.list.response.parse(r.body).probes;
  };
  const probe = async (name: string) => (await list()).find((p) => p.name === name);

  beforeAll(async () => {
    server = await startServer({ db: kind });
    lead = (await server.createUser('lead')).token;
    viewer = (await server.createUser('viewer')).token;
    t = await target();
  });
  afterAll(async () => {
    await server?.stop();
    t?.server.close();
  });

  it('a target going 500 → 200 drives the probe pending → down (incident, source probe) → up (noted, monitoring), pushed live', async () => {
    const socket = await connect(server, viewer);
    try {
      await new Promise<void>((r, j) =>
        socket.emit('room:join', { room: 'launch' }, (a: { ok: boolean }) => (a.ok ? r() : j(new Error('join')))),
      );
      const created = await api(server, 'POST', '/api/v1/rooms/launch/probes', {
        token: lead,
        body: {
          name: 'api-health',
          url: `${t.url}/health`,
          intervalSeconds: 5,
          downAfter: 2,
          upAfter: 1,
          expectText: 'ok',
          severity: 'SEV1',
        },
      });
      expect(created.status).toBe(201);
      const p = probesApi.create.response.parse(created.body).probe;
      expect(p).toMatchObject({ state: 'pending', method: 'GET', expectStatus: [200], timeoutMs: 5000, recent: [] });

      const pending = await waitFor('first failed check', async () =>
        (await probe('api-health'))?.recent.length ? probe('api-health') : null,
      );
      expect(pending).toMatchObject({ state: 'pending', lastError: 'status 500, expected 200' });
      const pushedDown = nextEvent<{ probe: TProbe | null }>(socket, 'probe:changed', (e) => e.probe?.state === 'down', 20_000);
      // The probe row commits its state before the signal's transaction opens the incident (recordProbeResult):
      // a read in between sees "down" without its incident for a moment; the push comes after both.
      const down = await waitFor('down', async () => {
        const now = await probe('api-health');
        return now?.state === 'down' && now.incident ? now : null;
      });
      expect(down!.incident).not.toBeNull();
      expect((await pushedDown).probe?.incident?.number).toBe(down!.incident!.number);
      const inc = (await api(server, 'GET', `/api/v1/incidents/${down!.incident!.id}`, { token: viewer })).body;
      expect(inc).toMatchObject({
        title: 'api-health is down',
        severity: 'SEV1',
        status: 'investigating',
        source: { kind: 'probe', key: p.id, name: 'api-health', url: `${t.url}/health`, fireCount: 1 },
      });
      expect(JSON.stringify(inc.timeline)).toContain('down after 2 failed checks: status 500');
      INCIDENTS.get.response.parse(inc);

      const pushedUp = nextEvent<{ probe: TProbe | null }>(socket, 'probe:changed', (e) => e.probe?.state === 'up', 20_000);
      t.status.code = 200;
      const up = await waitFor('up', async () => ((await probe('api-health'))?.state === 'up' ? probe('api-health') : null));
      await pushedUp; // announced after the recovery committed
      expect(up!.recent.at(-1)).toMatchObject({ ok: true, status: 200 });
      const after = (await api(server, 'GET', `/api/v1/incidents/${inc.id}`, { token: viewer })).body;
      expect(after.status).toBe('monitoring');
      expect(after.source.state).toBe('recovered');
      expect(JSON.stringify(after.timeline)).toContain('up again');
      INCIDENTS.get.response.parse(after);
      // Every check is a point of probe_up and probe_latency_ms labelled by the probe.
      const series = await server.ctx.prisma.metricSeries.findMany({
        where: { labelsKey: '{"probe":"api-health"}' },
        include: { _count: { select: { samples: true } } },
      });
      const byName = Object.fromEntries(series.map((s) => [s.name, s]));
      expect(byName.probe_up?.latestValue).toBe(1);
      expect(byName.probe_up?._count.samples).toBe(up!.recent.length);
      expect(byName.probe_latency_ms?._count.samples).toBe(up!.recent.length);
      // Each check hit the target once: the schedule ran each check once.
      expect(t.hits()).toBe(up!.recent.length);
    } finally {
      socket.disconnect();
    }
  });

  it('bad targets are failed checks with a reason in words, and the schedule goes on', async () => {
    const closed = createServer();
    const closedPort = await new Promise<number>((r) => closed.listen(0, '127.0.0.1', () => r((closed.address() as AddressInfo).port)));
    await new Promise((r) => closed.close(r));
    const cases: [string, string, RegExp][] = [
      ['refused', `http://127.0.0.1:${closedPort}/`, /connection refused/],
      ['dns', 'http://no-such-host.invalid/', /DNS|timed out/],
      ['loop', `${t.url}/loop`, /redirect/],
      ['huge', `${t.url}/huge`, /larger than 1 MiB/],
      ['tls', `${t.url.replace('http:', 'https:')}/`, /TLS/],
    ];
    for (const [name, url] of cases) {
      const r = await api(server, 'POST', '/api/v1/rooms/launch/probes', {
        token: lead,
        body: { name, url, intervalSeconds: 5, downAfter: 1, timeoutMs: 2000 },
      });
      expect(r.status).toBe(201);
    }
    for (const [name, , reason] of cases) {
      const p = await waitFor(`${name} checked twice`, async () => ((await probe(name))!.recent.length >= 2 ? probe(name) : null));
      expect(p!.state).toBe('down');
      expect(p!.lastError).toMatch(reason);
    }
    // Paused probes are not checked; deleting one leaves its incident.
    const loop = (await probe('loop'))!;
    const paused = await api(server, 'PATCH', `/api/v1/rooms/launch/probes/${loop.id}`, { token: lead, body: { paused: true } });
    expect(paused.body.probe.state).toBe('paused');
    const del = await api(server, 'DELETE', `/api/v1/rooms/launch/probes/${loop.id}`, { token: lead });
    expect(del.body).toEqual({ deleted: true });
    expect(await probe('loop')).toBeUndefined();
    expect((await api(server, 'GET', `/api/v1/incidents/${loop.incident!.id}`, { token: viewer })).status).toBe(200);
  });

  it('refuses bad probe input naming the field, and non-leads', async () => {
    const bad = await api(server, 'POST', '/api/v1/rooms/launch/probes', {
      token: lead,
      body: { name: 'x', url: 'ftp://x', intervalSeconds: 2, expectStatus: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['expectStatus', 'intervalSeconds', 'url']);
    const dup = await api(server, 'POST', '/api/v1/rooms/launch/probes', {
      token: lead,
      body: { name: 'api-health', url: 'http://127.0.0.1/' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details[0].field).toBe('name');
    const eng = await server.createUser('engineer');
    expect(
      (await api(server, 'POST', '/api/v1/rooms/launch/probes', { token: eng.token, body: { name: 'y', url: 'http://127.0.0.1/' } }))
        .status,
    ).toBe(403);
  });
});
