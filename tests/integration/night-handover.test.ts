import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { NIGHT } from '../../lib/api/night';
import { checkedPush } from '../helpers/contract';
import type { TPushPayload } from '../../lib/events';
import type { TAck } from '../../lib/errors';
import type { THandoverDto } from '../../lib/api/night-report';
import { api, startServer, type TTestServer } from '../helpers/server';
import { connect, KINDS, nextEvent } from './incidents-helpers';
import { seedNight, type TSeededNight } from './night-seed';

const E = NIGHT;

describe.each(KINDS)('shift handover on %s', (kind) => {
  let server: TTestServer;
  let night: TSeededNight;
  let wall: Socket;

  beforeAll(async () => {
    server = await startServer({ db: kind });
    night = await seedNight(server);
    // A server seen on a series, taken out of its pool by the outgoing lead.
    await api(server, 'POST', '/api/v1/metrics', {
      token: night.ingest,
      body: { points: [{ name: 'cpu_ratio', value: 0.97, labels: { server: 'web-3' } }] },
    });
    const drained = await api(server, 'POST', '/api/v1/rooms/launch/servers/web-3/drain', {
      token: night.people.leadA.token,
      body: { reason: 'hardware fault' },
    });
    expect(drained.status).toBe(200);
    // Probes as the scheduler leaves them after failed checks (seeded in the database, with no next run soon,
    // so no incident is opened here): a down one is in the brief, a paused one is not.
    const room = await server.ctx.prisma.room.findUniqueOrThrow({ where: { slug: 'launch' } });
    const later = new Date(Date.now() + 3600_000);
    for (const [name, paused] of [
      ['orders-api', false],
      ['paused-one', true],
    ] as const) {
      await server.ctx.prisma.probe.create({
        data: {
          roomId: room.id,
          name,
          url: 'http://127.0.0.1:9/health',
          state: 'down',
          paused,
          lastCheckedAt: new Date(),
          lastError: 'connection refused',
          nextRunAt: later,
        },
      });
    }
    const display = await server.createDisplayLink();
    wall = await connect(server, display);
    await new Promise<void>((resolve, reject) =>
      wall.emit('room:join', {}, (r: TAck<unknown>) => (r.ok ? resolve() : reject(new Error(r.error.code)))),
    );
  });
  afterAll(async () => {
    wall?.close();
    await server?.stop();
  });

  let first: THandoverDto;

  it('builds the brief from the data: open incidents with owner, status, last update and what was ruled out; the shift so far', async () => {
    const before = Date.now();
    const r = await api(server, 'POST', '/api/v1/rooms/launch/handovers', {
      token: night.people.leadA.token,
      body: { to: night.people.leadB.email, note: 'risk: partner feed; next checkpoint 08:30' },
    });
    expect(r.status).toBe(201);
    first = E.createHandover.response.parse(r.body);
    expect(first).toMatchObject({
      from: { id: night.people.leadA.id, name: 'Lead Anna' },
      to: { id: night.people.leadB.id, name: 'Qian Lan' },
      acceptedAt: null,
      note: 'risk: partner feed; next checkpoint 08:30',
    });
    const b = first.brief;
    // No accepted handover yet: the shift is the room's last 24 hours.
    expect(Date.parse(b.until) - Date.parse(b.since)).toBe(24 * 3600_000);
    expect(Date.parse(b.until)).toBeGreaterThanOrEqual(before - 1000);

    const { incidents: ids, people } = night;
    expect(b.openIncidents.map((i) => i.id).sort()).toEqual([ids.openOwned, ids.openUnowned, ids.openClaimed].sort());
    const owned = b.openIncidents.find((i) => i.id === ids.openOwned)!;
    expect(owned).toMatchObject({
      title: 'Partner feed sends dirty records',
      severity: 'SEV1',
      status: 'investigating',
      owner: { id: people.eng2.id, name: 'Eng Two' },
    });
    expect(owned.lastUpdate).toMatchObject({ kind: 'post', by: 'Eng Two', text: 'repairing rows by hand while the root cause is hunted' });
    expect(owned.ruledOut.map((f) => [f.text, f.decidedBy])).toEqual([
      ['code', 'Eng Two'],
      ['middleware', 'Eng Two'],
    ]);
    expect(b.openIncidents.find((i) => i.id === ids.openUnowned)!.owner).toBeNull();
    expect(b.openIncidents.find((i) => i.id === ids.openClaimed)!.owner).toEqual({ id: people.leadA.id, name: 'Lead Anna' });

    expect(b.openedIncidents).toHaveLength(5);
    expect(b.resolvedIncidents.map((i) => i.title).sort()).toEqual(['Login latency', 'Node web-3 hardware fault']);
    const uv = night.users.map((p) => p[1]);
    const ov = night.online.map((p) => p[1]);
    const peak = Math.max(...ov);
    expect(b.figures).toEqual({
      usersStart: uv[0],
      usersEnd: uv[uv.length - 1],
      usersGained: uv[uv.length - 1]! - uv[0]!,
      onlinePeak: peak,
      onlinePeakAt: new Date(night.online[ov.indexOf(peak)]![0]).toISOString(),
    });
    expect(b.milestones.map((m) => m.threshold)).toEqual([1_000_000]);
    expect(b.serversDrained).toEqual([{ name: 'web-3', reason: 'hardware fault', drainedAt: expect.any(String), drainedBy: 'Lead Anna' }]);
    expect(b.probesDown).toEqual([
      { name: 'orders-api', url: 'http://127.0.0.1:9/health', lastCheckedAt: expect.any(String), error: 'connection refused' },
    ]);
  });

  it('lets only the named lead accept; the outgoing lead, an engineer and another lead cannot', async () => {
    const other = await server.createUser('lead', 'Other Lead');
    const accept = (token: string, body: unknown = {}) =>
      api(server, 'POST', `/api/v1/rooms/launch/handovers/${first.id}/accept`, { token, body });
    expect((await accept(other.token)).status).toBe(403);
    expect((await accept(night.people.eng1.token)).status).toBe(403);
    expect((await accept(night.people.leadA.token)).status).toBe(403);
    expect((await api(server, 'POST', '/api/v1/rooms/launch/handovers', { token: night.people.eng1.token, body: {} })).status).toBe(403);
    const bad = await api(server, 'POST', '/api/v1/rooms/launch/handovers', {
      token: night.people.leadA.token,
      body: { to: night.people.eng1.email },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('to');
    const self = await api(server, 'POST', '/api/v1/rooms/launch/handovers', {
      token: night.people.leadA.token,
      body: { to: night.people.leadA.email },
    });
    expect(self.body.error.details[0].field).toBe('to');
    expect((await accept(night.people.leadB.token, { takeOwnership: 'yes' })).body.error.details[0].field).toBe('takeOwnership');
  });

  it('accepts with ownership taken over through the incident timelines, pushes it live, then is read-only', async () => {
    const pushed = nextEvent<{ handover: THandoverDto }>(
      wall,
      'handover:changed',
      (p) => p.handover.id === first.id && p.handover.acceptedAt !== null,
    );
    const r = await api(server, 'POST', `/api/v1/rooms/launch/handovers/${first.id}/accept`, {
      token: night.people.leadB.token,
      body: { takeOwnership: true },
    });
    expect(r.status).toBe(200);
    const accepted = E.acceptHandover.response.parse(r.body);
    expect(accepted.acceptedBy).toEqual({ id: night.people.leadB.id, name: 'Qian Lan' });
    expect(accepted.acceptedAt).not.toBeNull();
    expect(accepted.tookOver).toBe(3);
    // The push is the socket contract's shape (lib/api/night.ts, strict).
    expect(checkedPush<TPushPayload<'handover:changed'>>('handover:changed', await pushed).handover.acceptedBy?.name).toBe('Qian Lan');

    for (const id of [night.incidents.openOwned, night.incidents.openUnowned, night.incidents.openClaimed]) {
      const d = (await api(server, 'GET', `/api/v1/incidents/${id}`, { token: night.people.viewer.token })).body;
      expect(d.owner.id).toBe(night.people.leadB.id);
      expect(d.timeline.at(-1)).toMatchObject({ kind: 'handover', author: { id: night.people.leadB.id } });
    }
    // Read-only: a second accept changes nothing.
    expect(
      (await api(server, 'POST', `/api/v1/rooms/launch/handovers/${first.id}/accept`, { token: night.people.leadB.token, body: {} }))
        .status,
    ).toBe(409);

    const list = E.listHandovers.response.parse(
      (await api(server, 'GET', '/api/v1/rooms/launch/handovers', { token: night.people.viewer.token })).body,
    );
    expect(list.onDuty).toEqual({ person: { id: night.people.leadB.id, name: 'Qian Lan' }, since: accepted.acceptedAt });
    expect(list.handovers[0]!.brief).toEqual(first.brief);
  });

  it('starts the next shift at the accepted handover: only what happened since', async () => {
    const t = Date.now();
    await api(server, 'POST', '/api/v1/metrics', {
      token: night.ingest,
      body: {
        points: [
          { name: 'users_total', value: 2_000_000, time: t },
          { name: 'users_total', value: 2_000_450, time: t + 1 },
          { name: 'users_online', value: 91_000, time: t },
        ],
      },
    });
    const opened = await api(server, 'POST', '/api/v1/incidents', {
      token: night.people.eng1.token,
      body: { title: 'CDN errors', severity: 'SEV3' },
    });
    const r = await api(server, 'POST', '/api/v1/rooms/launch/handovers', { token: night.people.leadB.token, body: {} });
    expect(r.status).toBe(201);
    const list = (await api(server, 'GET', '/api/v1/rooms/launch/handovers', { token: night.people.viewer.token })).body;
    const b = E.createHandover.response.parse(r.body).brief;
    expect(b.since).toBe(list.onDuty.since);
    expect(b.openedIncidents.map((i) => i.number)).toEqual([opened.body.number]);
    expect(b.resolvedIncidents).toEqual([]);
    expect(b.figures).toMatchObject({ usersStart: 2_000_000, usersEnd: 2_000_450, usersGained: 450, onlinePeak: 91_000 });
    expect(b.openIncidents.find((i) => i.number === opened.body.number)!.owner).toBeNull();
    // No one named: any lead but the outgoing one may accept.
    expect(
      (await api(server, 'POST', `/api/v1/rooms/launch/handovers/${r.body.id}/accept`, { token: night.people.leadA.token, body: {} }))
        .status,
    ).toBe(200);
  });

  it('honours Idempotency-Key: the same key again answers the first handover and makes no second', async () => {
    const headers = { 'idempotency-key': `handover-${kind}-once` };
    const a = await api(server, 'POST', '/api/v1/rooms/launch/handovers', {
      token: night.people.leadA.token,
      body: { note: 'once' },
      headers,
    });
    const b = await api(server, 'POST', '/api/v1/rooms/launch/handovers', {
      token: night.people.leadA.token,
      body: { note: 'once' },
      headers,
    });
    expect(a.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(await server.ctx.prisma.handover.count({ where: { note: 'once' } })).toBe(1);
  });
});
