import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TTestServer } from '../helpers/server';
import type { TIncidentDetail, TIncidentDto } from '../../lib/api/incidents';
import { KINDS } from './incidents-helpers';

type TUser = Awaited<ReturnType<TTestServer['createUser']>>;

describe.each(KINDS)('incident log over HTTP on %s', (kind) => {
  let server: TTestServer;
  let eng: TUser;
  let eng2: TUser;
  let viewer: TUser;
  const create = (token: string, body: unknown, headers: Record<string, string> = {}) =>
    api(server, 'POST', '/api/v1/incidents', { token, body, headers });

  beforeAll(async () => {
    server = await startServer({ db: kind });
    [eng, eng2, viewer] = await Promise.all([
      server.createUser('engineer'),
      server.createUser('engineer'),
      server.createUser('viewer'),
      server.createUser('lead'),
    ]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('creates with the next number and a created entry; the same Idempotency-Key replays and creates nothing', async () => {
    const before = await server.ctx.prisma.incident.count();
    const first = await create(eng.token, { title: 'Dirty records from partner feed', severity: 'SEV2' }, { 'idempotency-key': 'k-1' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      number: 1,
      title: 'Dirty records from partner feed',
      severity: 'SEV2',
      status: 'investigating',
      owner: null,
      version: 1,
    });
    const again = await create(eng.token, { title: 'Dirty records from partner feed', severity: 'SEV2' }, { 'idempotency-key': 'k-1' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    // Concurrent retries with one key: still one incident. One runs; the others are
    // answered at once — the first's answer, or 409 "in progress" with Retry-After.
    const burstOnce = () => create(eng.token, { title: 'Burst', severity: 'SEV4' }, { 'idempotency-key': 'k-burst' });
    const burst = await Promise.all(Array.from({ length: 4 }, burstOnce));
    for (const r of burst) {
      expect([201, 409]).toContain(r.status);
      if (r.status === 409) expect(r.headers.get('retry-after')).toBe('1');
    }
    const settled = [];
    for (const r of burst) {
      let answer = r;
      for (let i = 0; i < 5 && answer.status === 409; i++) {
        await new Promise((ok) => setTimeout(ok, Number(answer.headers.get('retry-after')) * 1000));
        answer = await burstOnce();
      }
      settled.push(answer);
    }
    expect(settled.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(settled.map((r) => r.body.id)).size).toBe(1);
    // Another caller's identical key is theirs, not a replay.
    const other = await create(eng2.token, { title: 'Other', severity: 'SEV3' }, { 'idempotency-key': 'k-1' });
    expect(other.body.id).not.toBe(first.body.id);
    expect(await server.ctx.prisma.incident.count()).toBe(before + 3);
    const entries = await server.ctx.prisma.incidentEntry.findMany({ where: { incidentId: first.body.id } });
    expect(entries.map((e) => e.kind)).toEqual(['created']);
  });

  it('a key whose first request is still running: 409 with Retry-After, answered without waiting for it', async () => {
    const inc = (await create(eng.token, { title: 'Key in progress', severity: 'SEV3' })).body as TIncidentDto;
    // The scope a keyed update to this incident is kept under, from one that ran.
    const ran = await api(server, 'POST', `/api/v1/incidents/${inc.id}/updates`, {
      token: eng.token,
      body: { body: 'first keyed write' },
      headers: { 'idempotency-key': 'k-ran' },
    });
    expect(ran.status).toBe(201);
    const { scope } = await server.ctx.prisma.idempotencyRecord.findFirstOrThrow({ where: { key: 'k-ran' } });
    // The first request holds the key's lease for a minute (as a slow or stuck one would).
    await server.ctx.prisma.idempotencyRecord.create({
      data: {
        scope,
        key: 'k-running',
        status: 0,
        body: '',
        leaseToken: 'the-first-request',
        leaseUntil: new Date(Date.now() + 60_000),
      },
    });
    const second = await api(server, 'POST', `/api/v1/incidents/${inc.id}/updates`, {
      token: eng.token,
      body: { body: 'the same write again' },
      headers: { 'idempotency-key': 'k-running' },
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    expect(second.headers.get('retry-after')).toBe('1');
    // Nothing ran, and the first request still holds its key.
    expect(await server.ctx.prisma.incidentEntry.count({ where: { incidentId: inc.id, kind: 'post', body: 'the same write again' } })).toBe(
      0,
    );
    const rec = await server.ctx.prisma.idempotencyRecord.findFirstOrThrow({ where: { key: 'k-running' } });
    expect(rec.leaseToken).toBe('the-first-request');
  });

  it('refuses bad input with 400 naming each field, storing nothing', async () => {
    const [incidents, entries] = [await server.ctx.prisma.incident.count(), await server.ctx.prisma.incidentEntry.count()];
    const bad = await create(eng.token, { title: '', severity: 'SEV9', colour: 'red' });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'severity']));
    const missing = await create(eng.token, {});
    expect(missing.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['title', 'severity']));
    const notJson = await create(eng.token, '{"title":');
    expect(notJson.status).toBe(400);
    const inc = (await create(eng.token, { title: 'For bad updates', severity: 'SEV3' })).body as TIncidentDto;
    const badPost = await api(server, 'POST', `/api/v1/incidents/${inc.id}/updates`, {
      token: eng.token,
      body: { body: ' ', status: 'fixed' },
    });
    expect(badPost.status).toBe(400);
    expect(badPost.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['body', 'status']));
    const badImpact = await api(server, 'POST', `/api/v1/incidents/${inc.id}/impact`, {
      token: eng.token,
      body: { text: 'x', value: 'lots' },
    });
    expect(badImpact.body.error.details[0].field).toBe('value');
    expect(await server.ctx.prisma.incident.count()).toBe(incidents + 1);
    expect(await server.ctx.prisma.incidentEntry.count()).toBe(entries + 1);
  });

  it('lists newest first with status filters, and refuses viewers who write and strangers', async () => {
    const a = (await create(eng.token, { title: 'Older', severity: 'SEV3' })).body as TIncidentDto;
    const b = (await create(eng.token, { title: 'Newer', severity: 'SEV1' })).body as TIncidentDto;
    await api(server, 'POST', `/api/v1/incidents/${a.id}/status`, { token: eng.token, body: { status: 'resolved', version: a.version } });
    const open = await api(server, 'GET', '/api/v1/incidents?status=open', { token: viewer.token });
    expect(open.status).toBe(200);
    const openIds = open.body.incidents.map((i: TIncidentDto) => i.id);
    expect(openIds[0]).toBe(b.id);
    expect(openIds).not.toContain(a.id);
    const resolved = await api(server, 'GET', '/api/v1/incidents?status=resolved&room=launch', { token: viewer.token });
    expect(resolved.body.incidents.map((i: TIncidentDto) => i.id)).toContain(a.id);
    const all = (await api(server, 'GET', '/api/v1/incidents?status=all', { token: viewer.token })).body.incidents as TIncidentDto[];
    const times = all.map((i) => Date.parse(i.createdAt));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect((await api(server, 'GET', '/api/v1/incidents?status=closed', { token: viewer.token })).body.error.details[0].field).toBe(
      'status',
    );
    expect((await api(server, 'GET', '/api/v1/incidents')).status).toBe(401);
    expect((await create(viewer.token, { title: 'no', severity: 'SEV4' })).status).toBe(403);
    expect((await api(server, 'POST', `/api/v1/incidents/${b.id}/claim`, { token: viewer.token })).status).toBe(403);
  });

  it('claim race: 30 rounds of 5 simultaneous claims give exactly one 200 each', async () => {
    const racers = [
      eng,
      eng2,
      ...(await Promise.all([server.createUser('engineer'), server.createUser('engineer'), server.createUser('lead')])),
    ];
    for (let round = 0; round < 30; round++) {
      const inc = (await create(eng.token, { title: `Race ${round}`, severity: 'SEV2' })).body as TIncidentDto;
      const answers = await Promise.all(
        racers.map((u) => api(server, 'POST', `/api/v1/incidents/${inc.number}/claim`, { token: u.token })),
      );
      const winners = answers.filter((r) => r.status === 200);
      expect(winners, `round ${round}: ${answers.map((r) => r.status).join(',')}`).toHaveLength(1);
      const owner = winners[0]!.body.owner;
      for (const r of answers.filter((x) => x.status !== 200)) {
        expect(r.status).toBe(409);
        expect(r.body.error.code).toBe('already_claimed');
        expect(r.body.error.owner).toEqual(owner);
        expect(r.body.error.message).toContain(owner.name);
      }
      const claims = await server.ctx.prisma.incidentEntry.count({ where: { incidentId: inc.id, kind: 'claim' } });
      expect(claims).toBe(1);
    }
  });

  it('posts updates (201 entry), changes status with version and refuses a stale one with the current incident', async () => {
    const inc = (await create(eng.token, { title: 'Node web-3 hardware', severity: 'SEV3' })).body as TIncidentDto;
    const claim = await api(server, 'POST', `/api/v1/incidents/${inc.id}/claim`, { token: eng.token });
    expect(claim.status).toBe(200);
    expect(claim.body.owner).toEqual({ id: eng.id, name: eng.name });
    expect((await api(server, 'POST', `/api/v1/incidents/${inc.id}/claim`, { token: eng.token })).status).toBe(200);
    const post = await api(server, 'POST', `/api/v1/incidents/${inc.id}/updates`, {
      token: eng.token,
      body: { body: 'scan running on web-3', status: 'identified' },
    });
    expect(post.status).toBe(201);
    expect(post.body).toMatchObject({ kind: 'post', body: 'scan running on web-3', author: { id: eng.id, name: eng.name } });
    const seen = (await api(server, 'GET', `/api/v1/incidents/${inc.number}`, { token: viewer.token })).body as TIncidentDetail;
    expect(seen.status).toBe('identified');
    const ok = await api(server, 'POST', `/api/v1/incidents/${inc.id}/severity`, {
      token: eng.token,
      body: { severity: 'SEV1', version: seen.version },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(seen.version + 1);
    const stale = await api(server, 'POST', `/api/v1/incidents/${inc.id}/status`, {
      token: eng2.token,
      body: { status: 'monitoring', version: seen.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect(stale.body.error.incident).toMatchObject({ id: inc.id, severity: 'SEV1', status: 'identified', version: seen.version + 1 });
    const staleSev = await api(server, 'POST', `/api/v1/incidents/${inc.id}/severity`, {
      token: eng2.token,
      body: { severity: 'SEV4', version: seen.version },
    });
    expect(staleSev.body.error.code).toBe('stale_version');
    const stalePost = await api(server, 'POST', `/api/v1/incidents/${inc.id}/updates`, {
      token: eng2.token,
      body: { body: 'resolving', status: 'resolved', version: 1 },
    });
    expect(stalePost.status).toBe(409);
    const resolved = await api(server, 'POST', `/api/v1/incidents/${inc.id}/status`, {
      token: eng.token,
      body: { status: 'resolved', version: ok.body.version },
    });
    expect(resolved.body).toMatchObject({ status: 'resolved' });
    expect(resolved.body.resolvedAt).not.toBeNull();
    const reopened = await api(server, 'POST', `/api/v1/incidents/${inc.id}/status`, {
      token: eng.token,
      body: { status: 'investigating', version: resolved.body.version },
    });
    expect(reopened.body).toMatchObject({ status: 'investigating', resolvedAt: null });
    const detail = (await api(server, 'GET', `/api/v1/incidents/${inc.id}`, { token: viewer.token })).body as TIncidentDetail;
    expect(detail.timeline.map((e) => e.kind)).toEqual(['created', 'claim', 'status', 'post', 'severity', 'status', 'status']);
    expect(detail.timeline.at(-1)!.data).toMatchObject({ from: 'resolved', to: 'investigating', reopened: true });
    expect(detail.timeline.filter((e) => e.body === 'resolving')).toHaveLength(0);
    const seqs = detail.timeline.map((e) => e.seq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
  });
});
