import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NIGHT } from '../../lib/api/night';
import { api, startServer, type TTestServer } from '../helpers/server';
import { KINDS } from './incidents-helpers';
import { MINUTE, seedNight, waitFor, type TSeededNight } from './night-seed';

/** The test's own statistics, written apart from the server's. */
function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
function p90(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.ceil(s.length * 0.9) - 1]!;
}
/** Largest rise over `k` minutes on a one-minute grid, the first such window on ties. */
function biggestRise(points: [number, number][], k: number): { value: number; at: string } | null {
  let best: { value: number; at: string } | null = null;
  for (let j = k; j < points.length; j++) {
    const rise = points[j]![1] - points[j - k]![1];
    if (!best || rise > best.value) best = { value: rise, at: new Date(points[j]![0]).toISOString() };
  }
  return best;
}

describe.each(KINDS)('night report on %s', (kind) => {
  let server: TTestServer;
  let night: TSeededNight;
  let from: number;
  let to: number;

  beforeAll(async () => {
    server = await startServer({ db: kind });
    const lead = await server.createUser('lead');
    // A milestone of our own, before the samples that cross it.
    const m = await api(server, 'POST', '/api/v1/rooms/launch/milestones', { token: lead.token, body: { threshold: 1_700_000 } });
    expect(m.status).toBe(201);
    night = await seedNight(server);
    // Milestones are recorded after the ingest commits.
    await waitFor(async () => {
      const s = await api(server, 'GET', '/api/v1/rooms/launch/settings', { token: night.people.viewer.token });
      return s.body.milestones.filter((x: { reachedAt: string | null }) => x.reachedAt).length >= 2;
    });
    const h = await api(server, 'POST', '/api/v1/rooms/launch/handovers', {
      token: night.people.leadA.token,
      body: { to: night.people.leadB.email, note: 'watch the partner feed' },
    });
    expect(h.status).toBe(201);
    const a = await api(server, 'POST', `/api/v1/rooms/launch/handovers/${h.body.id}/accept`, {
      token: night.people.leadB.token,
      body: {},
    });
    expect(a.status).toBe(200);
    from = night.base - MINUTE;
    to = Date.now() + 1000;
  });
  afterAll(async () => server?.stop());

  it('answers the contract shape with figures exact against the stored data', async () => {
    const r = await api(server, 'GET', `/api/v1/rooms/launch/report?from=${new Date(from).toISOString()}&to=${to}`, {
      token: night.people.viewer.token,
    });
    expect(r.status).toBe(200);
    const report = NIGHT.report.response.parse(r.body);
    expect(report.from).toBe(new Date(from).toISOString());
    expect(report.to).toBe(new Date(to).toISOString());

    const uv = night.users.map((p) => p[1]);
    const peakUsers = Math.max(...uv);
    expect(report.figures.users).toEqual({
      start: uv[0],
      end: uv[uv.length - 1],
      peak: peakUsers,
      peakAt: new Date(night.users[uv.indexOf(peakUsers)]![0]).toISOString(),
    });
    const ov = night.online.map((p) => p[1]);
    const peakOnline = Math.max(...ov);
    expect(report.figures.online).toEqual({ peak: peakOnline, peakAt: new Date(night.online[ov.indexOf(peakOnline)]![0]).toISOString() });
    expect(report.figures.fastestGrowth.perMinute).toEqual(biggestRise(night.users, 1));
    expect(report.figures.fastestGrowth.perHour).toEqual(biggestRise(night.users, 60));

    // Milestones: the first sample at or above each threshold.
    const firstAt = (threshold: number) => new Date(night.users.find(([, v]) => v >= threshold)![0]).toISOString();
    expect(report.milestones.map((m) => [m.threshold, m.reachedAt])).toEqual([
      [1_000_000, firstAt(1_000_000)],
      [1_700_000, firstAt(1_700_000)],
    ]);

    // Incidents, from each one's own timeline as the API shows it.
    const details = await Promise.all(
      Object.values(night.incidents).map(
        async (id) => (await api(server, 'GET', `/api/v1/incidents/${id}`, { token: night.people.viewer.token })).body,
      ),
    );
    details.sort((a, b) => a.number - b.number);
    const expected = details.map((d) => {
      // Time to claim runs to the first owner: a claim, or a lead's assignment (a handover from nobody).
      const claim = d.timeline.find(
        (e: { kind: string; data: { from?: unknown } | null }) => e.kind === 'claim' || (e.kind === 'handover' && !e.data?.from),
      );
      return {
        number: d.number,
        title: d.title,
        severity: d.severity,
        source: null,
        openedAt: d.createdAt,
        claimedAfterSeconds: claim ? (Date.parse(claim.createdAt) - Date.parse(d.createdAt)) / 1000 : null,
        resolvedAfterSeconds: d.status === 'resolved' ? (Date.parse(d.resolvedAt) - Date.parse(d.createdAt)) / 1000 : null,
        owner: d.owner,
      };
    });
    expect(
      report.incidents.map(({ number, title, severity, source, openedAt, claimedAfterSeconds, resolvedAfterSeconds, owner }) => ({
        number,
        title,
        severity,
        source,
        openedAt,
        claimedAfterSeconds,
        resolvedAfterSeconds,
        owner,
      })),
    ).toEqual(expected);
    const claims = expected.flatMap((e) => (e.claimedAfterSeconds === null ? [] : [e.claimedAfterSeconds]));
    const resolves = expected.flatMap((e) => (e.resolvedAfterSeconds === null ? [] : [e.resolvedAfterSeconds]));
    expect(report.timeToClaim).toEqual({ median: median(claims), p90: p90(claims), count: claims.length });
    expect(report.timeToResolve).toEqual({ median: median(resolves), p90: p90(resolves), count: resolves.length });
    expect(resolves).toHaveLength(2);

    // Per-person load: owners now, claims and posts from the timelines.
    const entries = details.flatMap((d) => d.timeline);
    const load = (p: { id: string }) => ({
      incidentsOwned: details.filter((d) => d.owner?.id === p.id).length,
      claims: entries.filter((e: { kind: string; author: { id: string } | null }) => e.kind === 'claim' && e.author?.id === p.id).length,
      posts: entries.filter((e: { kind: string; author: { id: string } | null }) => e.kind === 'post' && e.author?.id === p.id).length,
    });
    for (const p of [night.people.eng1, night.people.eng2, night.people.leadB]) {
      const row = report.people.find((x) => x.person.id === p.id);
      const want = load(p);
      if (want.incidentsOwned + want.claims + want.posts === 0) expect(row).toBeUndefined();
      else expect(row, p.name).toMatchObject({ person: { id: p.id, name: p.name }, ...want });
    }

    expect(report.handovers).toHaveLength(1);
    expect(report.handovers[0]).toMatchObject({
      from: { name: 'Lead Anna' },
      to: { name: 'Qian Lan' },
      acceptedBy: { name: 'Qian Lan' },
      note: 'watch the partner feed',
    });

    const kinds = report.timeline.map((m) => m.kind);
    for (const k of [
      'annotation',
      'milestone',
      'incident-opened',
      'incident-claimed',
      'incident-resolved',
      'handover',
      'handover-accepted',
    ] as const)
      expect(kinds).toContain(k);
    expect(report.timeline.map((m) => Date.parse(m.at))).toEqual([...report.timeline.map((m) => Date.parse(m.at))].sort((a, b) => a - b));
    expect(
      report.timeline
        .filter((m) => m.kind === 'incident-resolved')
        .map((m) => m.incidentNumber)
        .sort(),
    ).toEqual(
      details
        .filter((d) => d.status === 'resolved')
        .map((d) => d.number)
        .sort(),
    );

    // Replay data: each minute's last value at or before it.
    const minute = report.chart.minutes.find(([t]) => t === night.base + 97 * MINUTE)!;
    expect(minute).toEqual([night.base + 97 * MINUTE, night.users[97]![1], night.online[97]![1]]);
  });

  it('answers Markdown with the incidents table', async () => {
    const r = await api(server, 'GET', `/api/v1/rooms/launch/report?from=${from}&to=${to}&format=md`, { token: night.people.viewer.token });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(r.body).toContain('| # | Title | Severity | Source | Opened | Claimed after | Resolved after | Owner |');
    expect(r.body).toContain('Partner feed sends dirty records');
    expect(r.body).toContain('Qian Lan');
    expect(r.body).toContain("to the first owner, by a claim or a lead's assignment");
  });

  it('defaults to the last 24 hours and names a bad window', async () => {
    const r = await api(server, 'GET', '/api/v1/rooms/launch/report', { token: night.people.viewer.token });
    expect(r.status).toBe(200);
    expect(Date.parse(r.body.to) - Date.parse(r.body.from)).toBe(24 * 3600_000);
    expect(r.body.incidents).toHaveLength(5);
    const bad = await api(server, 'GET', `/api/v1/rooms/launch/report?from=${to}&to=${from}`, { token: night.people.viewer.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('from');
    const fmt = await api(server, 'GET', '/api/v1/rooms/launch/report?format=pdf', { token: night.people.viewer.token });
    expect(fmt.status).toBe(400);
    expect(fmt.body.error.details[0].field).toBe('format');
    // A window before anything happened has no figures, not zeros.
    const empty = await api(server, 'GET', `/api/v1/rooms/launch/report?from=${from - 3600_000}&to=${from - 1}`, {
      token: night.people.viewer.token,
    });
    expect(empty.body.figures.users).toEqual({ start: null, end: null, peak: null, peakAt: null });
    expect(empty.body.incidents).toEqual([]);
    expect(empty.body.timeToClaim).toEqual({ median: null, p90: null, count: 0 });
  });

  it("times a lead's assignment as the first claim; a later handover or takeover does not move it", async () => {
    const { leadA, eng1, eng2 } = night.people;
    const create = async (title: string) =>
      (await api(server, 'POST', '/api/v1/incidents', { token: leadA.token, body: { title, severity: 'SEV2' } })).body.id as string;
    const handover = async (id: string, token: string, toUserId: string) =>
      expect((await api(server, 'POST', `/api/v1/incidents/${id}/handover`, { token, body: { toUserId } })).status).toBe(200);
    const assigned = await create('Assigned, then handed on');
    await new Promise((r) => setTimeout(r, 30));
    await handover(assigned, leadA.token, eng1.id);
    await new Promise((r) => setTimeout(r, 30));
    await handover(assigned, eng1.token, eng2.id);
    const claimed = await create('Claimed, then taken over');
    await new Promise((r) => setTimeout(r, 30));
    expect((await api(server, 'POST', `/api/v1/incidents/${claimed}/claim`, { token: eng1.token })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 30));
    await handover(claimed, leadA.token, leadA.id);

    const entries = async (id: string) => server.ctx.prisma.incidentEntry.findMany({ where: { incidentId: id }, orderBy: { seq: 'asc' } });
    const assignedRows = await entries(assigned);
    const claimedRows = await entries(claimed);
    const assignment = assignedRows.find((e) => e.kind === 'handover')!;
    const claim = claimedRows.find((e) => e.kind === 'claim')!;
    const opened = (id: string) => server.ctx.prisma.incident.findUniqueOrThrow({ where: { id } });

    const r = await api(server, 'GET', `/api/v1/rooms/launch/report?from=${from}&to=${Date.now() + 1000}`, {
      token: night.people.viewer.token,
    });
    expect(r.status).toBe(200);
    const report = NIGHT.report.response.parse(r.body);
    const row = (id: string) => report.incidents.find((i) => i.id === id)!;
    expect(row(assigned).claimedAt).toBe(assignment.createdAt.toISOString());
    expect(row(assigned).claimedAfterSeconds).toBe((assignment.createdAt.getTime() - (await opened(assigned)).createdAt.getTime()) / 1000);
    expect(row(assigned).owner?.id).toBe(eng2.id);
    expect(row(claimed).claimedAt).toBe(claim.createdAt.toISOString());
    expect(row(claimed).claimedAfterSeconds).toBe((claim.createdAt.getTime() - (await opened(claimed)).createdAt.getTime()) / 1000);
    expect(row(claimed).owner?.id).toBe(leadA.id);
    // Both are counted once, each at its first owner.
    const firsts = report.incidents.flatMap((i) => (i.claimedAfterSeconds === null ? [] : [i.claimedAfterSeconds]));
    expect(report.timeToClaim).toEqual({ median: median(firsts), p90: p90(firsts), count: firsts.length });
    // The moments say who assigned it to whom, and who claimed the other; not who took it over.
    const moment = (n: number) => report.timeline.filter((m) => m.kind === 'incident-claimed' && m.incidentNumber === n);
    expect(moment(row(assigned).number)).toEqual([
      expect.objectContaining({
        who: eng1.name,
        by: leadA.name,
        text: `#${row(assigned).number} assigned to ${eng1.name} by ${leadA.name}`,
      }),
    ]);
    expect(moment(row(claimed).number)).toEqual([
      expect.objectContaining({ who: eng1.name, text: `#${row(claimed).number} claimed by ${eng1.name}` }),
    ]);
  });
});
