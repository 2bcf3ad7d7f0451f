/**
 * Sign-in, sessions and the browser-facing defences: login limits per account
 * and per address, disabled accounts, sign-out, CSRF on cookie writes,
 * security headers, page protection, and the first admin from the environment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, DB_KINDS, startServer, type TTestServer } from '../helpers/server';
import { signInCookie } from './access-callers';

async function signIn(server: TTestServer, email: string, password: string) {
  return api(server, 'POST', '/api/auth/sign-in/email', { body: { email, password }, headers: { origin: server.url } });
}
const METRIC = { points: [{ name: 'csrf_check', value: 1 }] };

describe.each(DB_KINDS)('sessions and browser defences on %s', (kind) => {
  let server: TTestServer;

  beforeAll(async () => {
    server = await startServer({
      db: kind,
      env: { WARROOM_ADMIN_EMAIL: 'First.Admin@test.warroom', WARROOM_ADMIN_PASSWORD: 'first-admin-pw' },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('creates the first admin from the environment, who can sign in', async () => {
    const users = await server.ctx.prisma.user.findMany();
    expect(users.map((u) => [u.email, u.role])).toEqual([['first.admin@test.warroom', 'admin']]);
    const cookie = await signInCookie(server, 'first.admin@test.warroom', 'first-admin-pw');
    expect((await api(server, 'GET', '/api/v1/admin/users', { headers: { cookie } })).status).toBe(200);
    // The password is stored hashed by the library, never as given.
    const acc = await server.ctx.prisma.account.findFirstOrThrow({ where: { userId: users[0]!.id } });
    expect(acc.password).not.toContain('first-admin-pw');
  });

  it('signs in with the right password, refuses a wrong one, and nobody can sign themselves up', async () => {
    const u = await server.createUser('viewer');
    const bad = await signIn(server, u.email, 'not-the-password');
    expect(bad.status).toBe(401);
    expect(bad.headers.get('set-cookie')).toBeNull();
    const cookie = await signInCookie(server, u.email, u.password);
    expect(cookie).toMatch(/^warroom\.session_token=/);
    const latest = await api(server, 'GET', '/api/v1/metrics/latest', { headers: { cookie } });
    expect(latest.status).toBe(200);
    const signUp = await api(server, 'POST', '/api/auth/sign-up/email', {
      body: { email: 'me@evil.test', password: 'password123', name: 'Me' },
      headers: { origin: server.url },
    });
    expect(signUp.status).toBeGreaterThanOrEqual(400);
    expect(await server.ctx.prisma.user.count({ where: { email: 'me@evil.test' } })).toBe(0);
  });

  it('sets an HttpOnly, SameSite session cookie (Secure only for an https public URL)', async () => {
    const u = await server.createUser('viewer');
    const res = await signIn(server, u.email, u.password);
    const c = res.headers.get('set-cookie') ?? '';
    expect(c).toMatch(/HttpOnly/i);
    expect(c).toMatch(/SameSite=Lax/i);
    expect(c).not.toMatch(/Secure/i);
  });

  it('signing out ends the session', async () => {
    const u = await server.createUser('engineer');
    const cookie = await signInCookie(server, u.email, u.password);
    const out = await api(server, 'POST', '/api/auth/sign-out', { headers: { cookie, origin: server.url }, body: {} });
    expect(out.status).toBe(200);
    expect((await api(server, 'GET', '/api/v1/metrics/latest', { headers: { cookie } })).status).toBe(401);
  });

  it('a disabled person cannot sign in even with the right password, and their sessions end', async () => {
    const admin = await server.createUser('admin');
    const u = await server.createUser('engineer');
    const cookie = await signInCookie(server, u.email, u.password);
    const d = await api(server, 'PATCH', `/api/v1/admin/users/${u.id}`, { token: admin.token, body: { disabled: true } });
    expect(d.status).toBe(200);
    expect((await api(server, 'GET', '/api/v1/metrics/latest', { headers: { cookie } })).status).toBe(401);
    expect((await api(server, 'GET', '/api/v1/metrics/latest', { token: u.token })).status).toBe(401);
    const again = await signIn(server, u.email, u.password);
    expect(again.status).toBe(403);
    expect(again.body.message).toMatch(/disabled/i);
    expect(await server.ctx.prisma.session.count({ where: { userId: u.id } })).toBe(0);
  });

  it('refuses cookie-authenticated writes from another site (CSRF), not Bearer ones', async () => {
    const u = await server.createUser('engineer');
    const cookie = await signInCookie(server, u.email, u.password);
    const noOrigin = await api(server, 'POST', '/api/v1/metrics', { headers: { cookie }, body: METRIC });
    expect(noOrigin.status).toBe(403);
    expect(noOrigin.body.error.message).toMatch(/cross-site/);
    expect(
      (await api(server, 'POST', '/api/v1/metrics', { headers: { cookie, origin: 'https://evil.example' }, body: METRIC })).status,
    ).toBe(403);
    expect(
      (await api(server, 'POST', '/api/v1/metrics', { headers: { cookie, 'sec-fetch-site': 'cross-site' }, body: METRIC })).status,
    ).toBe(403);
    expect((await api(server, 'POST', '/api/v1/metrics', { headers: { cookie, origin: server.url }, body: METRIC })).status).toBe(202);
    expect(
      (await api(server, 'POST', '/api/v1/metrics', { headers: { cookie, 'sec-fetch-site': 'same-origin' }, body: METRIC })).status,
    ).toBe(202);
    expect((await api(server, 'POST', '/api/v1/metrics', { token: u.token, body: METRIC })).status).toBe(202);
    // Reads need no Origin.
    expect((await api(server, 'GET', '/api/v1/metrics/latest', { headers: { cookie } })).status).toBe(200);
  });

  it('sends security headers on pages and API answers', async () => {
    for (const path of ['/login', '/api/v1/health', '/wall']) {
      const res = await fetch(server.url + path, { redirect: 'manual' });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      // Pages: a nonce policy from proxy.ts; API answers: nothing at all.
      if (path.startsWith('/api/')) expect(csp, path).toContain("default-src 'none'");
      else {
        expect(csp, path).toContain("object-src 'none'");
        expect(csp, path).toMatch(/connect-src 'self'(;|$)/);
        expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      }
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('sends signed-out visits to console pages to /login?next=…, but leaves the wall and login open', async () => {
    for (const [path, next] of [
      ['/', null],
      ['/incidents', '/incidents'],
      ['/incidents/3?tab=log', '/incidents/3?tab=log'],
      ['/admin', '/admin'],
    ] as const) {
      const res = await fetch(server.url + path, { redirect: 'manual' });
      expect(res.status, path).toBe(307);
      const loc = new URL(res.headers.get('location')!, server.url);
      expect(loc.pathname, path).toBe('/login');
      expect(loc.searchParams.get('next'), path).toBe(next);
    }
    // A stale or forged cookie is no way in either.
    const forged = await fetch(`${server.url}/incidents`, {
      redirect: 'manual',
      headers: { cookie: 'warroom.session_token=forged.value' },
    });
    expect(forged.status).toBe(307);
    for (const path of ['/login', '/wall', '/wall/launch?key=wr_dsp_x'])
      expect((await fetch(server.url + path, { redirect: 'manual' })).status, path).toBe(200);
    const u = await server.createUser('viewer');
    const cookie = await signInCookie(server, u.email, u.password);
    expect((await fetch(`${server.url}/incidents`, { redirect: 'manual', headers: { cookie } })).status).toBe(200);
  });

  it('the admin page is for admins only', async () => {
    const v = await server.createUser('viewer');
    const vc = await signInCookie(server, v.email, v.password);
    const page = await fetch(`${server.url}/admin`, { headers: { cookie: vc } });
    expect(await page.text()).toContain('Only admins can manage people and keys');
    const a = await server.createUser('admin');
    const ac = await signInCookie(server, a.email, a.password);
    expect(await (await fetch(`${server.url}/admin`, { headers: { cookie: ac } })).text()).toContain(
      'Tokens, ingest keys and display links',
    );
  });

  it('limits failed sign-ins per account, with a message saying when to try again', async () => {
    const u = await server.createUser('viewer');
    for (let i = 0; i < 5; i++) expect((await signIn(server, u.email, `wrong-${i}`)).status).toBe(401);
    const limited = await signIn(server, u.email, u.password);
    expect(limited.status).toBe(429);
    expect(limited.body.message).toMatch(/too many failed sign-ins for this account\. try again in \d+ minutes/i);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same address is not locked by it.
    const other = await server.createUser('viewer');
    expect((await signIn(server, other.email, other.password)).status).toBe(200);
  });

  // Last: it locks this test's address out of signing in for the rest of the window.
  it('limits failed sign-ins per address across accounts', async () => {
    let status = 0;
    let message = '';
    for (let i = 0; i < 25 && status !== 429; i++) {
      const r = await signIn(server, `nobody${i}@test.warroom`, 'guess-guess');
      status = r.status;
      message = r.body?.message ?? '';
    }
    expect(status).toBe(429);
    expect(message).toMatch(/your network address/);
    const u = await server.createUser('viewer');
    expect((await signIn(server, u.email, u.password)).status).toBe(429);
    // Bearer tokens are not sign-ins: API use goes on.
    expect((await api(server, 'GET', '/api/v1/metrics/latest', { token: u.token })).status).toBe(200);
  });
});
