import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { api, startServer, type TTestServer } from '../helpers/server';
import type { TMetricsUpdate } from '../../lib/events';

const REDIS_URL = process.env.WARROOM_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two processes on one PostgreSQL database, broadcasting through Redis: the production shape. */
describe('several processes behind Redis', () => {
  let a: TTestServer;
  let b: TTestServer;

  beforeAll(async () => {
    a = await startServer({ db: 'postgres', env: { REDIS_URL } });
    b = await startServer({ db: 'postgres', env: { REDIS_URL }, databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('a batch ingested by one process reaches a screen connected to the other', async () => {
    const display = await a.createDisplayLink();
    const key = await a.createIngestKey();
    const s: Socket = io(b.url, { path: '/socket.io', transports: ['websocket'], auth: { token: display }, reconnection: false });
    try {
      await new Promise<void>((r, j) => {
        s.once('connect', () => r());
        s.once('connect_error', j);
      });
      await new Promise<void>((r, j) => s.emit('room:join', {}, (ack: { ok: boolean }) => (ack.ok ? r() : j(new Error('join refused')))));
      const got = new Promise<TMetricsUpdate>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('no push through redis')), 15_000);
        s.on('metrics:update', (u: TMetricsUpdate) => {
          if (u.latest.some((l) => l.name === 'users_total' && l.value === 2_540_000)) {
            clearTimeout(t);
            resolve(u);
          }
        });
      });
      const res = await api(a, 'POST', '/api/v1/metrics', { token: key, body: { points: [{ name: 'users_total', value: 2_540_000 }] } });
      expect(res.status).toBe(202);
      const u = await got;
      expect(u.points.find((p) => p.name === 'users_total')?.points.at(-1)?.[1]).toBe(2_540_000);
      // And the other process serves the same stored value.
      const viewer = await b.createUser('viewer');
      const latest = await api(b, 'GET', '/api/v1/metrics/latest', { token: viewer.token });
      expect(latest.body.series.find((x: { name: string }) => x.name === 'users_total').value).toBe(2_540_000);
    } finally {
      s.disconnect();
    }
  });
});
