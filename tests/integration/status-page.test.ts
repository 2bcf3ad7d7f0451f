import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZComponent, ZStatusIncident, ZStatusSummary } from '../../lib/api/status';
import { api, startServer, type TDbKind, type TTestServer } from '../helpers/server';

const KINDS: TDbKind[] =
  process.env.WARROOM_TEST_DB === 'sqlite'
    ? ['sqlite']
    : process.env.WARROOM_TEST_DB === 'postgres'
      ? ['postgres']
      : ['sqlite', 'postgres'];

async function waitFor<T>(fn: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Everything internal about the incident that must never reach a public answer. */
const SECRETS = {
  owner: 'Zhang Secretowner',
  helper: 'Li Secrethelper',
  impact: '4321 orders lost',
  impactUnit: 'zorders',
  probeUrl: 'http://10.9.8.7:9911/healthz-secret',
  server: 'db-secret-7',
  timeline: 'failover of pg-primary-secret to replica',
  summary: 'internal summary: rollback build 7f3a-secret',
};
const PUBLIC_MESSAGE = 'Some customers cannot place orders. We are on it.';
const PUBLIC_UPDATE = 'A fix is rolling out; orders are recovering.';

function assertNoSecrets(where: string, text: string) {
  for (const [what, s] of Object.entries(SECRETS)) {
    expect(text.includes(s), `${where} leaks the ${what} ("${s}")`).toBe(false);
  }
  expect(text.includes('Secretowner') || text.includes('Secrethelper'), `${where} leaks a name`).toBe(false);
}

function statusSocket(server: TTestServer, room: string): { socket: Socket; pushes: unknown[]; gone: Promise<void> } {
  const pushes: unknown[] = [];
  const socket = io(`${server.url}/status`, { transports: ['websocket'], auth: { room }, reconnection: false });
  socket.on('status:changed', (p) => pushes.push(p));
  // Anything the main namespace carries must never arrive here.
  for (const e of ['incident:changed', 'metrics:update', 'probe:changed', 'room:changed'])
    socket.on(e, (p) => pushes.push({ forbidden: e, p }));
  const gone = new Promise<void>((r) => socket.on('disconnect', () => r()));
  return { socket, pushes, gone };
}

describe.each(KINDS)('public status page on %s', (kind) => {
  let server: TTestServer;
  let lead: { token: string };
  let engineer: { token: string };
  let owner: { id: string; token: string };
  let helper: { id: string };
  let statusDir: string;
  const components: Record<string, string> = {};
  let publicIncidentId = '';
  const sockets: Socket[] = [];
  // A customer's group chat, as a signed webhook: what the outbox sends for status.published.
  let hook: Server;
  const delivered: string[] = [];

  beforeAll(async () => {
    statusDir = mkdtempSync(join(tmpdir(), 'warroom-status-'));
    hook = createServer((req, res) => {
      let b = '';
      req.on('data', (c) => (b += c));
      req.on('end', () => {
        delivered.push(b);
        res.end('{}');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
    server = await startServer({ db: kind, env: { WARROOM_STATUS_DIR: statusDir, WARROOM_OUTBOX_TICK_MS: '100' } });
    lead = await server.createUser('lead');
    engineer = await server.createUser('engineer');
    owner = await server.createUser('engineer', SECRETS.owner);
    helper = await server.createUser('engineer', SECRETS.helper);
  }, 120_000);
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    hook?.close();
    await server?.stop();
    rmSync(statusDir, { recursive: true, force: true });
  });

  it('is off by default: every public route answers 404 and the socket is closed', async () => {
    for (const p of [
      '/api/v1/status/launch/summary',
      '/api/v1/status/launch/incidents',
      '/status/launch/feed.atom',
      '/status/launch/badge.svg',
    ]) {
      expect((await fetch(server.url + p)).status, p).toBe(404);
    }
    expect((await fetch(`${server.url}/status/launch`)).status).toBe(404);
    const { socket, gone } = statusSocket(server, 'launch');
    sockets.push(socket);
    await gone;
  });

  it('lets leads (only) turn it on and add components, naming bad fields', async () => {
    const probe = await api(server, 'POST', '/api/v1/rooms/launch/probes', {
      token: lead.token,
      body: { name: 'orders-api', url: SECRETS.probeUrl, paused: true },
    });
    expect(probe.status).toBe(201);
    expect(
      (await api(server, 'PATCH', '/api/v1/rooms/launch/settings', { token: engineer.token, body: { statusPage: { enabled: true } } }))
        .status,
    ).toBe(403);
    const on = await api(server, 'PATCH', '/api/v1/rooms/launch/settings', {
      token: lead.token,
      body: { statusPage: { enabled: true, title: 'Acme Shop' } },
    });
    expect(on.status).toBe(200);

    const bad = await api(server, 'POST', '/api/v1/rooms/launch/components', {
      token: lead.token,
      body: { name: '', status: 'broken', order: -1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['name', 'order', 'status']);
    const noProbe = await api(server, 'POST', '/api/v1/rooms/launch/components', { token: lead.token, body: { name: 'X', probe: 'nope' } });
    expect(noProbe.status).toBe(400);
    expect(noProbe.body.error.details[0].field).toBe('probe');
    expect((await api(server, 'POST', '/api/v1/rooms/launch/components', { token: engineer.token, body: { name: 'X' } })).status).toBe(403);

    for (const [name, extra] of [
      ['Orders', { probe: 'orders-api', degradedAfterMs: 800, group: 'Shop', order: 1 }],
      ['Sign-in', { group: 'Shop', order: 2 }],
      ['Website', { order: 0, description: 'www' }],
    ] as const) {
      const r = await api(server, 'POST', '/api/v1/rooms/launch/components', { token: lead.token, body: { name, ...extra } });
      expect(r.status).toBe(201);
      ZComponent.strict().parse(r.body);
      expect(r.body.status).toBe('operational');
      components[name] = r.body.id;
    }
    const dup = await api(server, 'POST', '/api/v1/rooms/launch/components', { token: lead.token, body: { name: 'Orders' } });
    expect(dup.status).toBe(409);
  });

  it('follows the probe until a lead sets a state by hand, and again after null', async () => {
    const probes = await api(server, 'GET', '/api/v1/rooms/launch/probes', { token: lead.token });
    const probeId = probes.body.probes[0].id;
    await server.ctx.prisma.probe.update({ where: { id: probeId }, data: { state: 'up', lastLatencyMs: 1200 } });
    const read = async () =>
      (await api(server, 'GET', '/api/v1/rooms/launch/components', { token: engineer.token })).body.components.find(
        (c: { id: string }) => c.id === components.Orders,
      ).status;
    // Unpaused but not due for an hour, so the scheduler's own checks do not race these readings.
    await server.ctx.prisma.probe.update({ where: { id: probeId }, data: { paused: false, nextRunAt: new Date(Date.now() + 3_600_000) } });
    expect(await read()).toBe('degraded_performance');
    await server.ctx.prisma.probe.update({ where: { id: probeId }, data: { state: 'down' } });
    expect(await read()).toBe('major_outage');
    const manual = await api(server, 'PATCH', `/api/v1/rooms/launch/components/${components.Orders}`, {
      token: lead.token,
      body: { status: 'partial_outage' },
    });
    expect(manual.body.status).toBe('partial_outage');
    const back = await api(server, 'PATCH', `/api/v1/rooms/launch/components/${components.Orders}`, {
      token: lead.token,
      body: { status: null },
    });
    expect(back.body.status).toBe('major_outage');
    // Leave it paused and operational for the rest.
    await server.ctx.prisma.probe.update({ where: { id: probeId }, data: { state: 'up', lastLatencyMs: 50, paused: true } });
  });

  it('publishes from an internal incident without anything internal reaching any public answer', async () => {
    // The internal incident, full of things customers must not read.
    const inc = await api(server, 'POST', '/api/v1/incidents', {
      token: owner.token,
      body: { title: `Orders failing on ${SECRETS.server}`, severity: 'SEV1', summary: SECRETS.summary, room: 'launch' },
    });
    expect(inc.status).toBe(201);
    const id = inc.body.id;
    expect((await api(server, 'POST', `/api/v1/incidents/${id}/claim`, { token: owner.token, body: {} })).status).toBe(200);
    expect((await api(server, 'POST', `/api/v1/incidents/${id}/helpers`, { token: owner.token, body: { userId: helper.id } })).status).toBe(
      200,
    );
    expect(
      (
        await api(server, 'POST', `/api/v1/incidents/${id}/impact`, {
          token: owner.token,
          body: { text: SECRETS.impact, value: 4321, unit: SECRETS.impactUnit },
        })
      ).status,
    ).toBe(200);
    expect(
      (await api(server, 'POST', `/api/v1/incidents/${id}/updates`, { token: owner.token, body: { body: SECRETS.timeline } })).status,
    ).toBe(201);

    // The customer's group is attached to the status page: it hears status.published, nothing else.
    const channel = await api(server, 'POST', '/api/v1/rooms/launch/channels', {
      token: lead.token,
      body: {
        name: 'customer group',
        kind: 'webhook',
        url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
        secret: 's3cret-hook',
        events: ['status.published'],
      },
    });
    expect(channel.status).toBe(201);

    // A watcher is on the page before anything is published.
    const watcher = statusSocket(server, 'launch');
    sockets.push(watcher.socket);
    await waitFor(() => watcher.socket.connected);

    const bad = await api(server, 'POST', '/api/v1/rooms/launch/status-incidents', {
      token: lead.token,
      body: { incidentId: 'nope', title: 'x', impact: 'huge', components: ['missing'], message: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['impact', 'message']);
    const badIds = await api(server, 'POST', '/api/v1/rooms/launch/status-incidents', {
      token: lead.token,
      body: { title: 'x', impact: 'minor', components: ['missing'], message: 'm' },
    });
    expect(badIds.status).toBe(400);
    expect(badIds.body.error.details[0].field).toBe('components.0');
    expect((await api(server, 'GET', '/api/v1/status/launch/summary')).body.incidents).toEqual([]);

    const t0 = Date.now();
    const pub = await api(server, 'POST', '/api/v1/rooms/launch/status-incidents', {
      token: lead.token,
      body: {
        incidentId: id,
        title: 'Orders are failing for some customers',
        impact: 'major',
        components: [components.Orders],
        status: 'investigating',
        message: PUBLIC_MESSAGE,
      },
    });
    expect(pub.status).toBe(201);
    ZStatusIncident.strict().parse(pub.body);
    publicIncidentId = pub.body.id;
    // Live within 2 s of the publish.
    await waitFor(() => watcher.pushes.some((p) => JSON.stringify(p).includes(PUBLIC_MESSAGE)), 2000);
    expect(Date.now() - t0).toBeLessThan(2000);

    const upd = await api(server, 'POST', `/api/v1/rooms/launch/status-incidents/${publicIncidentId}/updates`, {
      token: lead.token,
      body: { status: 'identified', message: PUBLIC_UPDATE },
    });
    expect(upd.status).toBe(201);
    expect(upd.body.updates.map((u: { status: string }) => u.status)).toEqual(['identified', 'investigating']);
    await waitFor(() => watcher.pushes.some((p) => JSON.stringify(p).includes(PUBLIC_UPDATE)), 2000);
    // Internal activity goes on; the public socket hears none of it.
    await api(server, 'POST', `/api/v1/incidents/${id}/updates`, { token: owner.token, body: { body: `restarted ${SECRETS.server}` } });

    const summary = await api(server, 'GET', '/api/v1/status/launch/summary');
    expect(summary.status).toBe(200);
    ZStatusSummary.strict().parse(summary.body);
    expect(summary.body.page.name).toBe('Acme Shop');
    expect(summary.body.status.indicator).toBe('major');
    expect(summary.body.incidents[0].incident_updates.map((u: { body: string }) => u.body)).toEqual([PUBLIC_UPDATE, PUBLIC_MESSAGE]);
    expect(summary.body.components.filter((c: { group: boolean }) => c.group).map((c: { name: string }) => c.name)).toEqual(['Shop']);

    const answers: [string, string][] = [['summary', JSON.stringify(summary.body)]];
    for (const p of [
      '/api/v1/status/launch/incidents',
      '/status/launch/feed.atom',
      '/status/launch/badge.svg',
      '/status/launch',
      '/status/launch?lang=zh',
    ]) {
      const r = await fetch(server.url + p);
      expect(r.status, p).toBe(200);
      answers.push([p, await r.text()]);
    }
    const page = answers.find(([p]) => p === '/status/launch')![1];
    expect(page).toContain(PUBLIC_MESSAGE);
    expect(page).toContain('Orders are failing for some customers');
    expect(answers.find(([p]) => p === '/status/launch/feed.atom')![1]).toContain(PUBLIC_UPDATE);
    expect(answers.find(([p]) => p === '/status/launch?lang=zh')![1]).toContain('已定位');
    await waitFor(
      () =>
        existsSync(join(statusDir, 'launch', 'index.html')) &&
        readFileSync(join(statusDir, 'launch', 'index.html'), 'utf8').includes(PUBLIC_UPDATE),
    );
    for (const f of readdirSync(join(statusDir, 'launch')))
      answers.push([`snapshot ${f}`, readFileSync(join(statusDir, 'launch', f), 'utf8')]);
    answers.push(['socket pushes', JSON.stringify(watcher.pushes)]);
    // Through the notification outbox: both public updates reached the attached channel, and only they.
    await waitFor(() => delivered.some((d) => d.includes(PUBLIC_UPDATE)) && delivered.some((d) => d.includes(PUBLIC_MESSAGE)), 10_000);
    expect(delivered.every((d) => JSON.parse(d).event === 'status.published')).toBe(true);
    answers.push(['outbox deliveries', delivered.join('\n')]);
    expect(watcher.pushes.filter((p) => (p as { forbidden?: string }).forbidden)).toEqual([]);
    for (const [where, text] of answers) assertNoSecrets(where, text);
    // A secret typed on purpose into the public message does become public: the test can tell the difference.
    const typed = await api(server, 'POST', `/api/v1/rooms/launch/status-incidents/${publicIncidentId}/updates`, {
      token: lead.token,
      body: { status: 'monitoring', message: `We moved traffic away from ${SECRETS.server}.` },
    });
    expect(typed.status).toBe(201);
    await waitFor(async () => (await (await fetch(`${server.url}/api/v1/status/launch/summary`)).text()).includes(SECRETS.server));
  });

  it('answers from its cache with ETag and Cache-Control; a change moves the ETag', async () => {
    const first = await fetch(`${server.url}/api/v1/status/launch/summary`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toContain('max-age');
    const again = await Promise.all(Array.from({ length: 50 }, () => fetch(`${server.url}/api/v1/status/launch/summary`)));
    expect(again.every((r) => r.headers.get('x-status-cache') === 'hit' && r.headers.get('etag') === etag)).toBe(true);
    const not = await fetch(`${server.url}/api/v1/status/launch/summary`, { headers: { 'if-none-match': etag } });
    expect(not.status).toBe(304);
    await api(server, 'POST', `/api/v1/rooms/launch/status-incidents/${publicIncidentId}/updates`, {
      token: lead.token,
      body: { status: 'resolved', message: 'All orders go through again.' },
    });
    const moved = await waitFor(async () => {
      const r = await fetch(`${server.url}/api/v1/status/launch/summary`, { headers: { 'if-none-match': etag } });
      return r.status === 200 ? r : null;
    }, 2000);
    const body = await moved.json();
    expect(body.incidents).toEqual([]);
    expect(body.status.indicator).toBe('none');
    const inc = await (await fetch(`${server.url}/api/v1/status/launch/incidents`)).json();
    expect(inc.incidents[0].status).toBe('resolved');
    expect(inc.incidents[0].resolved_at).not.toBeNull();
    const badge = await (await fetch(`${server.url}/status/launch/badge.svg`)).text();
    expect(badge).toContain('operational');
  });

  it('schedules a maintenance that shows on the page and in the summary', async () => {
    const bad = await api(server, 'POST', '/api/v1/rooms/launch/maintenances', {
      token: lead.token,
      body: { title: 'DB upgrade', components: [], startsAt: '2030-01-01T00:00:00Z', endsAt: '2029-01-01T00:00:00Z', message: 'm' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('endsAt');
    const now = Date.now();
    const m = await api(server, 'POST', '/api/v1/rooms/launch/maintenances', {
      token: lead.token,
      body: {
        title: 'Sign-in upgrade',
        components: [components['Sign-in']],
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
        message: 'Sign-in may be slow for a few minutes.',
      },
    });
    expect(m.status).toBe(201);
    const s = await waitFor(async () => {
      const b = await (await fetch(`${server.url}/api/v1/status/launch/summary`)).json();
      return b.scheduled_maintenances.length ? b : null;
    }, 2000);
    expect(s.scheduled_maintenances[0].status).toBe('in_progress');
    expect(s.components.find((c: { id: string }) => c.id === components['Sign-in']).status).toBe('under_maintenance');
  });

  it('keeps the public socket to its one page: no credential opens the main namespace, unknown pages are closed', async () => {
    const main = io(server.url, { transports: ['websocket'], reconnection: false });
    sockets.push(main);
    const refused = await new Promise<string>((r) => main.on('connect_error', (e) => r(e.message)));
    expect(refused).toMatch(/unauthorized/);
    const other = statusSocket(server, 'no-such-room');
    sockets.push(other.socket);
    await other.gone;
    const sneaky = statusSocket(server, '../launch');
    sockets.push(sneaky.socket);
    await sneaky.gone;
  });

  it('turning the page off closes it again', async () => {
    await api(server, 'PATCH', '/api/v1/rooms/launch/settings', { token: lead.token, body: { statusPage: { enabled: false } } });
    await waitFor(async () => (await fetch(`${server.url}/api/v1/status/launch/summary`)).status === 404, 3000);
    expect((await fetch(`${server.url}/status/launch`)).status).toBe(404);
    await api(server, 'PATCH', '/api/v1/rooms/launch/settings', { token: lead.token, body: { statusPage: { enabled: true } } });
  });
});
