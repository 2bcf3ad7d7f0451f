import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TTestServer } from '../helpers/server';
import type { TIncidentDetail, TIncidentDto } from '../../lib/api/incidents';
import type { TIncidentEntryDto } from '../../lib/api/incident-timeline';
import { connect, KINDS, nextEvent, subscribe } from './incidents-helpers';

type TUser = Awaited<ReturnType<TTestServer['createUser']>>;
type TChanged = { roomId: string; incidentId: string; seq: number; incident: TIncidentDto; entries: TIncidentEntryDto[] };

describe.each(KINDS)('incident triage and live screens on %s', (kind) => {
  let server: TTestServer;
  let eng: TUser;
  let eng2: TUser;
  let viewer: TUser;
  let lead: TUser;
  let inc: TIncidentDto;
  const act = (u: TUser, path: string, body?: unknown, headers?: Record<string, string>) =>
    api(server, 'POST', `/api/v1/incidents/${inc.id}/${path}`, { token: u.token, body, headers });
  const detail = async () => (await api(server, 'GET', `/api/v1/incidents/${inc.id}`, { token: viewer.token })).body as TIncidentDetail;

  beforeAll(async () => {
    server = await startServer({ db: kind });
    [eng, eng2, viewer, lead] = await Promise.all([
      server.createUser('engineer'),
      server.createUser('engineer'),
      server.createUser('viewer'),
      server.createUser('lead'),
    ]);
    inc = (
      await api(server, 'POST', '/api/v1/incidents', {
        token: eng.token,
        body: { title: 'Partner feed sends dirty records', severity: 'SEV2', summary: 'a few per thousand' },
      })
    ).body;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('release, handover by the owner, and a lead taking over are recorded from → to', async () => {
    // Unowned since it opened; owned, nothing; released, since the release ("unclaimed 0 min", not since it opened).
    expect(inc.unownedSince).toBe(inc.createdAt);
    await server.ctx.prisma.incident.update({ where: { id: inc.id }, data: { createdAt: new Date(Date.now() - 30 * 60_000) } });
    const claimed = await act(eng, 'claim');
    expect(claimed.status).toBe(200);
    expect(claimed.body.unownedSince).toBeNull();
    expect((await act(eng2, 'release')).status).toBe(403);
    const before = Date.now();
    const released = await act(eng, 'release');
    expect(released.body.owner).toBeNull();
    expect(Date.parse(released.body.unownedSince)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(released.body.unownedSince)).toBeGreaterThan(Date.parse(released.body.createdAt) + 29 * 60_000);
    await act(eng, 'claim');
    const handed = await act(eng, 'handover', { toUserId: eng2.id });
    expect(handed.body.owner).toEqual({ id: eng2.id, name: eng2.name });
    expect((await act(eng, 'handover', { toUserId: eng.id })).status).toBe(403);
    const taken = await act(lead, 'handover', { toUserId: lead.id, note: 'I will drive this' });
    expect(taken.body.owner).toEqual({ id: lead.id, name: lead.name });
    expect((await act(lead, 'handover', { toUserId: viewer.id })).body.error.details[0].field).toBe('toUserId');
    const hand = (await detail()).timeline.filter((e) => e.kind === 'handover');
    expect(hand.map((e) => e.data)).toEqual([
      { from: { id: eng.id, name: eng.name }, to: { id: eng2.id, name: eng2.name }, takeover: false },
      { from: { id: eng2.id, name: eng2.name }, to: { id: lead.id, name: lead.name }, takeover: true },
    ]);
    expect(hand[1]!.body).toBe('I will drive this');
  });

  it('helpers, impact and series links', async () => {
    const h = await act(eng, 'helpers', { userId: eng2.id });
    expect(h.body.helpers).toEqual([{ id: eng2.id, name: eng2.name }]);
    const impact = await act(eng, 'impact', { text: 'dirty writes', value: 0.3, unit: '%' });
    expect(impact.body.impact).toEqual({ text: 'dirty writes', value: 0.3, unit: '%' });
    const link = await act(eng, 'links', { seriesName: 'cpu_ratio', labels: { server: 'web-3' } });
    expect(link.body.links).toEqual([{ seriesName: 'cpu_ratio', labels: { server: 'web-3' } }]);
    const removed = await act(eng, 'helpers', { userId: eng2.id, remove: true });
    expect(removed.body.helpers).toEqual([]);
  });

  it('elimination log: hypotheses ruled out or confirmed with who and when', async () => {
    const a = await act(eng, 'findings', { text: 'code' }, { 'idempotency-key': 'f-code' });
    expect(a.status).toBe(201);
    expect((await act(eng, 'findings', { text: 'code' }, { 'idempotency-key': 'f-code' })).body).toEqual(a.body);
    const b = await act(eng, 'findings', { text: 'middleware' });
    const code = a.body.findings.find((f: { text: string }) => f.text === 'code');
    const mw = b.body.findings.find((f: { text: string }) => f.text === 'middleware');
    expect(b.body.findings).toHaveLength(2);
    const out = await api(server, 'POST', `/api/v1/incidents/${inc.id}/findings/${code.id}`, {
      token: eng2.token,
      body: { state: 'ruled_out' },
    });
    expect(out.body.findings.find((f: { id: string }) => f.id === code.id)).toMatchObject({
      state: 'ruled_out',
      decidedBy: { id: eng2.id, name: eng2.name },
    });
    const conf = await api(server, 'PATCH', `/api/v1/incidents/${inc.id}/findings/${mw.id}`, {
      token: eng.token,
      body: { state: 'confirmed' },
    });
    expect(conf.body.findings.find((f: { id: string }) => f.id === mw.id).decidedAt).not.toBeNull();
    expect(
      (await api(server, 'POST', `/api/v1/incidents/${inc.id}/findings/${mw.id}`, { token: eng.token, body: { state: 'maybe' } })).body
        .error.details[0].field,
    ).toBe('state');
    const log = (await detail()).timeline.filter((e) => e.kind === 'finding').map((e) => [e.body, e.data?.to]);
    expect(log).toEqual([
      ['code', 'open'],
      ['middleware', 'open'],
      ['code', 'ruled_out'],
      ['middleware', 'confirmed'],
    ]);
  });

  it('viewers comment and acknowledge; an edited post keeps its old text', async () => {
    const c = await act(viewer, 'comments', { body: 'how are we doing?' });
    expect(c.status).toBe(201);
    expect((await act(viewer, 'updates', { body: 'no' })).status).toBe(403);
    const ack1 = await act(viewer, 'ack');
    const ack2 = await act(viewer, 'ack');
    expect(ack2.body.id).toBe(ack1.body.id);
    const post = (await act(eng, 'updates', { body: 'web-3 node 2 faulty' })).body as TIncidentEntryDto;
    const edit = await api(server, 'PATCH', `/api/v1/incidents/${inc.id}/entries/${post.id}`, {
      token: eng.token,
      body: { body: 'web-3 node 4 faulty' },
    });
    expect(edit.status).toBe(201);
    expect(edit.body).toMatchObject({
      kind: 'edit',
      editsId: post.id,
      body: 'web-3 node 4 faulty',
      data: { previous: 'web-3 node 2 faulty' },
    });
    expect(
      (await api(server, 'PATCH', `/api/v1/incidents/${inc.id}/entries/${post.id}`, { token: eng2.token, body: { body: 'x' } })).status,
    ).toBe(403);
    const d = await detail();
    expect(d.acknowledgedBy).toEqual([{ id: viewer.id, name: viewer.name }]);
    const original = d.timeline.find((e) => e.id === post.id)!;
    expect(original.body).toBe('web-3 node 2 faulty');
    expect(original.editedBy).toBe(edit.body.id);
  });

  it("pushes every change to the room within a second; an escalation reaches the lead's own channel", async () => {
    const watcher = await connect(server, viewer.token);
    const leadScreen = await connect(server, lead.token);
    try {
      const sub = await subscribe(watcher);
      expect(sub.me).toMatchObject({ id: viewer.id });
      expect(sub.lastSeq).toBeGreaterThan(0);
      const t0 = Date.now();
      const pushed = nextEvent<TChanged>(watcher, 'incident:changed', (p) => p.entries.some((e) => e.body === 'scan finished'));
      await act(eng, 'updates', { body: 'scan finished' });
      const p = await pushed;
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(p.incident.id).toBe(inc.id);
      expect(p.seq).toBeGreaterThan(sub.lastSeq);
      // The lead has not subscribed to the room: the escalation comes on their user channel.
      const escalated = nextEvent<{ incident: TIncidentDto; entry: TIncidentEntryDto }>(leadScreen, 'incident:escalated');
      expect((await act(eng, 'escalate', { leadId: eng2.id })).body.error.details[0].field).toBe('leadId');
      await act(eng, 'escalate', { leadId: lead.id, note: 'need a decision on the pool' });
      const e = await escalated;
      expect(e.incident.escalatedTo).toEqual({ id: lead.id, name: lead.name });
      expect(e.entry.body).toBe('need a decision on the pool');
    } finally {
      watcher.disconnect();
      leadScreen.disconnect();
    }
  });

  // Latency is a benchmark's job (bench/incident-push.ts), not a timed assertion here.
  it('every one of 40 quick updates reaches another screen once, in order', async () => {
    const watcher = await connect(server, viewer.token);
    try {
      await subscribe(watcher);
      const seqs: number[] = [];
      for (let n = 0; n < 40; n++) {
        const body = `burst ${n}`;
        const pushed = nextEvent<TChanged>(watcher, 'incident:changed', (p) => p.entries.some((e) => e.body === body));
        await act(eng, 'updates', { body });
        const p = await pushed;
        seqs.push(p.entries.find((e) => e.body === body)!.seq);
      }
      expect(new Set(seqs).size).toBe(40);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    } finally {
      watcher.disconnect();
    }
  });

  it('a screen that was offline catches up after its cursor without duplicates', async () => {
    const s1 = await connect(server, viewer.token);
    const { lastSeq } = await subscribe(s1);
    s1.disconnect();
    await act(eng, 'updates', { body: 'missed 1' });
    await act(eng, 'updates', { body: 'missed 2' });
    const other = (
      await api(server, 'POST', '/api/v1/incidents', { token: eng.token, body: { title: 'Missed incident', severity: 'SEV1' } })
    ).body as TIncidentDto;
    const s2 = await connect(server, viewer.token);
    try {
      const missed = await subscribe(s2, { afterSeq: lastSeq });
      expect(missed.complete).toBe(true);
      expect(missed.entries.map((e) => e.body ?? e.kind)).toEqual(['missed 1', 'missed 2', 'created']);
      expect(new Set(missed.entries.map((e) => e.id)).size).toBe(3);
      expect(missed.incidents.map((i) => i.id).sort()).toEqual([inc.id, other.id].sort());
      expect(missed.lastSeq).toBe(missed.entries.at(-1)!.seq);
      const none = await subscribe(s2, { afterSeq: missed.lastSeq });
      expect(none.entries).toEqual([]);
      expect(await subscribe(s2, { room: 'nowhere' }).catch((e: Error) => e.message)).toBe('not_found');
    } finally {
      s2.disconnect();
    }
  });

  it('replays an update posted twice with one Idempotency-Key, and guards the socket like HTTP', async () => {
    const headers = { 'idempotency-key': 'post-once' };
    const first = await act(eng, 'updates', { body: 'posted once' }, headers);
    const again = await act(eng, 'updates', { body: 'posted once' }, headers);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await server.ctx.prisma.incidentEntry.count({ where: { incidentId: inc.id, body: 'posted once' } })).toBe(1);
    await server.ctx.prisma.room.create({ data: { slug: 'other-room', name: 'Other' } });
    const display = await connect(server, await server.createDisplayLink('other-room'));
    try {
      await expect(subscribe(display, { room: 'launch' })).rejects.toThrow('forbidden');
      expect((await subscribe(display)).roomSlug).toBe('other-room');
      await expect(subscribe(display, { afterSeq: -1 } as never)).rejects.toThrow('validation_failed');
    } finally {
      display.disconnect();
    }
  });

  it('flags an idle claim from ownerActiveAt against the room setting', async () => {
    const fresh = (await api(server, 'POST', '/api/v1/incidents', { token: eng.token, body: { title: 'Idle check', severity: 'SEV3' } }))
      .body as TIncidentDto;
    await api(server, 'POST', `/api/v1/incidents/${fresh.id}/claim`, { token: eng.token });
    const get = async () => (await api(server, 'GET', `/api/v1/incidents/${fresh.id}`, { token: viewer.token })).body as TIncidentDetail;
    expect((await get()).idle).toBe(false);
    await server.ctx.prisma.incident.update({ where: { id: fresh.id }, data: { ownerActiveAt: new Date(Date.now() - 16 * 60_000) } });
    const idle = await get();
    expect(idle).toMatchObject({ idle: true, idleClaimMinutes: 15 });
    // A comment by someone else does not count as the owner being active; the owner's post does.
    await api(server, 'POST', `/api/v1/incidents/${fresh.id}/comments`, { token: viewer.token, body: { body: 'anyone?' } });
    expect((await get()).idle).toBe(true);
    await api(server, 'POST', `/api/v1/incidents/${fresh.id}/updates`, { token: eng.token, body: { body: 'still on it' } });
    expect((await get()).idle).toBe(false);
  });

  it('keeps every acknowledged change across a restart', async () => {
    const before = await detail();
    await server.restart();
    const after = await detail();
    expect(after).toEqual(before);
    const next = await api(server, 'POST', `/api/v1/incidents/${inc.id}/updates`, { token: eng.token, body: { body: 'after restart' } });
    expect(next.body.seq).toBeGreaterThan(before.timeline.at(-1)!.seq);
  });
});
