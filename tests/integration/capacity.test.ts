import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { CAPACITY } from '../../lib/api/capacity';
import { INCIDENTS } from '../../lib/api/incidents';
import type { TAck } from '../../lib/errors';
import { startFakeChat, type TFakeChat } from '../helpers/fake-chat';
import { api, startServer, type TTestServer } from '../helpers/server';
import { connect, KINDS, nextEvent } from './incidents-helpers';
import { waitFor } from './signals-helpers';

/**
 * Capacity headroom end to end: the model over HTTP, the healthy pool from
 * the fleet judge, the forecast on ingested points, the signal after two
 * evaluations in a row, the drain re-evaluating at once. The lead time is
 * half a minute (one-second rollups), so the night's scales pass in seconds.
 */
describe.each(KINDS)('capacity headroom on %s', (kind) => {
  let server: TTestServer;
  let key: string;
  let lead: string;
  let viewer: string;
  let wall: Socket;
  let chat: TFakeChat;
  /** capacity.warning messages that reached the webhook channels, by language */
  const warnings = (lang: 'en' | 'zh') =>
    chat.messages.filter((m) => m.path === `/webhook/${lang}` && m.headers['x-warroom-event'] === 'capacity.warning');
  const SERVERS = ['web-1', 'web-2', 'web-3', 'web-4'];

  const push = async (points: { name: string; value: number; time: number; labels?: Record<string, string> }[]) => {
    const r = await api(server, 'POST', '/api/v1/metrics', { token: key, body: { points } });
    expect(r.status).toBe(202);
  };
  const heartbeat = (time: number) => SERVERS.map((s) => ({ name: 'cpu_ratio', value: 0.4, time, labels: { server: s } }));
  const get = async () => {
    const r = await api(server, 'GET', '/api/v1/rooms/launch/capacity', { token: viewer });
    expect(r.status).toBe(200);
    return CAPACITY.get.response.parse(r.body);
  };
  const put = (body: unknown, token = lead) => api(server, 'PUT', '/api/v1/rooms/launch/capacity', { token, body });
  const capacityIncidents = () => server.ctx.prisma.incident.findMany({ where: { source: 'capacity' }, orderBy: { number: 'asc' } });

  beforeAll(async () => {
    chat = await startFakeChat();
    server = await startServer({ db: kind, env: { WARROOM_OUTBOX_TICK_MS: '100' } });
    // Two webhook channels that want capacity warnings (one in Chinese), and one that does not.
    const roomId = (await server.ctx.prisma.room.findUniqueOrThrow({ where: { slug: 'launch' } })).id;
    for (const [name, language, events] of [
      ['en', 'en', ['capacity.warning']],
      ['zh', 'zh', ['capacity.warning']],
      ['other', 'en', ['incident.resolved']],
    ] as const)
      await server.ctx.prisma.notifyChannel.create({
        data: {
          roomId,
          name,
          kind: 'webhook',
          language,
          url: `${chat.url}/webhook/${name}`,
          secret: chat.secrets.webhook,
          events: JSON.stringify(events),
        },
      });
    key = await server.createIngestKey();
    lead = (await server.createUser('lead')).token;
    viewer = (await server.createUser('viewer')).token;
    wall = await connect(server, await server.createDisplayLink());
    await new Promise<void>((resolve, reject) =>
      wall.emit('room:join', {}, (r: TAck<unknown>) => (r.ok ? resolve() : reject(new Error(r.error.code)))),
    );
  });
  afterAll(async () => {
    wall?.close();
    await server?.stop();
    await chat?.close();
  });

  it('answers an empty model first, refuses bad models naming the field, and only leads may set it', async () => {
    expect(await get()).toMatchObject({ model: null, now: null, forecast: [], saturatesAt: null, nPlusOneSaturatesAt: null });
    const cases: [unknown, string][] = [
      [{ series: 'users_online', perServer: null }, 'perServer'],
      [{ series: 'users_online' }, 'perServer'],
      [{ series: 'users online', perServer: 100 }, 'series'],
      [{ perServer: -5 }, 'perServer'],
      [{ perServer: 100, targetUtilization: 1.5 }, 'targetUtilization'],
      [{ perServer: 100, leadMinutes: 0 }, 'leadMinutes'],
      [{ perServer: 100, perServerSeries: 'bad name' }, 'perServerSeries'],
      [{ perServer: 100, extra: 1 }, ''],
    ];
    for (const [body, field] of cases) {
      const r = await put(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      if (field) expect(r.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await put({ perServer: 100 }, viewer)).status).toBe(403);
    expect((await get()).model).toBeNull();
  });

  it('forecasts a climb against the healthy pool, warns after two evaluations within the lead time, once', async () => {
    const now = Date.now();
    // 30 s of climbing load (+50 a second) on 4 healthy servers of 1,000: limit 3,200, reached in about 14 s.
    await push([
      ...heartbeat(now),
      ...Array.from({ length: 31 }, (_, i) => ({ name: 'users_online', value: 1000 + 50 * i, time: now - (30 - i) * 1000 })),
    ]);
    const r = await put({ series: 'users_online', perServer: 1000, leadMinutes: 0.5 });
    expect(r.status).toBe(200);
    expect(CAPACITY.set.response.parse(r.body)).toMatchObject({ perServer: 1000, targetUtilization: 0.8, leadMinutes: 0.5 });

    const c = await get();
    expect(c.now).toMatchObject({ healthyServers: 4, capacity: 4000, limit: 3200, nPlusOneLimit: 2400, load: 2500 });
    expect(c.now!.utilization).toBeCloseTo(0.625);
    expect(c.forecast.length).toBe(61);
    const at10 = c.forecast[10]!;
    expect(at10.value).toBeGreaterThan(2800);
    expect(at10.value).toBeLessThan(3200);
    expect(at10.low).toBeLessThanOrEqual(at10.value);
    expect(at10.high).toBeGreaterThanOrEqual(at10.value);
    const sat = Date.parse(c.saturatesAt!) - c.serverTime;
    const sat1 = Date.parse(c.nPlusOneSaturatesAt!) - c.serverTime;
    expect(sat).toBeGreaterThan(5_000);
    expect(sat).toBeLessThan(20_000);
    expect(sat1).toBeLessThan(sat);
    expect(c.history.length).toBeGreaterThan(20);

    // The model change was one evaluation; the next bucket's point is the second: one incident, kind capacity.
    await new Promise((res) => setTimeout(res, 1100));
    await push([...heartbeat(Date.now()), { name: 'users_online', value: 2550, time: Date.now() }]);
    const [inc] = await waitFor('capacity incident', async () => {
      const l = await capacityIncidents();
      return l.length ? l : null;
    });
    const got = await api(server, 'GET', `/api/v1/incidents/${inc!.id}`, { token: viewer });
    const dto = INCIDENTS.get.response.parse(got.body);
    expect(dto.source).toMatchObject({ kind: 'capacity', key: 'pool' });
    expect(dto.severity).toBe('SEV2');
    expect(dto.impact?.text).toMatch(/^pool 6\d % · full in ~\d+ (s|min)/);
    // The outbox carries it, written with the incident: in each channel's language, with the forecast.
    const deliveries = await server.ctx.prisma.delivery.findMany({ where: { event: 'capacity.warning' } });
    expect(deliveries).toHaveLength(2);
    expect(deliveries.every((d) => d.incidentNumber === inc!.number)).toBe(true);
    await waitFor('capacity.warning delivered', async () => warnings('en').length === 1 && warnings('zh').length === 1);
    expect(warnings('en')[0]?.text).toMatch(/^\*\*\[SEV2\] #\d+ Pool near capacity: full in ~\d+ (s|min) — capacity warning\*\*/);
    expect(warnings('en')[0]?.text).toMatch(/pool 6\d % · full in ~\d+ (s|min) · N\+1 (in ~\d+ (s|min)|full now)/);
    expect(warnings('zh')[0]?.text).toMatch(/容量预警/);
    expect(warnings('zh')[0]?.text).toMatch(/资源池 6\d % · 约 \d+(秒|分钟)后满载/);
    expect(chat.messages.some((m) => m.path === '/webhook/other')).toBe(false);
    // More evaluations within the lead time change nothing: still one incident.
    for (let i = 0; i < 2; i++) {
      await new Promise((res) => setTimeout(res, 1100));
      const evaluated = nextEvent(wall, 'capacity:changed');
      await push([...heartbeat(Date.now()), { name: 'users_online', value: 2600 + 50 * i, time: Date.now() }]);
      await evaluated;
    }
    expect((await capacityIncidents()).length).toBe(1);
    expect(await server.ctx.prisma.delivery.count({ where: { event: 'capacity.warning' } })).toBe(2);
  });

  it('draining a server shrinks the pool at once; headroom back notes it and moves the incident to monitoring', async () => {
    const pushed = nextEvent<{ roomId: string }>(wall, 'capacity:changed');
    const d = await api(server, 'POST', '/api/v1/rooms/launch/servers/web-4/drain', { token: lead, body: { reason: 'test' } });
    expect(d.status).toBe(200);
    await pushed;
    const c = await get();
    expect(c.now).toMatchObject({ healthyServers: 3, capacity: 3000, limit: 2400 });
    expect(c.saturatesAt).toBe(c.now!.at); // past the limit already

    // A bigger model: two evaluations outside the lead time recover the signal.
    expect((await put({ series: 'users_online', perServer: 100_000, leadMinutes: 0.5 })).status).toBe(200);
    await new Promise((res) => setTimeout(res, 1100));
    await push([...heartbeat(Date.now()), { name: 'users_online', value: 2700, time: Date.now() }]);
    const inc = await waitFor('monitoring', async () => {
      const [i] = await capacityIncidents();
      return i?.status === 'monitoring' ? i : null;
    });
    const entries = await server.ctx.prisma.incidentEntry.findMany({ where: { incidentId: inc.id, kind: 'auto' } });
    expect(entries.some((e) => (e.body ?? '').startsWith('headroom back'))).toBe(true);
    expect((await capacityIncidents()).length).toBe(1);
  });

  it('a restart keeps the model and the warning: a firing pool is not announced again', async () => {
    // Back within the lead time (3 healthy × 1,000, the load past the limit): the monitoring incident is investigated again.
    expect((await put({ series: 'users_online', perServer: 1000, leadMinutes: 0.5 })).status).toBe(200);
    await new Promise((res) => setTimeout(res, 1100));
    await push([...heartbeat(Date.now()), { name: 'users_online', value: 2750, time: Date.now() }]);
    const inc = await waitFor('investigating again', async () => {
      const [i] = await capacityIncidents();
      return i?.status === 'investigating' ? i : null;
    });
    const entriesBefore = await server.ctx.prisma.incidentEntry.count({ where: { incidentId: inc.id } });
    // Reopened: warned again (past the limit already: "full now"), once per channel.
    await waitFor('second warning', async () => warnings('en').length === 2 && warnings('zh').length === 2);
    expect(warnings('en')[1]?.text).toContain('pool 9');
    expect(warnings('en')[1]?.text).toContain('full now');
    expect(warnings('zh')[1]?.text).toContain('已满载');

    await server.restart();
    expect((await get()).model).toMatchObject({ perServer: 1000, leadMinutes: 0.5 });
    for (let i = 0; i < 2; i++) {
      await new Promise((res) => setTimeout(res, 1100));
      await push([...heartbeat(Date.now()), { name: 'users_online', value: 2800 + 10 * i, time: Date.now() }]);
    }
    // The evaluator has run (its push reaches the wall's new socket); nothing new was written.
    const again = await connect(server, await server.createDisplayLink());
    await new Promise<void>((resolve, reject) =>
      again.emit('room:join', {}, (r: TAck<unknown>) => (r.ok ? resolve() : reject(new Error(r.error.code)))),
    );
    const evaluated = nextEvent(again, 'capacity:changed');
    await new Promise((res) => setTimeout(res, 1100));
    await push([...heartbeat(Date.now()), { name: 'users_online', value: 2850, time: Date.now() }]);
    await evaluated;
    again.close();
    expect((await capacityIncidents()).length).toBe(1);
    expect(await server.ctx.prisma.incidentEntry.count({ where: { incidentId: inc.id } })).toBe(entriesBefore);
    expect(await server.ctx.prisma.delivery.count({ where: { event: 'capacity.warning' } })).toBe(4);
  });
});
