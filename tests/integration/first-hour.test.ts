/**
 * A new install's first hour: the first admin from /setup (once, even when
 * two people try at the same moment), people added without a password get a
 * one-time link, roles and passwords change from the API and the CLI, and the
 * CLI says which database it used.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETUP } from '../../lib/api/setup';
import { AppError } from '../../server/errors';
import { createFirstAdmin } from '../../server/services/users/create-first-admin';
import { createPasswordLink } from '../../server/services/users/create-password-link';
import { PASSWORD_LINK_TTL_MS } from '../../server/services/users/password-link-store';
import { CLI_ACTOR } from '../../scripts/cli/actor';
import { api, DB_KINDS, startServer, type TTestServer } from '../helpers/server';
import { builtServer } from '../../scripts/build-if-needed';
import { signInCookie } from './access-callers';
import { scriptArgs } from '../helpers/scripts';

const run = promisify(execFile);

/** Runs the admin CLI on the server's database, with `input` on stdin. */
function cli(server: TTestServer, args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [...scriptArgs('cli'), ...args], {
      env: { ...process.env, DATABASE_URL: server.databaseUrl, WARROOM_SECRET: 'x'.repeat(32), WARROOM_PUBLIC_URL: server.url },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (c: Buffer) => (stdout += c));
    p.stderr.on('data', (c: Buffer) => (stderr += c));
    p.stdin.end(input ?? '');
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const signInStatus = async (server: TTestServer, email: string, password: string) =>
  (
    await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email, password }),
    })
  ).status;

describe.each(DB_KINDS)('the first hour on %s', (kind) => {
  let server: TTestServer;
  beforeAll(async () => {
    server = await startServer({ db: kind });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('the first visitor of /setup becomes the admin, exactly once even when five try at once; then /setup is gone', async () => {
    // Before any account exists, `/` (via the sign-in page) leads to /setup.
    expect(new URL((await fetch(`${server.url}/`)).url).pathname).toBe('/setup');
    const page = await fetch(`${server.url}/setup`, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Set up Warroom');

    const bad = await api(server, 'POST', '/api/v1/setup', { body: { email: 'not-an-email', name: '', password: 'short' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'name', 'password']);
    expect(await server.ctx.prisma.user.count()).toBe(0);

    const tries = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        api(server, 'POST', '/api/v1/setup', { body: { email: `first${n}@test.warroom`, name: `First ${n}`, password: 'a long secret' } }),
      ),
    );
    const won = tries.filter((r) => r.status === 201);
    expect(won).toHaveLength(1);
    expect(tries.filter((r) => r.status === 409)).toHaveLength(4);
    expect(SETUP.setup.response.parse(won[0]!.body).user.role).toBe('admin');
    expect(await server.ctx.prisma.user.count()).toBe(1);
    expect(await signInStatus(server, won[0]!.body.user.email, 'a long secret')).toBe(200);

    const gone = await fetch(`${server.url}/setup`, { redirect: 'manual' });
    expect(new URL((await fetch(`${server.url}/`)).url).pathname).toBe('/login');
    expect(gone.status).toBe(307);
    expect(gone.headers.get('location')).toContain('/login');
    expect(
      (await api(server, 'POST', '/api/v1/setup', { body: { email: 'late@test.warroom', name: 'Late', password: 'a long secret' } }))
        .status,
    ).toBe(409);
  });

  it('forty times over on an empty install, six at once from two processes (this one and the server) make exactly one admin', async () => {
    for (let round = 0; round < 40; round++) {
      await server.ctx.prisma.user.deleteMany({});
      const input = (n: number) => ({ email: `race${round}-${n}@test.warroom`, name: `Race ${n}`, password: 'a long secret' });
      const outcomes = await Promise.allSettled([
        ...[0, 1, 2].map(async (n) => {
          const r = await api(server, 'POST', '/api/v1/setup', { body: input(n) });
          if (r.status !== 201) throw new Error(`http ${r.status}`);
          return r.body.user.email as string;
        }),
        ...[3, 4, 5].map(async (n) => (await createFirstAdmin({ ctx: server.ctx, input: input(n) })).email),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
      expect(won, `round ${round}`).toHaveLength(1);
      for (const r of refused) expect(r instanceof AppError ? r.code : (r as Error).message).toMatch(/^(http 409|conflict)$/);
      const users = await server.ctx.prisma.user.findMany({ select: { email: true, role: true } });
      expect(users).toEqual([{ email: (won[0] as PromiseFulfilledResult<string>).value, role: 'admin' }]);
    }
  });

  it('a person added without a password chooses one with a one-time link; a spent, wrong or expired link is refused', async () => {
    const admin = await server.createUser('admin');
    const added = await api(server, 'POST', '/api/v1/admin/users', {
      token: admin.token,
      body: { email: 'nopass@test.warroom', name: 'No Pass', role: 'engineer' },
    });
    expect(added.status).toBe(201);
    expect(await signInStatus(server, 'nopass@test.warroom', 'anything at all')).toBe(401);

    const link = await api(server, 'POST', `/api/v1/admin/users/${added.body.user.id}/password-link`, { token: admin.token });
    expect(link.status).toBe(201);
    const token = new URL(link.body.url).searchParams.get('token')!;
    expect(new URL(link.body.url).pathname).toBe('/welcome');
    const page = new URL(link.body.url);
    expect((await fetch(`${server.url}${page.pathname}${page.search}`)).status).toBe(200);

    const short = await api(server, 'POST', '/api/v1/password-links/redeem', { body: { token, password: 'short' } });
    expect(short.status).toBe(400);
    expect(short.body.error.details[0].field).toBe('password');
    const ok = await api(server, 'POST', '/api/v1/password-links/redeem', { body: { token, password: 'my own secret' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ email: 'nopass@test.warroom' });
    expect(await signInStatus(server, 'nopass@test.warroom', 'my own secret')).toBe(200);
    // Spent.
    expect((await api(server, 'POST', '/api/v1/password-links/redeem', { body: { token, password: 'another secret' } })).status).toBe(404);
    expect(await signInStatus(server, 'nopass@test.warroom', 'another secret')).toBe(401);

    // Expired: made a day and a minute ago.
    const old = await createPasswordLink({
      ctx: server.ctx,
      actor: CLI_ACTOR,
      input: { idOrEmail: 'nopass@test.warroom' },
      now: Date.now() - PASSWORD_LINK_TTL_MS - 60_000,
    });
    const oldToken = new URL(old.url).searchParams.get('token')!;
    const expired = await api(server, 'POST', '/api/v1/password-links/redeem', { body: { token: oldToken, password: 'too late secret' } });
    expect(expired.status).toBe(404);
    expect(expired.body.error.details[0].field).toBe('token');
  });

  it('an admin changes a role and the next request sees it; the last admin cannot demote themself away', async () => {
    const admin = await server.createUser('admin');
    const eng = await server.createUser('engineer');
    // Room settings are a lead's.
    const sev = () => api(server, 'PATCH', '/api/v1/rooms/launch/settings', { token: eng.token, body: { name: 'Launch night' } });
    expect((await sev()).status).toBe(403);
    const promoted = await api(server, 'PATCH', `/api/v1/admin/users/${eng.id}`, { token: admin.token, body: { role: 'lead' } });
    expect(promoted.status).toBe(200);
    expect(promoted.body.user.role).toBe('lead');
    expect((await sev()).status).toBe(200);

    const badRole = await api(server, 'PATCH', `/api/v1/admin/users/${eng.id}`, { token: admin.token, body: { role: 'boss' } });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.details[0].field).toBe('role');

    // Demote every admin but one, then try the last.
    const admins = await server.ctx.prisma.user.findMany({ where: { role: 'admin', id: { not: admin.id } } });
    for (const a of admins)
      expect((await api(server, 'PATCH', `/api/v1/admin/users/${a.id}`, { token: admin.token, body: { role: 'viewer' } })).status).toBe(
        200,
      );
    const last = await api(server, 'PATCH', `/api/v1/admin/users/${admin.id}`, { token: admin.token, body: { role: 'viewer' } });
    expect(last.status).toBe(409);
    expect(last.body.error.details[0].field).toBe('role');
  });

  it('a second server on a taken port exits non-zero with one line naming the port', async () => {
    const second = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const p = spawn(process.execPath, [builtServer()], {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          PORT: String(server.port),
          DATABASE_URL: server.databaseUrl,
          WARROOM_SECRET: 'x'.repeat(32),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      p.stderr.on('data', (c: Buffer) => (stderr += c));
      const kill = setTimeout(() => p.kill('SIGKILL'), 60_000);
      p.on('exit', (code) => {
        clearTimeout(kill);
        resolve({ code, stderr });
      });
    });
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toEqual([
      `warroom failed to start: port ${server.port} is already in use (another Warroom?); stop it or set PORT`,
    ]);
  });

  it('the CLI: add without a password prints a link, set-role, set-password from stdin, lists with headers, names its database', async () => {
    const add = await cli(server, ['user', 'add', '--email', 'cli@test.warroom', '--name', 'Cli Person', '--role', 'viewer']);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/added cli@test\.warroom as viewer/);
    expect(add.stdout).toMatch(new RegExp(`${server.url}/welcome\\?token=\\S+`));
    expect(add.stderr).toMatch(
      kind === 'sqlite' ? /\(database: SQLite .+test\.db\)/ : /\(database: PostgreSQL 127\.0\.0\.1:5432\/warroom_test_/,
    );

    const role = await cli(server, ['user', 'set-role', '--email', 'CLI@test.warroom', '--role', 'lead']);
    expect(role.stdout.trim()).toBe('cli@test.warroom is now lead');
    const badRole = await cli(server, ['user', 'set-role', '--email', 'cli@test.warroom', '--role', 'boss']);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr.trim().split('\n')).toEqual(['warroom: --role: must be viewer, engineer, lead or admin']);

    const pw = await cli(server, ['user', 'set-password', '--email', 'cli@test.warroom', '--password-stdin'], 'piped secret 123\n');
    expect(pw.code, pw.stderr).toBe(0);
    expect(pw.stdout).not.toContain('piped secret');
    expect(await signInStatus(server, 'cli@test.warroom', 'piped secret 123')).toBe(200);
    expect(await signInCookie(server, 'cli@test.warroom', 'piped secret 123')).toContain('session_token=');
    const tooShort = await cli(server, ['user', 'set-password', '--email', 'cli@test.warroom', '--password-stdin'], 'short\n');
    expect(tooShort.code).toBe(1);
    expect(tooShort.stderr.trim()).toBe('warroom: --password-stdin: at least 8 characters');

    const list = await cli(server, ['user', 'list']);
    const [header, ...rows] = list.stdout.trim().split('\n');
    expect(header!.split(/\s{2,}/)).toEqual(['ID', 'EMAIL', 'ROLE', 'STATE', 'NAME']);
    expect(rows.find((r) => r.includes('cli@test.warroom'))).toMatch(/\blead\s+active\s+Cli Person$/);

    const missing = await run(
      process.execPath,
      [...scriptArgs('cli'), 'user', 'set-role', '--email', 'nobody@test.warroom', '--role', 'lead'],
      {
        env: { ...process.env, DATABASE_URL: server.databaseUrl, WARROOM_SECRET: 'x'.repeat(32) },
      },
    ).catch((e: { code: number; stderr: string }) => e);
    expect((missing as { code: number }).code).toBe(1);
    expect((missing as { stderr: string }).stderr.trim().split('\n')).toEqual(['warroom: no user nobody@test.warroom']);
  });
});
