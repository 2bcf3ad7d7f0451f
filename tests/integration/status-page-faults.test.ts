import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivatePostgres } from '../helpers/private-postgres';
import { api, startServer, type TTestServer } from '../helpers/server';

/**
 * The status page stays up when the database does not: a private PostgreSQL
 * (never the shared one) is stopped while visitors keep reading the page and
 * its summary. Warm answers come from memory (no query at all); once they
 * are older than the cache window, from the snapshot on disk, marked so.
 */
describe('public status page while its database is down', () => {
  let pg: Awaited<ReturnType<typeof startPrivatePostgres>>;
  let server: TTestServer;
  let dir: string;
  const MESSAGE = 'Checkout is slow for some customers.';

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    dir = mkdtempSync(join(tmpdir(), 'warroom-status-fault-'));
    server = await startServer({ databaseUrl: pg.url, env: { WARROOM_STATUS_DIR: dir, WARROOM_STATUS_CACHE_MS: '1500' } });
  }, 120_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await server?.ctx.database.close().catch(() => {});
    pg?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps answering from memory, then from the snapshot, under load', async () => {
    const lead = await server.createUser('lead');
    await api(server, 'PATCH', '/api/v1/rooms/launch/settings', {
      token: lead.token,
      body: { statusPage: { enabled: true, title: 'Acme' } },
    });
    const c = await api(server, 'POST', '/api/v1/rooms/launch/components', { token: lead.token, body: { name: 'Checkout' } });
    const pub = await api(server, 'POST', '/api/v1/rooms/launch/status-incidents', {
      token: lead.token,
      body: { title: 'Slow checkout', impact: 'minor', components: [c.body.id], message: MESSAGE },
    });
    expect(pub.status).toBe(201);
    // The snapshot of this change is on disk (written by the change, not by a visit) — soon after the
    // answer, on a loaded machine not at once: neither its folder nor its file need exist yet.
    const snapshot = () => {
      try {
        return readFileSync(join(dir, 'launch', 'summary.json'), 'utf8');
      } catch {
        return '';
      }
    };
    const until = Date.now() + 15_000;
    while (!snapshot().includes(MESSAGE)) {
      if (Date.now() > until) throw new Error('no snapshot written');
      await new Promise((r) => setTimeout(r, 50));
    }
    const html = readFileSync(join(dir, 'launch', 'index.html'), 'utf8');
    expect(html).toContain(MESSAGE);
    expect(html).not.toMatch(/<script/i);
    expect((await fetch(`${server.url}/api/v1/status/launch/summary`)).status).toBe(200);

    // Load: 8 visitors in a loop for 4 s; the database stops 0.5 s in.
    const answers: { status: number; source: string | null; snapshot: boolean; body: string; at: number }[] = [];
    const t0 = Date.now();
    let stoppedAt = 0;
    const visitor = async (i: number) => {
      while (Date.now() - t0 < 4000) {
        const path = i % 2 ? '/api/v1/status/launch/summary' : '/status/launch';
        const r = await fetch(server.url + path);
        const body = await r.text();
        answers.push({
          status: r.status,
          source: r.headers.get('x-status-cache'),
          snapshot: body.includes('last saved') || r.headers.has('x-status-snapshot'),
          body,
          at: Date.now(),
        });
      }
    };
    const stopper = (async () => {
      await new Promise((r) => setTimeout(r, 500));
      pg.stop();
      stoppedAt = Date.now();
    })();
    await Promise.all([stopper, ...Array.from({ length: 8 }, (_, i) => visitor(i))]);
    const ready = await fetch(`${server.url}/api/v1/ready`);
    expect(ready.status).toBe(503);
    // The rest of the API, which needs the database, says it is unreachable and when to retry — a 503, not a 500.
    const read = await fetch(`${server.url}/api/v1/incidents?room=launch`, { headers: { authorization: `Bearer ${lead.token}` } });
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBe('5');
    expect(((await read.json()) as { error: { code: string } }).error.code).toBe('unavailable');

    const after = answers.filter((a) => a.at > stoppedAt);
    const failed = answers.filter((a) => a.status !== 200);
    const fromSnapshot = after.filter((a) => a.source === 'snapshot');
    console.log(
      `status page with the database stopped: ${answers.length} answers in 4 s (${after.length} after the stop), ${failed.length} not 200, ${
        after.filter((a) => a.source === 'hit').length
      } from memory, ${fromSnapshot.length} from the snapshot`,
    );
    expect(failed.map((a) => a.status)).toEqual([]);
    expect(after.length).toBeGreaterThan(20);
    expect(fromSnapshot.length).toBeGreaterThan(0);
    for (const a of after) expect(a.body.includes(MESSAGE), a.body.replace(/<script[\s\S]*?<\/script>/g, '').slice(0, 3000)).toBe(true);
    // The page itself, rendered from the snapshot, says so.
    expect(after.some((a) => a.body.includes('<html') && a.body.includes('last saved'))).toBe(true);
  }, 60_000);
});
