import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TTestServer } from '../helpers/server';
import { waitFor } from './signals-helpers';

const REDIS_URL = process.env.WARROOM_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two processes on one PostgreSQL database and Redis: each probe check runs once, and a restart keeps the schedule. */
describe('probes with several processes', () => {
  let a: TTestServer;
  let b: TTestServer;
  let target: Server;
  let url = '';
  const hits: Record<string, number> = {};

  beforeAll(async () => {
    target = createServer((req, res) => {
      hits[req.url ?? ''] = (hits[req.url ?? ''] ?? 0) + 1;
      res.end('ok');
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
    a = await startServer({ db: 'postgres', env: { REDIS_URL } });
    b = await startServer({ db: 'postgres', env: { REDIS_URL }, databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    target?.close();
  });

  it('each check of each probe runs once across both processes, and a restart neither loses nor doubles it', async () => {
    const lead = await a.createUser('lead');
    const names = ['p1', 'p2', 'p3', 'p4'];
    for (const name of names) {
      const r = await api(a, 'POST', '/api/v1/rooms/launch/probes', {
        token: lead.token,
        body: { name, url: `${url}/${name}`, intervalSeconds: 5 },
      });
      expect(r.status).toBe(201);
    }
    const results = async () => {
      const r = await api(b, 'GET', '/api/v1/rooms/launch/probes', { token: lead.token });
      return Object.fromEntries((r.body.probes as { name: string; recent: unknown[] }[]).map((p) => [p.name, p.recent.length]));
    };
    await waitFor('two checks each', async () => Object.values(await results()).every((n) => n >= 2), 80);
    // One process restarts; the schedule is in the database.
    await a.restart();
    await waitFor('four checks each', async () => Object.values(await results()).every((n) => n >= 4), 120);
    // Stop the schedule and let checks in flight land, so the counts below are final.
    const ids = (await api(b, 'GET', '/api/v1/rooms/launch/probes', { token: lead.token })).body.probes.map((p: { id: string }) => p.id);
    for (const id of ids)
      expect((await api(b, 'PATCH', `/api/v1/rooms/launch/probes/${id}`, { token: lead.token, body: { paused: true } })).status).toBe(200);
    await waitFor('no lease held', async () => (await a.ctx.prisma.probe.count({ where: { leaseOwner: { not: null } } })) === 0, 80);
    const got = await results();
    const stored = await a.ctx.prisma.metricSeries.findMany({
      where: { name: 'probe_up' },
      include: { _count: { select: { samples: true } } },
    });
    for (const name of names) {
      // Hits seen by the target = results recorded = samples stored: nothing ran twice, nothing was dropped.
      const recorded = (await results())[name]!;
      expect(hits[`/${name}`]).toBeGreaterThanOrEqual(got[name]!);
      expect(hits[`/${name}`]).toBe(recorded);
      expect(stored.find((s) => s.labelsKey === `{"probe":"${name}"}`)?._count.samples).toBe(recorded);
    }
  });
});
