// Rooms through the API and the admin CLI, on both databases: create (slug
// checked, taken slug 409), list with open incidents and headline, archive
// (read-only: history, report and wall readable; writes 409 room_archived).
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOMS } from '../../lib/api/rooms';
import { api, DB_KINDS, type TTestServer, startServer } from '../helpers/server';
import { signInCookie } from './access-callers';
import { scriptArgs } from '../helpers/scripts';

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...scriptArgs('cli'), ...args], {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => {
      proc.kill('SIGTERM');
      reject(new Error(`cli did not finish:\n${err}`));
    }, 60_000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

const fields = (r: { body: { error: { details: { field: string }[] } } }) => r.body.error.details.map((d) => d.field).sort();

describe.each(DB_KINDS)('rooms on %s', (kind) => {
  let server: TTestServer;
  let admin: { token: string };
  let lead: { token: string };
  let engineer: { token: string };
  let viewer: { token: string };

  beforeAll(async () => {
    server = await startServer({ db: kind });
    admin = await server.createUser('admin');
    lead = await server.createUser('lead');
    engineer = await server.createUser('engineer');
    viewer = await server.createUser('viewer');
  });
  afterAll(async () => server?.stop());

  it('lists rooms to anyone signed in, not to nobody or a display link', async () => {
    const r = await api(server, 'GET', '/api/v1/rooms', { token: viewer.token });
    expect(r.status).toBe(200);
    const list = ROOMS.list.response.parse(r.body);
    expect(list.rooms.map((x) => x.slug)).toEqual(['launch']);
    expect(list.rooms[0]).toMatchObject({ slug: 'launch', archived: false, openIncidents: 0, headline: null, locale: 'en' });
    expect((await api(server, 'GET', '/api/v1/rooms')).status).toBe(401);
    expect((await api(server, 'GET', '/api/v1/rooms', { token: await server.createDisplayLink() })).status).toBe(403);
  });

  it('lets only an admin create; names each bad field; a taken slug is 409', async () => {
    const body = { slug: 'cutover-db', name: '数据库切换', timeZone: 'Asia/Shanghai', locale: 'zh' };
    expect((await api(server, 'POST', '/api/v1/rooms', { body })).status).toBe(401);
    expect((await api(server, 'POST', '/api/v1/rooms', { token: lead.token, body })).status).toBe(403);
    const bad = await api(server, 'POST', '/api/v1/rooms', {
      token: admin.token,
      body: { slug: 'Cut Over', name: '', timeZone: 'Mars/Olympus', locale: 'fr' },
    });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['locale', 'name', 'slug', 'timeZone']);
    expect(fields(await api(server, 'POST', '/api/v1/rooms', { token: admin.token, body: { ...body, slug: 'x'.repeat(41) } }))).toEqual([
      'slug',
    ]);
    expect((await api(server, 'GET', '/api/v1/rooms', { token: viewer.token })).body.rooms).toHaveLength(1);

    const made = await api(server, 'POST', '/api/v1/rooms', { token: admin.token, body });
    expect(made.status).toBe(201);
    expect(ROOMS.create.response.parse(made.body)).toMatchObject({
      slug: 'cutover-db',
      locale: 'zh',
      timeZone: 'Asia/Shanghai',
      archived: false,
    });
    const taken = await api(server, 'POST', '/api/v1/rooms', { token: admin.token, body: { ...body, name: 'again' } });
    expect(taken.status).toBe(409);
    expect(fields(taken)).toEqual(['slug']);
    // The default milestones speak the room's language.
    const settings = await api(server, 'GET', '/api/v1/rooms/cutover-db/settings', { token: viewer.token });
    expect(settings.body.milestones.map((m: { label: string }) => m.label)).toEqual(['100万用户', '200万用户', '500万用户', '1000万用户']);
    // ... and follow it when it changes (a typed label stays).
    await api(server, 'POST', '/api/v1/rooms/cutover-db/milestones', { token: lead.token, body: { threshold: 3e6, label: '三百万' } });
    const en = await api(server, 'PATCH', '/api/v1/rooms/cutover-db', { token: admin.token, body: { locale: 'en' } });
    expect(en.status).toBe(200);
    const after = await api(server, 'GET', '/api/v1/rooms/cutover-db/settings', { token: viewer.token });
    expect(after.body.milestones.map((m: { label: string }) => m.label)).toEqual([
      '1M users',
      '2M users',
      '三百万',
      '5M users',
      '10M users',
    ]);
    await api(server, 'PATCH', '/api/v1/rooms/cutover-db', { token: admin.token, body: { locale: 'zh' } });
  });

  it('shows each room its open incidents and live headline', async () => {
    const key = await server.createIngestKey('cutover-db');
    const push = await api(server, 'POST', '/api/v1/metrics', {
      token: key,
      body: { points: [{ name: 'users_total', value: 1_358_765 }] },
    });
    expect(push.status).toBe(202);
    const inc = await api(server, 'POST', '/api/v1/incidents', {
      token: engineer.token,
      body: { title: '主库延迟', severity: 'SEV2', room: 'cutover-db' },
    });
    expect(inc.status).toBe(201);
    const list = ROOMS.list.response.parse((await api(server, 'GET', '/api/v1/rooms', { token: viewer.token })).body);
    expect(list.rooms.find((r) => r.slug === 'cutover-db')).toMatchObject({ openIncidents: 1, headline: { value: 1_358_765 } });
    expect(list.rooms.find((r) => r.slug === 'launch')).toMatchObject({ openIncidents: 0 });
  });

  it('archives: read-only everywhere, 409 room_archived on writes, hidden from the list unless asked; restores', async () => {
    const key = await server.createIngestKey('cutover-db');
    const incidentId = (await api(server, 'GET', '/api/v1/incidents?room=cutover-db', { token: viewer.token })).body.incidents[0].id;
    expect((await api(server, 'PATCH', '/api/v1/rooms/cutover-db', { token: lead.token, body: { archived: true } })).status).toBe(403);
    expect(fields(await api(server, 'PATCH', '/api/v1/rooms/cutover-db', { token: admin.token, body: { archived: 'yes' } }))).toEqual([
      'archived',
    ]);
    expect(fields(await api(server, 'PATCH', '/api/v1/rooms/launch', { token: admin.token, body: { archived: true } }))).toEqual([
      'archived',
    ]);
    const a = await api(server, 'PATCH', '/api/v1/rooms/cutover-db', { token: admin.token, body: { archived: true } });
    expect(a.status).toBe(200);
    expect(a.body.archived).toBe(true);

    const refused = [
      await api(server, 'POST', '/api/v1/metrics', { token: key, body: { points: [{ name: 'users_total', value: 1_400_000 }] } }),
      await api(server, 'POST', '/api/v1/metrics', {
        token: admin.token,
        body: { room: 'cutover-db', points: [{ name: 'users_total', value: 1_400_000 }] },
      }),
      await api(server, 'POST', '/api/v1/incidents', { token: engineer.token, body: { title: 'x', severity: 'SEV3', room: 'cutover-db' } }),
      await api(server, 'POST', `/api/v1/incidents/${incidentId}/updates`, { token: engineer.token, body: { body: 'still here' } }),
      await api(server, 'POST', `/api/v1/incidents/${incidentId}/claim`, { token: engineer.token, body: {} }),
      await api(server, 'PATCH', '/api/v1/rooms/cutover-db/settings', { token: lead.token, body: { name: 'renamed' } }),
      await api(server, 'POST', '/api/v1/rooms/cutover-db/annotations', { token: lead.token, body: { label: 'x' } }),
    ];
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('room_archived');
    }
    // Nothing was written.
    const series = await server.ctx.prisma.metricSeries.findFirst({ where: { name: 'users_total', room: { slug: 'cutover-db' } } });
    expect(series?.latestValue).toBe(1_358_765);

    // History, the report and the wall's settings stay readable.
    expect((await api(server, 'GET', '/api/v1/rooms/cutover-db/settings', { token: viewer.token })).status).toBe(200);
    expect((await api(server, 'GET', '/api/v1/rooms/cutover-db/report', { token: viewer.token })).status).toBe(200);
    expect((await api(server, 'GET', `/api/v1/incidents/${incidentId}`, { token: viewer.token })).status).toBe(200);
    expect(
      (await api(server, 'GET', '/api/v1/rooms/cutover-db/settings', { token: await server.createDisplayLink('cutover-db') })).status,
    ).toBe(200);

    const listed = await api(server, 'GET', '/api/v1/rooms', { token: viewer.token });
    expect(listed.body.rooms.map((r: { slug: string }) => r.slug)).toEqual(['launch']);
    const all = await api(server, 'GET', '/api/v1/rooms?archived=1', { token: viewer.token });
    expect(all.body.rooms.map((r: { slug: string; archived: boolean }) => [r.slug, r.archived])).toEqual([
      ['launch', false],
      ['cutover-db', true],
    ]);

    expect((await api(server, 'PATCH', '/api/v1/rooms/cutover-db', { token: admin.token, body: { archived: false } })).body.archived).toBe(
      false,
    );
    expect(
      (await api(server, 'POST', '/api/v1/metrics', { token: key, body: { points: [{ name: 'users_total', value: 1_400_000 }] } })).status,
    ).toBe(202);
  });

  it.runIf(kind === 'sqlite')('the CLI adds, lists and archives rooms, with a one-line reason when refused', async () => {
    const env = { DATABASE_URL: server.databaseUrl };
    const add = await cli(['room', 'add', '--slug', 'night-2', '--name', 'Night 2', '--time-zone', 'Europe/Berlin'], env);
    expect(add.code, add.err).toBe(0);
    expect(add.out).toContain('/wall/night-2');
    const bad = await cli(['room', 'add', '--slug', 'Bad Slug', '--name', 'x'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/--slug: /);
    const again = await cli(['room', 'add', '--slug', 'night-2', '--name', 'x'], env);
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/taken/);
    expect((await cli(['room', 'archive', '--slug', 'night-2'], env)).code).toBe(0);
    const list = await cli(['room', 'list'], env);
    expect(list.out).toMatch(/night-2\s+Night 2\s+en\s+Europe\/Berlin\s+0\s+archived/);
    const r = await api(server, 'POST', '/api/v1/incidents', {
      token: engineer.token,
      body: { title: 'x', severity: 'SEV3', room: 'night-2' },
    });
    expect(r.body.error.code).toBe('room_archived');
  });

  it("opens `/` in the room a person used last (the console's cookie), else the default, passing over archived rooms", async () => {
    for (const [slug, name] of [
      ['home-a', '首页甲'],
      ['home-b', '首页乙'],
    ])
      expect((await api(server, 'POST', '/api/v1/rooms', { token: admin.token, body: { slug, name } })).status).toBe(201);
    expect((await api(server, 'PATCH', '/api/v1/rooms/home-b', { token: admin.token, body: { archived: true } })).status).toBe(200);
    // A person in a browser: the session cookie, and the console's cookie naming the room last used.
    const person = await server.createUser('viewer');
    const session = await signInCookie(server, person.email, person.password);
    const heading = async (cookie?: string) => {
      const res = await fetch(`${server.url}/`, { headers: { cookie: cookie ? `${session}; ${cookie}` : session } });
      expect(res.status).toBe(200);
      return /<h1[^>]*>([^<]*)<\/h1>/.exec(await res.text())?.[1];
    };
    expect(await heading()).toBe('Launch night');
    expect(await heading('warroom-room=home-a')).toBe('首页甲');
    // Archived, unknown: the default room instead.
    expect(await heading('warroom-room=home-b')).toBe('Launch night');
    expect(await heading('warroom-room=no-such-room')).toBe('Launch night');
  });
});
