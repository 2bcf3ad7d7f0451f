// Issue 25, item 2: a locked-out person can be let back in — `user unlock`, the admin API behind
// /admin's Unlock button, and a password reset each clear the account's lockout; the per-address limit stays.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, DB_KINDS, startServer, type TTestServer } from '../helpers/server';
import { setUserPassword } from '../../server/services/users/set-user-password';
import { CLI_ACTOR } from '../../scripts/cli/actor';
import { scriptArgs } from '../helpers/scripts';

const KINDS = DB_KINDS;

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [...scriptArgs('cli'), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    proc.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe.each(KINDS)('unlocking a locked-out account on %s', (kind) => {
  let server: TTestServer;
  let admin: { token: string };

  beforeAll(async () => {
    server = await startServer({ db: kind });
    admin = await server.createUser('admin');
  });
  afterAll(async () => server?.stop());

  const signIn = (email: string, password: string) =>
    api(server, 'POST', '/api/auth/sign-in/email', { body: { email, password }, headers: { origin: server.url } });
  const lockOut = async (email: string) => {
    for (let i = 0; i < 5; i++) expect((await signIn(email, `wrong-${i}`)).status).toBe(401);
  };

  it('says who can unlock; `user unlock`, the admin API and a password reset each let the person back in', {
    timeout: 150_000,
  }, async () => {
    const u = await server.createUser('lead');
    await lockOut(u.email);
    const locked = await signIn(u.email, u.password);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toMatch(/this account\. Try again in \d+ minutes, or ask an admin to unlock it/);

    // The CLI (a process of its own, ~10 s under load) once; the database it writes is the same kind of row on both.
    if (kind === KINDS[0]) {
      const r = await cli(['user', 'unlock', '--email', u.email.toUpperCase()], {
        DATABASE_URL: server.databaseUrl,
        PORT: String(server.port),
      });
      expect(r.err.replace(/^\(database: .*\)\n/, '')).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toBe(`${u.email} may sign in again\n`);
    } else await api(server, 'POST', `/api/v1/admin/users/${u.id}/unlock`, { token: admin.token });
    expect((await signIn(u.email, u.password)).status).toBe(200);

    // Used once: later failures count again.
    await lockOut(u.email);
    expect((await signIn(u.email, u.password)).status).toBe(429);
    expect(
      (await api(server, 'POST', `/api/v1/admin/users/${u.id}/unlock`, { token: (await server.createUser('lead')).token })).status,
    ).toBe(403);
    const byAdmin = await api(server, 'POST', `/api/v1/admin/users/${u.id}/unlock`, { token: admin.token });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toEqual({ id: u.id, email: u.email });
    expect((await signIn(u.email, u.password)).status).toBe(200);

    await lockOut(u.email);
    expect((await signIn(u.email, u.password)).status).toBe(429);
    await setUserPassword({ ctx: server.ctx, actor: CLI_ACTOR, input: { idOrEmail: u.email, password: 'a-new-password-9' } });
    expect((await signIn(u.email, 'a-new-password-9')).status).toBe(200);
  });

  it('leaves the per-address limit in place', async () => {
    // 15 failures from this address so far; five more reach its limit of 20.
    const other = await server.createUser('viewer');
    await lockOut(other.email);
    const u = await server.createUser('viewer');
    await api(server, 'POST', `/api/v1/admin/users/${u.id}/unlock`, { token: admin.token });
    const r = await signIn(u.email, u.password);
    expect(r.status).toBe(429);
    expect(r.body.error.message).toMatch(/network address/);
  });
});
