import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TTestServer } from '../helpers/server';
import { connect, KINDS } from './incidents-helpers';

describe.each(KINDS)('GET /metrics (%s)', (db) => {
  let server: TTestServer;
  beforeAll(async () => {
    server = await startServer({ db });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers 401 without a bearer and 403 to a token that is neither an ingest key nor an admin, in the error shape', async () => {
    const none = await api(server, 'GET', '/metrics');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthorized');
    const viewer = await server.createUser('viewer');
    const denied = await api(server, 'GET', '/metrics', { token: viewer.token });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
  });

  it('shows sockets, pushes, points ingested, latency histograms and event-loop lag to an ingest key or an admin', async () => {
    const key = await server.createIngestKey();
    const admin = await server.createUser('admin');
    const display = await server.createDisplayLink();
    const wall = await connect(server, display);
    try {
      await new Promise<void>((r, j) => wall.emit('room:join', {}, (a: { ok: boolean }) => (a.ok ? r() : j(new Error('join refused')))));
      const pushed = new Promise<void>((r) => wall.once('metrics:update', () => r()));
      expect(
        (
          await api(server, 'POST', '/api/v1/metrics', {
            token: key,
            body: {
              points: [
                { name: 'users_total', value: 1 },
                { name: 'users_online', value: 1 },
              ],
            },
          })
        ).status,
      ).toBe(202);
      await pushed;
      const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${key}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      expect(text).toMatch(/^warroom_sockets_open 1$/m);
      expect(text).toMatch(/^warroom_points_ingested_total 2$/m);
      expect(text).toMatch(/^warroom_pushes_total\{event="metrics:update"\} 1$/m);
      expect(text).toMatch(/^warroom_push_latency_seconds_count 1$/m);
      expect(text).toMatch(/^warroom_http_request_duration_seconds_count\{method="POST",status="2xx"\} \d+$/m);
      expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
      expect((await api(server, 'GET', '/metrics', { token: admin.token })).status).toBe(200);
    } finally {
      wall.disconnect();
    }
  });
});
