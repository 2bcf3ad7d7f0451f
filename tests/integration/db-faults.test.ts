import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { api, PG_ADMIN_URL, startServer, type TTestServer } from '../helpers/server';

/** PostgreSQL restarts and failovers drop connections; the server must ride them out. */
describe('PostgreSQL dropping every connection', () => {
  let server: TTestServer;
  let key: string;

  beforeAll(async () => {
    server = await startServer({ db: 'postgres' });
    key = await server.createIngestKey();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('keeps serving: nothing crashes, ready again, ingest accepted and stored', async () => {
    const t = Date.now();
    expect(
      (await api(server, 'POST', '/api/v1/metrics', { token: key, body: { points: [{ name: 'users_total', value: 1, time: t - 1000 }] } }))
        .status,
    ).toBe(202);
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    const { rowCount } = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [new URL(server.databaseUrl).pathname.slice(1)],
    );
    await admin.end();
    expect(rowCount).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.proc.exitCode).toBeNull();

    // The pool replaces the dead connections on the next queries.
    let ready = 0;
    for (let i = 0; i < 20 && ready !== 200; i++) {
      ready = (await api(server, 'GET', '/api/v1/ready')).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(ready).toBe(200);
    let status = 0;
    for (let i = 0; i < 5 && status !== 202; i++) {
      status = (
        await api(server, 'POST', '/api/v1/metrics', { token: key, body: { points: [{ name: 'users_total', value: 2, time: t }] } })
      ).status;
    }
    expect(status).toBe(202);
    const viewer = await server.createUser('viewer');
    const latest = await api(server, 'GET', '/api/v1/metrics/latest', { token: viewer.token });
    expect(latest.body.series.find((s: { name: string }) => s.name === 'users_total').value).toBe(2);
    expect(server.logs()).toMatch(/idle connection lost/);
  });
});
