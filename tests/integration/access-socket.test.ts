/**
 * The socket follows the same rules as HTTP: who may open one, which rooms a
 * socket may join, and that revoking a credential or disabling a person
 * closes their open sockets within seconds — whether it happens through the
 * admin API in the server's process, or the CLI in another one.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { api, DB_KINDS, startServer, type TTestServer } from '../helpers/server';
import type { TAck } from '../../lib/errors';
import { signInCookie } from './access-callers';
import { scriptArgs } from '../helpers/scripts';

const run = promisify(execFile);

function open(server: TTestServer, opts: { token?: string; cookie?: string }): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(server.url, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: opts.token ? { token: opts.token } : {},
      extraHeaders: opts.cookie ? { cookie: opts.cookie } : {},
      reconnection: false,
    });
    s.once('connect', () => resolve(s));
    s.once('connect_error', (e) => {
      s.close();
      reject(e);
    });
  });
}

function ack<T>(s: Socket, event: string, payload: unknown): Promise<TAck<T>> {
  return new Promise((resolve) => s.emit(event, payload, (r: TAck<T>) => resolve(r)));
}

/** Resolves with the milliseconds until the server closed the socket, after 'session:revoked'. */
function closedByServer(s: Socket, withinMs: number): Promise<{ ms: number; at: number; told: boolean }> {
  const t0 = Date.now();
  let told = false;
  s.on('session:revoked', () => (told = true));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still open after ${withinMs} ms`)), withinMs);
    s.once('disconnect', (reason) => {
      clearTimeout(timer);
      if (reason !== 'io server disconnect') return reject(new Error(`closed by ${reason}`));
      resolve({ ms: Date.now() - t0, at: Date.now(), told });
    });
  });
}

describe.each(DB_KINDS)('socket access on %s', (kind) => {
  let server: TTestServer;
  let admin: { token: string };

  beforeAll(async () => {
    server = await startServer({ db: kind });
    admin = await server.createUser('admin');
    await server.ctx.prisma.room.create({ data: { slug: 'other', name: 'Another launch' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses a handshake from nobody, a bad or revoked token, and an ingest key', async () => {
    await expect(open(server, {})).rejects.toThrow(/unauthorized/);
    await expect(open(server, { token: 'wr_pat_nope' })).rejects.toThrow(/unauthorized/);
    await expect(open(server, { cookie: 'warroom.session_token=forged.value' })).rejects.toThrow(/unauthorized/);
    const u = await server.createUser('engineer');
    await api(server, 'DELETE', `/api/v1/admin/credentials/${u.token.slice(0, 11)}`, { token: admin.token });
    await expect(open(server, { token: u.token })).rejects.toThrow(/unauthorized/);
    await expect(open(server, { token: await server.createIngestKey() })).rejects.toThrow(/forbidden/);
  });

  it('a display link reads its own room and no other', async () => {
    const s = await open(server, { token: await server.createDisplayLink() });
    try {
      const own = await ack<{ room: { slug: string } }>(s, 'room:join', {});
      expect(own.ok && own.data.room.slug).toBe('launch');
      const other = await ack(s, 'room:join', { room: 'other' });
      expect(other.ok).toBe(false);
      expect(!other.ok && other.error.code).toBe('forbidden');
      const sub = await ack(s, 'incidents:subscribe', { room: 'other' });
      expect(!sub.ok && sub.error.code).toBe('forbidden');
    } finally {
      s.close();
    }
  });

  it('a person opens a socket with the session cookie and reads any room', async () => {
    const v = await server.createUser('viewer');
    const s = await open(server, { cookie: await signInCookie(server, v.email, v.password) });
    try {
      const r = await ack<{ room: { slug: string } }>(s, 'room:join', { room: 'other' });
      expect(r.ok && r.data.room.slug).toBe('other');
    } finally {
      s.close();
    }
  });

  it('revoking a display link on the admin API closes its socket within a second', async () => {
    const key = await server.createDisplayLink();
    const s = await open(server, { token: key });
    const closed = closedByServer(s, 3000);
    const r = await api(server, 'DELETE', `/api/v1/admin/credentials/${key.slice(0, 11)}`, { token: admin.token });
    expect(r.status).toBe(200);
    const { ms, told } = await closed;
    expect(told).toBe(true);
    expect(ms).toBeLessThan(1000);
    await expect(open(server, { token: key })).rejects.toThrow(/unauthorized/);
  });

  it('revoking a token in another process (straight in the database) closes its socket within seconds', async () => {
    const u = await server.createUser('engineer');
    const s = await open(server, { token: u.token });
    const closed = closedByServer(s, 6000);
    await server.ctx.prisma.credential.updateMany({ where: { userId: u.id, kind: 'token' }, data: { revokedAt: new Date() } });
    expect((await closed).ms).toBeLessThan(5000);
  });

  it('the CLI lists display links with last use and revokes one; its wall socket closes within seconds', async () => {
    const key = await server.createDisplayLink();
    const s = await open(server, { token: key });
    await ack(s, 'room:join', {});
    const env = { ...process.env, DATABASE_URL: server.databaseUrl, WARROOM_SECRET: 'x'.repeat(32) };
    // lastUsedAt is written without waiting; give it a moment.
    await new Promise((r) => setTimeout(r, 300));
    const list = await run(process.execPath, [...scriptArgs('cli'), 'display-link', 'list'], { env });
    const line = list.stdout.split('\n').find((l) => l.includes(key.slice(0, 11)))!;
    expect(line).toMatch(/launch/);
    expect(line).not.toMatch(/never/);
    // The CLI takes seconds to start; what counts is the time from its revocation to the close.
    const closed = closedByServer(s, 30_000);
    const out = await run(process.execPath, [...scriptArgs('cli'), 'display-link', 'revoke', key.slice(0, 11)], { env });
    const revokedAt = Date.now();
    expect(out.stdout).toMatch(/^revoked /);
    expect((await closed).at - revokedAt).toBeLessThan(5000);
    const missing = (await run(process.execPath, [...scriptArgs('cli'), 'token', 'revoke', 'wr_pat_missing'], { env }).catch(
      (e: unknown) => e,
    )) as { code: number; stderr: string };
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual(['warroom: no token wr_pat_missing']);
  });

  it("signing out closes that session's sockets, not the person's other sessions", async () => {
    const u = await server.createUser('engineer');
    const cookie = await signInCookie(server, u.email, u.password);
    const other = await open(server, { cookie: await signInCookie(server, u.email, u.password) });
    const s = await open(server, { cookie });
    const closed = closedByServer(s, 3000);
    const out = await api(server, 'POST', '/api/auth/sign-out', { headers: { cookie, origin: server.url }, body: {} });
    expect(out.status).toBe(200);
    expect((await closed).ms).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 300));
    expect(other.connected).toBe(true);
    other.close();
  });

  it('disabling a person closes their token and session sockets', async () => {
    const u = await server.createUser('lead');
    const byToken = await open(server, { token: u.token });
    const bySession = await open(server, { cookie: await signInCookie(server, u.email, u.password) });
    const closed = Promise.all([closedByServer(byToken, 3000), closedByServer(bySession, 3000)]);
    const r = await api(server, 'PATCH', `/api/v1/admin/users/${u.id}`, { token: admin.token, body: { disabled: true } });
    expect(r.status).toBe(200);
    for (const c of await closed) expect(c.ms).toBeLessThan(1000);
  });
});
