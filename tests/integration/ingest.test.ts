import { checkedAnswer, checkedPush } from '../helpers/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { api, DB_KINDS, startServer, type TTestServer } from '../helpers/server';
import type { TMetricsUpdate, TRoomSnapshot } from '../../lib/events';
import type { TAck } from '../../lib/errors';

function connect(server: TTestServer, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(server.url, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

function join(s: Socket, room?: string): Promise<TRoomSnapshot> {
  return new Promise((resolve, reject) =>
    s.emit('room:join', room ? { room } : {}, (r: TAck<TRoomSnapshot>) =>
      r.ok ? resolve(checkedAnswer('room:join', r.data)) : reject(new Error(r.error.code)),
    ),
  );
}

function nextUpdate(s: Socket, pred: (u: TMetricsUpdate) => boolean = () => true, timeoutMs = 5000): Promise<TMetricsUpdate> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no metrics:update in time')), timeoutMs);
    const on = (u: TMetricsUpdate) => {
      if (!pred(u)) return;
      clearTimeout(t);
      s.off('metrics:update', on);
      // Every push keeps to its contract (lib/api/metrics.ts, strict).
      resolve(checkedPush('metrics:update', u));
    };
    s.on('metrics:update', on);
  });
}

describe.each(DB_KINDS)('ingest → socket push on %s', (kind) => {
  let server: TTestServer;
  let key: string;
  let viewer: { token: string };

  beforeAll(async () => {
    server = await startServer({ db: kind });
    key = await server.createIngestKey();
    viewer = await server.createUser('viewer');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers health and ready', async () => {
    expect((await api(server, 'GET', '/api/v1/health')).body).toEqual({ status: 'ok' });
    expect((await api(server, 'GET', '/api/v1/ready')).status).toBe(200);
  });

  it('pushes a committed batch to a connected screen and serves it as latest', async () => {
    const display = await server.createDisplayLink();
    const s = await connect(server, display);
    try {
      const snap = await join(s);
      expect(snap.room.slug).toBe('launch');
      const t = Date.now();
      const pushed = nextUpdate(s, (u) => u.latest.some((l) => l.name === 'users_total'));
      const res = await api(server, 'POST', '/api/v1/metrics', {
        token: key,
        body: {
          points: [
            { name: 'users_total', value: 1_250_000, time: t },
            { name: 'users_online', value: 4200, time: new Date(t).toISOString() },
            { name: 'cpu_ratio', value: 0.4, labels: { server: 'web-3' } },
          ],
        },
      });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ accepted: 3 });
      const u = await pushed;
      expect(u.latest.find((l) => l.name === 'users_total')?.value).toBe(1_250_000);
      expect(u.latest.find((l) => l.name === 'cpu_ratio')?.labels).toEqual({ server: 'web-3' });
      expect(u.points.find((p) => p.name === 'users_total')?.points).toEqual([[t, 1_250_000]]);

      const latest = await api(server, 'GET', '/api/v1/metrics/latest', { token: viewer.token });
      expect(latest.status).toBe(200);
      expect(latest.body.series.find((x: { name: string }) => x.name === 'users_online').value).toBe(4200);
    } finally {
      s.disconnect();
    }
  });

  it('coalesces a burst of batches into a few pushes', async () => {
    const display = await server.createDisplayLink();
    const s = await connect(server, display);
    await join(s);
    let pushes = 0;
    let last = 0;
    s.on('metrics:update', (u: TMetricsUpdate) => {
      pushes++;
      last = u.latest.find((l) => l.name === 'users_online')?.value ?? last;
    });
    const base = Date.now();
    for (let i = 1; i <= 40; i++) {
      const r = await api(server, 'POST', '/api/v1/metrics', {
        token: key,
        body: { points: [{ name: 'users_online', value: i, time: base + i }] },
      });
      expect(r.status).toBe(202);
    }
    await new Promise((r) => setTimeout(r, 800));
    s.disconnect();
    expect(last).toBe(40);
    expect(pushes).toBeGreaterThan(0);
    expect(pushes).toBeLessThan(20);
  });

  it('a reconnecting screen gets current state and history in its snapshot', async () => {
    const display = await server.createDisplayLink();
    const s = await connect(server, display);
    const snap = await join(s);
    s.disconnect();
    expect(snap.latest.find((l) => l.name === 'users_total')?.value).toBe(1_250_000);
    const hist = snap.history.find((h) => h.name === 'users_total');
    expect(hist?.points.length).toBeGreaterThan(0);
  });

  it('refuses a batch with one bad point whole, naming the point and field', async () => {
    const before = await server.ctx.prisma.metricSample.count();
    const res = await api(server, 'POST', '/api/v1/metrics', {
      token: key,
      body: {
        points: [
          { name: 'users_total', value: 5 },
          { name: 'users_total', value: 'lots' },
          { name: 'bad name', value: 1 },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toContain('points.1.value');
    expect(fields).toContain('points.2.name');
    expect(await server.ctx.prisma.metricSample.count()).toBe(before);
  });

  it('refuses more than 10,000 points, bad times, unknown rooms and fields', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({ name: 'x', value: i }));
    const tooMany = await api(server, 'POST', '/api/v1/metrics', { token: key, body: { points: many } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details[0].field).toBe('points');
    const badTime = await api(server, 'POST', '/api/v1/metrics', {
      token: key,
      body: { points: [{ name: 'x', value: 1, time: 'yesterday' }] },
    });
    expect(badTime.body.error.details[0].field).toBe('points.0.time');
    const room = await api(server, 'POST', '/api/v1/metrics', { token: key, body: { room: 'nowhere', points: [{ name: 'x', value: 1 }] } });
    expect(room.status).toBe(404);
    expect(room.body.error.details[0].field).toBe('room');
    const extra = await api(server, 'POST', '/api/v1/metrics', { token: key, body: { points: [{ name: 'x', value: 1, colour: 'red' }] } });
    expect(extra.status).toBe(400);
    const notJson = await api(server, 'POST', '/api/v1/metrics', { token: key, body: '{"points": [' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('bad_request');
  });

  it('answers 401 without a valid key and 413 for an oversized body', async () => {
    expect((await api(server, 'POST', '/api/v1/metrics', { body: { points: [{ name: 'x', value: 1 }] } })).status).toBe(401);
    expect(
      (await api(server, 'POST', '/api/v1/metrics', { token: 'wr_ing_nope', body: { points: [{ name: 'x', value: 1 }] } })).status,
    ).toBe(401);
    const big = JSON.stringify({ points: [{ name: 'x', value: 1, labels: { pad: 'y'.repeat(150) } }] }).padEnd(5 * 1024 * 1024, ' ');
    const res = await api(server, 'POST', '/api/v1/metrics', { token: key, body: big });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('keeps every acknowledged point across a restart', async () => {
    const t = Date.now();
    const points = Array.from({ length: 10_000 }, (_, i) => ({ name: 'restart_check', value: i, time: t - 10_000 + i }));
    const res = await api(server, 'POST', '/api/v1/metrics', { token: key, body: { points } });
    expect(res.status).toBe(202);
    await server.restart();
    const latest = await api(server, 'GET', '/api/v1/metrics/latest', { token: viewer.token });
    expect(latest.body.series.find((x: { name: string }) => x.name === 'restart_check').value).toBe(9_999);
    const series = await server.ctx.prisma.metricSeries.findFirstOrThrow({ where: { name: 'restart_check' } });
    expect(await server.ctx.prisma.metricSample.count({ where: { seriesId: series.id } })).toBe(10_000);
  });
});
