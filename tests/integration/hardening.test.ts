/**
 * Findings of the abuse run (issue 16), each held by a test that failed
 * before its fix: cross-site socket hijacking, 5xx from odd request shapes,
 * unique-constraint races, socket commands without a payload, a bodyless
 * claim, what a display link reads, the CSP, and sockets of expired sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { api, startServer, type TTestServer } from '../helpers/server';
import { rawRequest } from '../helpers/raw-http';
import { ZErrorBody, type TAck } from '../../lib/errors';
import { signInCookie } from './access-callers';
import { KINDS } from './incidents-helpers';

function open(server: TTestServer, opts: { token?: string; cookie?: string; origin?: string }): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (opts.cookie) headers.cookie = opts.cookie;
    if (opts.origin) headers.origin = opts.origin;
    const s = io(server.url, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: opts.token ? { token: opts.token } : {},
      extraHeaders: headers,
      reconnection: false,
    });
    s.once('connect', () => resolve(s));
    s.once('connect_error', (e) => {
      s.close();
      reject(e);
    });
  });
}

/** The ack of a command, or 'no answer' when none came in 3 s. */
function ackOf(s: Socket, event: string, ...args: unknown[]): Promise<TAck<unknown> | 'no answer'> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve('no answer'), 3000);
    s.emit(event, ...args, (r: TAck<unknown>) => {
      clearTimeout(t);
      resolve(r);
    });
  });
}

describe.each(KINDS)('hardening on %s', (kind) => {
  let server: TTestServer;
  let admin: Awaited<ReturnType<TTestServer['createUser']>>;
  let engineer: Awaited<ReturnType<TTestServer['createUser']>>;
  let cookie: string;

  beforeAll(async () => {
    server = await startServer({ db: kind });
    admin = await server.createUser('admin');
    engineer = await server.createUser('engineer');
    cookie = await signInCookie(server, engineer.email, engineer.password);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const newIncident = async () => {
    const r = await api(server, 'POST', '/api/v1/incidents', { token: engineer.token, body: { title: 'Checkout slow', severity: 'SEV2' } });
    expect(r.status).toBe(201);
    return r.body as { id: string; number: number };
  };

  it('refuses a cookie socket from a foreign origin; accepts it from this site, and a token from anywhere', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'http://localhost.evil.example', 'null']) {
      await expect(open(server, { cookie, origin }), origin).rejects.toThrow(/forbidden/);
    }
    const same = await open(server, { cookie, origin: server.url });
    same.close();
    const token = await open(server, { token: engineer.token, origin: 'http://evil.example' });
    token.close();
    const display = await open(server, { token: await server.createDisplayLink(), origin: 'http://evil.example' });
    display.close();
  });

  it('answers TRACE, CONNECT and unknown methods with 405 in the error shape, never 5xx', async () => {
    for (const path of ['/api/v1/health', '/api/v1/incidents', '/api/v1/incidents/abc/claim', '/wall', '/']) {
      for (const method of ['TRACE', 'PROPFIND', 'PURGE', 'MKCOL']) {
        const r = await rawRequest(server.port, `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}`);
        expect(r.status, `${method} ${path}`).toBe(405);
        expect(r.headers.allow, `${method} ${path}`).toMatch(/GET/);
        expect(ZErrorBody.safeParse(r.json).success, `${method} ${path}: ${r.body}`).toBe(true);
      }
    }
    const c = await rawRequest(server.port, `CONNECT 127.0.0.1:${server.port} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}`);
    expect(c.status).toBe(405);
    expect(ZErrorBody.safeParse(c.json).success, c.body).toBe(true);
  });

  it('answers undecodable percent-encoding with 400 (JSON on the API, plain on pages)', async () => {
    for (const path of ['/api/v1/incidents/%ff', '/api/v1/incidents/%ff%fe/claim', '/api/v1/rooms/%c0/settings', '/api/v1/incidents/%']) {
      const r = await rawRequest(
        server.port,
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${engineer.token}`,
      );
      expect(r.status, path).toBe(400);
      expect(ZErrorBody.safeParse(r.json).success, `${path}: ${r.body}`).toBe(true);
    }
    for (const path of ['/wall/%ff%fe', '/incidents/%ff']) {
      const r = await rawRequest(server.port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}`);
      expect(r.status, path).toBe(400);
    }
  });

  it('a URL over 8 KiB is a 414 and headers over 16 KiB a 431, in the error shape; a HEAD gets no body after its head', async () => {
    const auth = `Authorization: Bearer ${engineer.token}`;
    const long = `/api/v1/incidents/?q=${'x'.repeat(8200)}`;
    const r = await rawRequest(server.port, `GET ${long} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${auth}`);
    expect(r.status).toBe(414);
    expect(ZErrorBody.safeParse(r.json).success, r.body).toBe(true);
    // Just under the limit: Next's trailing-slash redirect, whose Location repeats the URL.
    const under = await rawRequest(server.port, `GET ${long.slice(0, 8000)} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${auth}`);
    expect(under.status).toBe(308);
    const huge = `/api/v1/incidents/abc/helpers?q=${'x'.repeat(17_000)}`;
    const big = await rawRequest(server.port, `GET ${huge} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}`);
    expect(big.status).toBe(431);
    expect(ZErrorBody.safeParse(big.json).success, big.body).toBe(true);
    for (const target of [long, huge]) {
      const head = await rawRequest(server.port, `HEAD ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${auth}`);
      expect(head.status).toBeGreaterThanOrEqual(400);
      expect(head.body, target.slice(0, 40)).toBe('');
    }
  });

  it('a NUL byte or an out-of-range number in a request is a 4xx, not a database 500', async () => {
    for (const path of ['/api/v1/incidents/%00', '/api/v1/incidents/a%00b/claim']) {
      const r = await api(server, path.endsWith('claim') ? 'POST' : 'GET', path, { token: engineer.token });
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.status, path).toBeLessThan(500);
    }
    const inc = await newIncident();
    const r = await api(server, 'POST', `/api/v1/incidents/${inc.id}/status`, {
      token: engineer.token,
      body: { status: 'identified', version: 2 ** 40 },
    });
    expect(r.status).toBe(400);
  });

  it('answers unknown /api/v1 paths with 404 in the JSON error shape', async () => {
    for (const path of ['/api/v1/nope', '/api/v1/incidents/x/y/z/w', '/api/v1/', '/api/v1/incidents/../release']) {
      const r = await api(server, 'GET', path, { token: engineer.token });
      expect(r.status, path).toBe(404);
      expect(ZErrorBody.safeParse(r.body).success, `${path}: ${JSON.stringify(r.body)}`).toBe(true);
    }
  });

  it('six concurrent creates of one email: one 201, five 409', async () => {
    const body = { email: `race-${Date.now()}@test.warroom`, name: 'Race', role: 'viewer', password: 'password-123' };
    const all = await Promise.all(
      Array.from({ length: 6 }, () => api(server, 'POST', '/api/v1/admin/users', { token: admin.token, body })),
    );
    const statuses = all.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of all.filter((x) => x.status === 409)) expect(ZErrorBody.safeParse(r.body).success).toBe(true);
  });

  it('a socket command without a payload, or with extra arguments, gets an error ack', async () => {
    const s = await open(server, { token: engineer.token });
    try {
      for (const event of ['incident:claim', 'incident:post', 'incidents:subscribe', 'room:join']) {
        const none = await ackOf(s, event);
        expect(none, `${event} without payload`).not.toBe('no answer');
        expect((none as TAck<unknown>).ok, event).toBe(false);
        const extra = await ackOf(s, event, {}, 'extra');
        expect(extra, `${event} with an extra argument`).not.toBe('no answer');
        expect((extra as TAck<unknown>).ok, event).toBe(false);
      }
    } finally {
      s.close();
    }
  });

  it('POST …/claim with no body and no Content-Length claims', async () => {
    const inc = await newIncident();
    const r = await rawRequest(
      server.port,
      `POST /api/v1/incidents/${inc.id}/claim HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${engineer.token}`,
    );
    expect(r.status, r.body).toBe(200);
  });

  it('a display link reads the incident the wall shows, not its timeline', async () => {
    const inc = await newIncident();
    await api(server, 'POST', `/api/v1/incidents/${inc.id}/updates`, {
      token: engineer.token,
      body: { body: 'internal detail: customer 4711 affected' },
    });
    const key = await server.createDisplayLink();
    const r = await api(server, 'GET', `/api/v1/incidents/${inc.id}`, { token: key });
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).not.toContain('customer 4711');
    expect(r.body.timeline ?? []).toEqual([]);
    const person = await api(server, 'GET', `/api/v1/incidents/${inc.id}`, { token: engineer.token });
    expect(JSON.stringify(person.body)).toContain('customer 4711');
  });

  it('pages carry a CSP without inline scripts or websockets to any host', async () => {
    const res = await fetch(`${server.url}/login`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(script).not.toContain("'unsafe-inline'");
    const connect = /connect-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(connect.trim()).toBe("'self'");
  });

  it('closes an open socket when its session expires', async () => {
    const c = await signInCookie(server, engineer.email, engineer.password);
    const s = await open(server, { cookie: c, origin: server.url });
    const token = decodeURIComponent(c.split('=')[1]!).split('.')[0]!;
    const closed = new Promise<string>((resolve) => {
      const t = setTimeout(() => resolve('still open'), 15_000);
      s.once('disconnect', (reason) => {
        clearTimeout(t);
        resolve(reason);
      });
    });
    await server.ctx.prisma.session.update({ where: { token }, data: { expiresAt: new Date(Date.now() + 1000) } });
    expect(await closed).toBe('io server disconnect');
    s.close();
  });
});
