// Issue 25, item 1: data a lead can correct — counts never negative, per-series bounds in
// room settings, DELETE of a range of points (noted, redrawn everywhere), and the CSV export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { api, DB_KINDS, startServer, type TTestServer } from '../helpers/server';

const KINDS = DB_KINDS;

const T0 = Date.now() - 30 * 60_000;
const at = (min: number) => T0 + min * 60_000;

describe.each(KINDS)('correcting a series on %s', (kind) => {
  let server: TTestServer;
  let lead: { token: string; name: string };
  let engineer: { token: string };
  let display: string;
  let ingest: string;

  beforeAll(async () => {
    server = await startServer({ db: kind });
    lead = await server.createUser('lead', 'Mei Lin');
    engineer = await server.createUser('engineer');
    display = await server.createDisplayLink();
    ingest = await server.createIngestKey();
  });
  afterAll(async () => server?.stop());

  const push = (points: unknown[]) => api(server, 'POST', '/api/v1/metrics', { token: ingest, body: { points } });
  const stored = async (name: string) => {
    const s = await server.ctx.prisma.metricSeries.findMany({ where: { name } });
    let n = 0;
    for (const x of s) n += (await server.ctx.samples.readRange(x.id, 0, Date.now() + 3600_000)).length;
    return n;
  };

  it('refuses a negative count whole, naming the point', async () => {
    const r = await push([
      { name: 'signups_total', value: 5, time: at(0) },
      { name: 'users_total', value: -5, time: at(0) },
    ]);
    expect(r.status).toBe(400);
    expect(r.body.error.details).toEqual([{ field: 'points.1.value', message: 'must not be negative: users_total is a count' }]);
    expect(await stored('signups_total')).toBe(0);
    // Not a count: a negative temperature is fine.
    expect((await push([{ name: 'temp_celsius', value: -5, time: at(0) }])).status).toBe(202);
  });

  it('keeps per-series bounds in room settings and refuses a point outside them', async () => {
    const bad = await api(server, 'PATCH', '/api/v1/rooms/launch/settings', {
      token: lead.token,
      body: { seriesBounds: { users_online: { min: 10, max: 5 } } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('seriesBounds.users_online.max');
    expect(
      (
        await api(server, 'PATCH', '/api/v1/rooms/launch/settings', {
          token: engineer.token,
          body: { seriesBounds: { users_online: { max: 1 } } },
        })
      ).status,
    ).toBe(403);
    const ok = await api(server, 'PATCH', '/api/v1/rooms/launch/settings', {
      token: lead.token,
      body: { seriesBounds: { users_online: { min: 0, max: 1_000_000, maxStep: 50_000 } } },
    });
    expect(ok.status).toBe(200);
    const read = await api(server, 'GET', '/api/v1/rooms/launch/settings', { token: display });
    expect(read.body.seriesBounds).toEqual({ users_online: { min: 0, max: 1_000_000, maxStep: 50_000 } });

    expect((await push([{ name: 'users_online', value: 100_000, time: at(1) }])).status).toBe(202);
    const tooHigh = await push([{ name: 'users_online', value: 2_000_000, time: at(2) }]);
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.error.details[0]).toEqual({
      field: 'points.0.value',
      message: 'must be at most 1000000 (bound of users_online in room settings)',
    });
    // A step from the stored latest value (100,000) to 200,000 is not believable…
    const jump = await push([
      { name: 'users_online', value: 120_000, time: at(2) },
      { name: 'users_online', value: 300_000, time: at(3) },
    ]);
    expect(jump.status).toBe(400);
    expect(jump.body.error.details[0].field).toBe('points.1.value');
    expect(jump.body.error.details[0].message).toMatch(/largest believable step of users_online is 50000/);
    expect(await stored('users_online')).toBe(1);
    // …one within it is; null removes the bounds.
    expect((await push([{ name: 'users_online', value: 140_000, time: at(3) }])).status).toBe(202);
    await api(server, 'PATCH', '/api/v1/rooms/launch/settings', { token: lead.token, body: { seriesBounds: { users_online: null } } });
    expect((await api(server, 'GET', '/api/v1/rooms/launch/settings', { token: display })).body.seriesBounds).toEqual({});
    expect((await push([{ name: 'users_online', value: 900_000, time: at(4) }])).status).toBe(202);
  });

  it('deletes a range of points (lead+), notes who did it, and every screen redraws without them', async () => {
    const points = [];
    for (let m = 0; m <= 10; m++) points.push({ name: 'users_total', value: m === 5 ? 9e9 : 1000 + m, time: at(m) });
    points.push({ name: 'users_total', value: 7, time: at(5), labels: { server: 'web-1' } });
    expect((await push(points)).status).toBe(202);

    const sock: Socket = io(server.url, { path: '/socket.io', transports: ['websocket'], auth: { token: display }, reconnection: false });
    await new Promise<void>((r) => sock.once('connect', () => r()));
    await new Promise((r) => sock.emit('room:join', {}, r));
    const changed = new Promise<void>((r) => sock.once('room:changed', () => r()));

    const path = `/api/v1/rooms/launch/series/users_total/points?from=${at(4.5)}&to=${new Date(at(5.5)).toISOString()}&labels=`;
    expect((await api(server, 'DELETE', path, { token: engineer.token })).status).toBe(403);
    expect(
      (await api(server, 'DELETE', '/api/v1/rooms/launch/series/users_total/points?from=x', { token: lead.token })).body.error.details
        .map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['from', 'to']);

    const del = await api(server, 'DELETE', `${path}`.replace('&labels=', '&labels={}'), { token: lead.token });
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ deleted: 1 });
    await changed;

    const snap = (await new Promise((r) => sock.emit('room:join', {}, r))) as {
      ok: true;
      data: { history: { name: string; points: [number, number][] }[]; annotations: { label: string }[] };
    };
    sock.close();
    const users = snap.data.history.find((h) => h.name === 'users_total')!;
    expect(users.points.map(([, v]) => v)).not.toContain(9e9);
    expect(users.points).toHaveLength(10);
    expect(snap.data.annotations.map((a) => a.label).find((l) => l.includes('deleted'))).toMatch(
      /^Mei Lin deleted 1 point of users_total /,
    );
    // The labelled series kept its point; the headline's latest value is still the newest point.
    expect(await stored('users_total')).toBe(11);
    const latest = await api(server, 'GET', '/api/v1/metrics/latest', { token: display });
    expect(
      latest.body.series.find((s: { name: string; labels: object }) => s.name === 'users_total' && Object.keys(s.labels).length === 0)
        .value,
    ).toBe(1010);

    // Deleting the newest points moves the latest value back; label sets in name=value form.
    expect(
      (await api(server, 'DELETE', `/api/v1/rooms/launch/series/users_total/points?from=${at(9.5)}&to=${at(11)}`, { token: lead.token }))
        .body,
    ).toEqual({ deleted: 1 });
    const after = await api(server, 'GET', '/api/v1/metrics/latest', { token: display });
    expect(
      after.body.series.find((s: { name: string; labels: object }) => s.name === 'users_total' && Object.keys(s.labels).length === 0).value,
    ).toBe(1009);
    const web1 = await api(
      server,
      'DELETE',
      `/api/v1/rooms/launch/series/users_total/points?from=${at(0)}&to=${at(10)}&labels=server=web-1`,
      { token: lead.token },
    );
    expect(web1.body).toEqual({ deleted: 1 });
  });

  it('exports series and incidents as CSV', async () => {
    await api(server, 'POST', '/api/v1/incidents', { token: lead.token, body: { title: 'Login, "slow"', severity: 'SEV2' } });
    expect((await fetch(`${server.url}/api/v1/rooms/launch/export?what=series`)).status).toBe(401);
    const v = await fetch(`${server.url}/api/v1/rooms/launch/export?what=series&from=${at(0)}&to=${at(11)}`, {
      headers: { authorization: `Bearer ${lead.token}` },
    });
    expect(v.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await v.text()).trim().split('\n');
    expect(lines[0]).toBe('series,labels,time,value');
    expect(lines).toContain(`users_total,,${new Date(at(1)).toISOString()},1001`);
    const i = await fetch(`${server.url}/api/v1/rooms/launch/export?what=incidents`, {
      headers: { authorization: `Bearer ${lead.token}` },
    });
    const text = await i.text();
    expect(text.split('\n')[0]).toBe(
      'number,title,severity,status,source,opened_at,claimed_at,claimed_after_seconds,resolved_at,resolved_after_seconds,owner',
    );
    expect(text).toContain('"Login, ""slow"""');
    const bad = await api(server, 'GET', '/api/v1/rooms/launch/export?what=plans', { token: lead.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('what');
  });
});
