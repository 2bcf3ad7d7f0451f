import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { NIGHT } from '../../lib/api/night';
import { checkedPush } from '../helpers/contract';
import type { TPushPayload } from '../../lib/events';
import type { TAck } from '../../lib/errors';
import { api, startServer, type TTestServer } from '../helpers/server';
import { connect, KINDS, nextEvent } from './incidents-helpers';

const E = NIGHT;

describe.each(KINDS)('planned curve on %s', (kind) => {
  let server: TTestServer;
  let lead: { token: string };
  let viewer: { token: string };
  let engineer: { token: string };
  let wall: Socket;

  beforeAll(async () => {
    server = await startServer({ db: kind });
    lead = await server.createUser('lead');
    viewer = await server.createUser('viewer');
    engineer = await server.createUser('engineer');
    wall = await connect(server, await server.createDisplayLink());
    await new Promise<void>((resolve, reject) =>
      wall.emit('room:join', {}, (r: TAck<unknown>) => (r.ok ? resolve() : reject(new Error(r.error.code)))),
    );
  });
  afterAll(async () => {
    wall?.close();
    await server?.stop();
  });

  const put = (body: unknown, token = lead.token) => api(server, 'PUT', '/api/v1/rooms/launch/plan', { token, body });

  it('names the bad field and stores nothing', async () => {
    const cases: [unknown, string][] = [
      [{ points: [{ time: 0, value: 1 }] }, 'series'],
      [{ series: 'users total', points: [{ time: 0, value: 1 }] }, 'series'],
      [{ series: 'users_total', points: [] }, 'points'],
      [
        {
          series: 'users_total',
          points: [
            { time: 0, value: 1 },
            { time: 60_000, value: 'many' },
          ],
        },
        'points.1.value',
      ],
      [{ series: 'users_total', points: [{ time: 'tonight', value: 1 }] }, 'points.0.time'],
      [
        {
          series: 'users_total',
          points: [
            { time: 0, value: 1 },
            { time: 0, value: 2 },
          ],
        },
        'points.1.time',
      ],
      [{ series: 'users_total', points: Array.from({ length: 10_001 }, (_, i) => ({ time: i, value: i })) }, 'points'],
    ];
    for (const [body, field] of cases) {
      const r = await put(body);
      expect(r.status, field).toBe(400);
      expect(
        r.body.error.details.map((d: { field: string }) => d.field),
        field,
      ).toContain(field);
    }
    expect((await put({ series: 'users_total', points: [{ time: 0, value: 1 }] }, engineer.token)).status).toBe(403);
    expect((await api(server, 'GET', '/api/v1/rooms/launch/plan', { token: viewer.token })).body).toEqual({ plans: [] });
  });

  it('sorts what it is given, pushes the change, and the report measures the actual against it', async () => {
    const t0 = Math.floor(Date.now() / 60_000) * 60_000 - 30 * 60_000;
    const pushed = nextEvent<{ series: string }>(wall, 'plan:changed');
    const r = await put({
      series: 'users_total',
      points: [
        { time: new Date(t0 + 60 * 60_000).toISOString(), value: 1_600_000 },
        { time: t0, value: 1_000_000 },
        { time: t0 + 30 * 60_000, value: 1_300_000 },
      ],
    });
    expect(r.status).toBe(200);
    expect(E.setPlan.response.parse(r.body).points).toEqual([
      [t0, 1_000_000],
      [t0 + 30 * 60_000, 1_300_000],
      [t0 + 60 * 60_000, 1_600_000],
    ]);
    expect(checkedPush<TPushPayload<'plan:changed'>>('plan:changed', await pushed).series).toBe('users_total');
    const list = E.listPlans.response.parse((await api(server, 'GET', '/api/v1/rooms/launch/plan', { token: viewer.token })).body);
    expect(list.plans.map((p) => p.series)).toEqual(['users_total']);

    // Actual at t0 + 15 min is 1,192,800; planned there is 1,150,000 (linear between the plan's points).
    const ingest = await server.createIngestKey();
    await api(server, 'POST', '/api/v1/metrics', {
      token: ingest,
      body: {
        points: [
          { name: 'users_total', value: 1_100_000, time: t0 },
          { name: 'users_total', value: 1_192_800, time: t0 + 15 * 60_000 },
        ],
      },
    });
    const rep = E.report.response.parse(
      (await api(server, 'GET', `/api/v1/rooms/launch/report?from=${t0 - 60_000}&to=${t0 + 20 * 60_000}`, { token: viewer.token })).body,
    );
    expect(rep.figures.plan).toMatchObject({
      series: 'users_total',
      planned: 1_150_000,
      actual: 1_192_800,
      at: new Date(t0 + 15 * 60_000).toISOString(),
    });
    expect(rep.figures.plan!.ratio).toBeCloseTo((1_192_800 - 1_150_000) / 1_150_000, 12);
    expect(rep.chart.plans[0]!.points).toHaveLength(3);
    // Replacing keeps one plan per series.
    expect((await put({ series: 'users_total', points: [{ time: t0, value: 5 }] })).status).toBe(200);
    expect((await api(server, 'GET', '/api/v1/rooms/launch/plan', { token: viewer.token })).body.plans[0].points).toEqual([[t0, 5]]);
  });
});
