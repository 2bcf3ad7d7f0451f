import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from './load-scenario';
import { WarroomClient } from './client';
import { clockLabel, runReplay, wallClock } from './runner';
import { ANNOTATION_MARK_SERIES } from './actions';
import type { TCast } from './cast';

/**
 * A stand-in for an older Warroom: metrics, incidents, claims and updates
 * exist; annotations, settings, helpers, escalation and findings do not
 * (Next answers those with its HTML 404 page). Records every request.
 */
function fakeWarroom() {
  // biome-ignore lint/suspicious/noExplicitAny: the test reads fields of whatever body the runner sent
  const calls: { method: string; path: string; auth?: string; idem?: string; body: any }[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const body = text ? JSON.parse(text) : null;
      const path = req.url!;
      calls.push({
        method: req.method!,
        path,
        auth: req.headers.authorization,
        idem: req.headers['idempotency-key'] as string | undefined,
        body,
      });
      const send = (status: number, b: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(b));
      };
      if (path === '/api/v1/metrics') return send(202, { accepted: body.points.length });
      if (path === '/api/v1/rooms/launch/plan') return send(200, { series: body.series, points: [], updatedAt: '' });
      if (path === '/api/v1/incidents') return send(201, { id: `inc${++n}`, number: n });
      if (/^\/api\/v1\/incidents\/inc\d+\/(claim|updates)$/.test(path)) return send(path.endsWith('claim') ? 200 : 201, {});
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><title>404: This page could not be found.</title>');
    });
  });
  return { server, calls };
}

const SCENARIO = parseScenario(
  `
name: fake
goLiveClock: "23:50"
start: -1m
end: 2m
step: 30s
people:
  - { key: erin, name: Erin, role: engineer }
  - { key: lou, name: Lou, role: lead }
plan:
  - series: users_total
    points: [{ at: 0, value: 150 }, { at: 2m, value: 500 }]
series:
  - name: users_total
    curve: { kind: keyframes, interpolate: linear, points: [{ at: -1m, value: 100 }, { at: 2m, value: 400 }] }
  - name: cpu_ratio
    servers: [web-1, web-2]
    curve: { kind: keyframes, points: [{ at: 0, value: 0.5 }] }
events:
  - { at: 0, type: annotate, label: Gate opened }
  - { at: 30s, type: incident, ref: d, by: erin, title: Dirty, severity: SEV2 }
  - { at: 30s, type: claim, incident: d, by: erin }
  - { at: 1m, type: finding, incident: d, by: erin, ref: code, text: Our code }
  - { at: 1m, type: decide, incident: d, by: erin, finding: code, state: ruled_out }
  - { at: 1m30s, type: join, incident: d, by: lou }
`,
  'fake.yaml',
);

const CAST: TCast = {
  room: { id: 'r1', slug: 'launch' },
  ingestKey: 'wr_ing_x',
  people: {
    erin: { key: 'erin', userId: 'u1', name: 'Erin', email: 'erin@demo.warroom', role: 'engineer', token: 'wr_tok_erin' },
    lou: { key: 'lou', userId: 'u2', name: 'Lou', email: 'lou@demo.warroom', role: 'lead', token: 'wr_tok_lou' },
  },
};

describe('replay runner', () => {
  const fake = fakeWarroom();
  let url: string;
  beforeAll(async () => {
    await new Promise<void>((r) => fake.server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => (fake.server as Server).close(() => r())));

  it('maps scenario time onto the run and labels it with the clock', () => {
    const wall = wallClock({ start: -60 }, 1_000_000, 60);
    expect(wall(-60)).toBe(1_000_000);
    expect(wall(0)).toBe(1_001_000);
    expect(clockLabel({ goLiveClock: '23:50' }, 20 * 60)).toBe('00:10 (+20m)');
    expect(clockLabel({ goLiveClock: '00:10' }, -20 * 60)).toBe('23:50 (-20m)');
    expect(clockLabel({}, 90)).toBe('+1m30s');
  });

  it('sends points and events in scenario order, and falls back where a route is missing', async () => {
    const lines: string[] = [];
    const summary = await runReplay({
      scenario: SCENARIO,
      seed: 1,
      speed: 600,
      client: new WarroomClient(url, { retries: 0 }),
      cast: CAST,
      log: (l) => lines.push(l),
    });
    expect(summary.ticks).toBe(7);
    expect(summary.points).toBe(7 * 3); // three series copies per tick (the annotation's metric mark is not a series point)
    expect(summary.fallbacks.sort()).toEqual([
      'annotations → metric marks',
      'findings → timeline posts',
      'helpers → timeline posts',
      'room settings → countdown not set',
    ]);

    const calls = fake.calls;
    const metrics = calls.filter((c) => c.path === '/api/v1/metrics');
    expect(metrics.every((c) => c.auth === 'Bearer wr_ing_x' && c.body.room === 'launch')).toBe(true);
    const mark = metrics.flatMap((c) => c.body.points).find((p: { name: string }) => p.name === ANNOTATION_MARK_SERIES);
    expect(mark).toEqual({ name: ANNOTATION_MARK_SERIES, value: 1, time: summary.goLiveAt, labels: { label: 'Gate opened' } });

    // users_total at scenario 30s (tick 3) went out before the incident opened at 30s
    const order = calls.map((c) => (c.path === '/api/v1/metrics' ? `m${c.body.points.length}` : `${c.method} ${c.path}`));
    const opened = order.indexOf('POST /api/v1/incidents');
    const sentBefore = metrics
      .filter((c) => calls.indexOf(c) < opened)
      .flatMap((c) => c.body.points)
      .filter((p: { name: string }) => p.name === 'users_total');
    expect(sentBefore.length).toBe(4);

    const incident = calls[opened]!;
    expect(incident.auth).toBe('Bearer wr_tok_erin');
    expect(incident.idem).toMatch(/^demo-[0-9a-f]+-1$/);
    expect(incident.body).toEqual({ title: 'Dirty', severity: 'SEV2', room: 'launch' });
    // findings and helpers fell back to timeline posts by the same people
    const updates = calls.filter((c) => c.path === '/api/v1/incidents/inc1/updates').map((c) => [c.auth, c.body.body]);
    expect(updates).toEqual([
      ['Bearer wr_tok_erin', 'Hypothesis: Our code?'],
      ['Bearer wr_tok_erin', 'Our code: ruled out.'],
      ['Bearer wr_tok_lou', 'Lou is also on this.'],
    ]);
    expect(lines).toContain('23:50 (+0) annotation "Gate opened" (as a metric mark)');

    // The plan went out first, by the lead, its keyframes in wall time.
    const plan = calls.find((c) => c.path === '/api/v1/rooms/launch/plan')!;
    expect(calls.indexOf(plan)).toBeLessThan(calls.findIndex((c) => c.path === '/api/v1/metrics'));
    expect(plan.method).toBe('PUT');
    expect(plan.auth).toBe('Bearer wr_tok_lou');
    expect(plan.body).toEqual({
      series: 'users_total',
      points: [
        { time: summary.goLiveAt, value: 150 },
        { time: summary.goLiveAt + (120 * 1000) / 600, value: 500 },
      ],
    });
  });

  it('refuses a speed so high that two ticks would share a millisecond', async () => {
    await expect(runReplay({ scenario: SCENARIO, seed: 1, speed: 40_000, client: new WarroomClient(url), cast: CAST })).rejects.toThrow(
      /too fast for step 30s/,
    );
  });

  it('stops at once when aborted, and an API refusal names the call', async () => {
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    await expect(
      runReplay({ scenario: SCENARIO, seed: 1, speed: 1, client: new WarroomClient(url), cast: CAST, signal: ac.signal }),
    ).rejects.toThrow('stop');
    const bad = new WarroomClient(url, { retries: 0 });
    await expect(bad.request('POST', '/api/v1/incidents/nope/claim', { body: {} })).rejects.toThrow(
      'POST /api/v1/incidents/nope/claim → 404',
    );
  });
});
