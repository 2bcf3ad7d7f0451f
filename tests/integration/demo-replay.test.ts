import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, DB_KINDS, startServer, type TTestServer } from '../helpers/server';
import { prepareCast, type TCast } from '../../scripts/demo/cast';
import { WarroomClient } from '../../scripts/demo/client';
import { generateTicks, seriesValues } from '../../scripts/demo/generate';
import { loadScenario } from '../../scripts/demo/load-scenario';
import { runReplay, type TReplaySummary } from '../../scripts/demo/runner';
import type { TIncidentDetail } from '../../lib/api/incidents';

const scenario = loadScenario('scenarios/test-short.yaml');
const SEED = 7;
const SPEED = 3000;

describe.each(DB_KINDS)('demo replay against a real server on %s', (kind) => {
  let server: TTestServer;
  let cast: TCast;
  let summary: TReplaySummary;
  const lines: string[] = [];

  beforeAll(async () => {
    server = await startServer({ db: kind });
    cast = await prepareCast({ ctx: server.ctx, scenario });
    summary = await runReplay({
      scenario,
      seed: SEED,
      speed: SPEED,
      client: new WarroomClient(server.url),
      cast,
      log: (l) => lines.push(l),
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('makes the cast the admin way, and reuses the people on a second run', async () => {
    const again = await prepareCast({ ctx: server.ctx, scenario });
    expect(again.people.erin!.userId).toBe(cast.people.erin!.userId);
    expect(again.people.lou!.userId).toBe(cast.people.lou!.userId);
    expect(again.people.erin!.token).not.toBe(cast.people.erin!.token);
    expect(await server.ctx.prisma.user.count({ where: { email: { endsWith: '@rehearsal.warroom' } } })).toBe(2);
    expect((await server.ctx.prisma.user.findUniqueOrThrow({ where: { email: 'lou@rehearsal.warroom' } })).role).toBe('lead');
  });

  it('stores every generated point, with the seeded values, at scenario time mapped onto the run', async () => {
    const expected = generateTicks(scenario, SEED);
    const total = expected.reduce((n, t) => n + t.points.length, 0);
    expect(summary.points).toBe(total);
    expect(summary.ticks).toBe(expected.length);
    // one POST per due batch, never one per point
    expect(summary.posts).toBeLessThan(expected.length + 1);

    const latest = await api(server, 'GET', `/api/v1/metrics/latest?room=${cast.room.slug}`, { token: cast.people.erin!.token });
    expect(latest.status).toBe(200);
    const find = (name: string, server?: string) =>
      latest.body.series.find(
        (s: { name: string; labels: Record<string, string> }) => s.name === name && (server === undefined || s.labels.server === server),
      );
    expect(find('users_total').value).toBe(seriesValues(expected, 'users_total').at(-1)!.value);
    expect(find('users_online').value).toBe(seriesValues(expected, 'users_online').at(-1)!.value);
    // web-2 went silent at 15m: its latest is its last point before that
    expect(find('cpu_ratio', 'web-2').value).toBe(seriesValues(expected, 'cpu_ratio', 'web-2').at(-1)!.value);

    const series = await server.ctx.prisma.metricSeries.findFirstOrThrow({ where: { name: 'users_total', roomId: cast.room.id } });
    const samples = await server.ctx.prisma.metricSample.findMany({ where: { seriesId: series.id }, orderBy: { time: 'asc' } });
    expect(samples.map((s) => s.value)).toEqual(seriesValues(expected, 'users_total').map((v) => v.value));
    const spacing = (scenario.step * 1000) / SPEED;
    for (let i = 1; i < samples.length; i++) {
      expect(Math.abs(samples[i]!.time.getTime() - samples[i - 1]!.time.getTime() - spacing)).toBeLessThanOrEqual(1);
    }
    // go-live (scenario 0) is 5 minutes of scenario time after the first point
    expect(summary.goLiveAt - samples[0]!.time.getTime()).toBeCloseTo((5 * 60 * 1000) / SPEED, -1);
  });

  it('opened, claimed and worked the incident through the API, with who did what on its timeline', async () => {
    expect(summary.fallbacks).toEqual([]);
    const { id } = summary.incidents.dirty!;
    const res = await api(server, 'GET', `/api/v1/incidents/${id}`, { token: cast.people.erin!.token });
    expect(res.status).toBe(200);
    const inc = res.body as TIncidentDetail;
    expect(inc.title).toBe('Dirty records');
    expect(inc.severity).toBe('SEV3');
    expect(inc.owner?.name).toBe('Erin Test');
    expect(inc.status).toBe('resolved');
    expect(inc.helpers.map((h) => h.name)).toContain('Lou Lead');
    expect(inc.escalatedTo?.name).toBe('Lou Lead');
    expect(inc.findings.map((f) => [f.text, f.state, f.decidedBy?.name])).toEqual([['Our code', 'ruled_out', 'Erin Test']]);
    const kinds = inc.timeline.map((e) => e.kind);
    for (const k of ['created', 'claim', 'finding', 'escalation', 'helper']) expect(kinds).toContain(k);
    const authors = new Set(inc.timeline.map((e) => e.author?.name));
    expect(authors).toEqual(new Set(['Erin Test', 'Lou Lead']));
    expect(inc.timeline.some((e) => e.body === 'Partner data; repairing by hand.' && e.author?.name === 'Lou Lead')).toBe(true);
    // the order of the scenario is the order of the timeline
    expect(kinds.indexOf('created')).toBeLessThan(kinds.indexOf('claim'));
    expect(kinds.indexOf('claim')).toBeLessThan(kinds.indexOf('escalation'));
  });

  it('marked the gate opening and closing, and set the countdown and the safety lines', async () => {
    const res = await api(server, 'GET', `/api/v1/rooms/${cast.room.slug}/settings`, { token: cast.people.lou!.token });
    expect(res.status).toBe(200);
    const marks = [...(res.body.annotations as { label: string; time: string }[])].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    expect(marks.map((a) => a.label)).toEqual(['Gate opened', 'Gate closed']);
    expect(Date.parse(marks[0]!.time)).toBe(summary.goLiveAt);
    expect(Date.parse(res.body.room.goLiveAt)).toBe(summary.goLiveAt);
    expect(res.body.safetyLines).toEqual([
      expect.objectContaining({ metricName: 'cpu_ratio', warning: 0.7, critical: 0.9, direction: 'above' }),
    ]);
    // The scenario's plan, through PUT /plan, in the replay's wall time.
    const plan = await api(server, 'GET', `/api/v1/rooms/${cast.room.slug}/plan`, { token: cast.people.lou!.token });
    expect(plan.body.plans).toEqual([
      expect.objectContaining({
        series: 'users_total',
        points: [
          [summary.goLiveAt, 1000],
          [summary.goLiveAt + (20 * 60 * 1000) / SPEED, 2800],
        ],
      }),
    ]);
  });

  it('published a public incident, and the status page shows it resolved', async () => {
    const res = await fetch(`${server.url}/api/v1/status/${cast.room.slug}/incidents`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { incidents: { name: string; status: string; incident_updates: { body: string }[] }[] };
    expect(body.incidents.map((i) => [i.name, i.status])).toEqual([['Some sign-ups show odd names', 'resolved']]);
    expect(body.incidents[0]!.incident_updates.map((u) => u.body)).toEqual([
      'All affected accounts are repaired.',
      'We are repairing the affected accounts.',
    ]);
    const page = await (await fetch(`${server.url}/status/${cast.room.slug}`)).text();
    expect(page).toContain('Some sign-ups show odd names');
    expect(page).toContain('Sign-up');
  });

  it('logged each event as it happened', () => {
    expect(lines.some((l) => /Erin Test claimed #\d+/.test(l))).toBe(true);
    expect(lines.some((l) => /Our code ruled out/.test(l))).toBe(true);
  });
});

// The second story (scenarios/noon.yaml): an alert opens the SEV1, and customers read about it on the status page.
describe('the noon scenario, replayed', () => {
  const noon = loadScenario('scenarios/noon.yaml');
  let server: TTestServer;
  let cast: TCast;

  beforeAll(async () => {
    server = await startServer({ db: 'sqlite' });
    cast = await prepareCast({ ctx: server.ctx, scenario: noon });
    await runReplay({ scenario: noon, seed: noon.seed, speed: 3000, client: new WarroomClient(server.url), cast, log: () => {} });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('opened an SEV1 from the alert and published it; the status page shows every public update and nothing internal', async () => {
    const list = await api(server, 'GET', `/api/v1/incidents?status=all&room=${cast.room.slug}`, {
      token: (await server.createUser('viewer')).token,
    });
    expect(list.status).toBe(200);
    const opened = (list.body.incidents as { severity: string; source: { kind: string } | null; status: string }[])[0]!;
    expect([opened.severity, opened.source?.kind, opened.status]).toEqual(['SEV1', 'alertmanager', 'resolved']);
    const res = await fetch(`${server.url}/api/v1/status/${cast.room.slug}/incidents`);
    const body = (await res.json()) as {
      incidents: { name: string; impact: string; status: string; incident_updates: { body: string }[] }[];
    };
    expect(body.incidents.map((i) => [i.name, i.impact, i.status])).toEqual([['Some data does not load', 'major', 'resolved']]);
    expect(body.incidents[0]!.incident_updates).toHaveLength(3);
    const page = await (await fetch(`${server.url}/status/${cast.room.slug}`)).text();
    expect(page).toContain('Some data does not load');
    for (const internal of ['api-2', 'Ming Zhao', 'connection pool']) expect(page).not.toContain(internal);
  });
});
