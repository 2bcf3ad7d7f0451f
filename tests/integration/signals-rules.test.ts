import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TTestServer } from '../helpers/server';
import { INCIDENTS } from '../../lib/api/incidents';
import { rulesApi } from '../../lib/api/rules';
import { KINDS } from './incidents-helpers';
import { waitFor } from './signals-helpers';

/**
 * Rules run on the points' own clock: the test sends points with explicit
 * times, so "300 s" passes without waiting 300 s.
 */
describe.each(KINDS)('alert rules on %s', (kind) => {
  let server: TTestServer;
  let key: string;
  let lead: string;
  const T0 = Date.parse('2026-11-28T20:19:00Z');
  const push = async (name: string, value: number, atSeconds: number, labels?: Record<string, string>) => {
    const r = await api(server, 'POST', '/api/v1/metrics', {
      token: key,
      body: { points: [{ name, value, time: T0 + atSeconds * 1000, ...(labels ? { labels } : {}) }] },
    });
    expect(r.status).toBe(202);
  };
  const ruleIncidents = () =>
    server.ctx.prisma.incident.findMany({
      where: { source: 'rule', NOT: { title: { startsWith: 'marker' } } },
      orderBy: { number: 'asc' },
    });
  let markers = 0;
  /** The evaluator runs after the ingest answered, one batch at a time: a marker rule firing says it caught up. */
  const settle = async () => {
    await push('evaluator_marker', 1, ++markers * 10, { n: String(markers) });
    await waitFor('marker', async () =>
      server.ctx.prisma.incident.count({ where: { source: 'rule', sourceKey: { contains: `"n":"${markers}"` } } }),
    );
    return server.ctx.prisma.incident.count({ where: { source: 'rule', title: 'Partner data dirty' } });
  };

  beforeAll(async () => {
    server = await startServer({ db: kind });
    key = await server.createIngestKey();
    lead = (await server.createUser('lead')).token;
    await api(server, 'POST', '/api/v1/rooms/launch/rules', {
      token: lead,
      body: { name: 'marker', title: 'marker', series: 'evaluator_marker', when: 'above', threshold: 0, forSeconds: 0 },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('beyond the threshold for forSeconds opens one incident with the value as impact; back within for as long notes it and moves to monitoring', async () => {
    const r = await api(server, 'POST', '/api/v1/rooms/launch/rules', {
      token: lead,
      body: {
        name: 'partner dirty',
        series: 'partner_dirty_ratio',
        when: 'above',
        threshold: 0.002,
        forSeconds: 300,
        title: 'Partner data dirty',
      },
    });
    expect(r.status).toBe(201);
    const rule = rulesApi.create.response.parse(r.body).rule;
    expect(rule).toMatchObject({ severity: 'SEV3', forSeconds: 300, labels: {}, firing: [] });

    await push('partner_dirty_ratio', 0.003, 0);
    await push('partner_dirty_ratio', 0.0035, 200);
    // A point below within the window restarts it.
    await push('partner_dirty_ratio', 0.001, 250);
    await push('partner_dirty_ratio', 0.003, 260);
    await push('partner_dirty_ratio', 0.0031, 500);
    expect(await settle()).toBe(0);
    await push('partner_dirty_ratio', 0.0031, 560);
    const [inc] = await waitFor('rule incident', async () => ((await ruleIncidents()).length === 1 ? ruleIncidents() : null));
    const dto = (await api(server, 'GET', `/api/v1/incidents/${inc!.id}`, { token: lead })).body;
    INCIDENTS.get.response.parse(dto);
    expect(dto).toMatchObject({
      title: 'Partner data dirty',
      severity: 'SEV3',
      status: 'investigating',
      impact: { value: 0.0031 },
      source: { kind: 'rule', key: rule.id, name: 'partner dirty' },
    });
    expect(dto.impact.text).toContain('0.00310');
    const listed = rulesApi.list.response.parse((await api(server, 'GET', '/api/v1/rooms/launch/rules', { token: lead })).body);
    expect(listed.rules[0]!.firing).toHaveLength(1);

    // Still beyond: nothing new.
    await push('partner_dirty_ratio', 0.004, 600);
    await push('partner_dirty_ratio', 0.001, 700);
    await push('partner_dirty_ratio', 0.0012, 900);
    await push('partner_dirty_ratio', 0.0011, 1000);
    const back = await waitFor('monitoring', async () => {
      const i = await server.ctx.prisma.incident.findUniqueOrThrow({ where: { id: inc!.id } });
      return i.status === 'monitoring' ? i : null;
    });
    expect(back.status).toBe('monitoring');
    // the recovery's note and status change are what the contract says
    INCIDENTS.get.response.parse((await api(server, 'GET', `/api/v1/incidents/${inc!.id}`, { token: lead })).body);
    expect(await ruleIncidents()).toHaveLength(1);
  });

  it('a restart remembers a firing rule: recovery after it still notes the incident and moves it to monitoring', async () => {
    const r = await api(server, 'POST', '/api/v1/rooms/launch/rules', {
      token: lead,
      body: { name: 'queue depth', series: 'queue_depth', when: 'above', threshold: 100, forSeconds: 60 },
    });
    expect(r.status).toBe(201);
    await push('queue_depth', 500, 0);
    await push('queue_depth', 600, 60);
    const inc = await waitFor('queue incident', () =>
      server.ctx.prisma.incident.findFirst({ where: { source: 'rule', sourceKey: r.body.rule.id } }),
    );
    await server.restart();
    // Fresh process: the window state comes back from the firing signal, so "back within for 60 s" recovers it.
    await push('queue_depth', 10, 100);
    await push('queue_depth', 12, 160);
    const back = await waitFor('monitoring after restart', async () => {
      const i = await server.ctx.prisma.incident.findUniqueOrThrow({ where: { id: inc.id } });
      return i.status === 'monitoring' ? i : null;
    });
    expect(back.status).toBe('monitoring');
    expect(await server.ctx.prisma.incident.count({ where: { source: 'rule', sourceKey: r.body.rule.id } })).toBe(1);
  });

  it('a rule with labels watches only that label set, one incident per label set', async () => {
    const r = await api(server, 'POST', '/api/v1/rooms/launch/rules', {
      token: lead,
      body: {
        name: 'node errors',
        series: 'error_ratio',
        labels: { pool: 'api' },
        when: 'above',
        threshold: 0.05,
        forSeconds: 0,
        severity: 'SEV2',
      },
    });
    expect(r.status).toBe(201);
    const before = (await ruleIncidents()).length;
    await push('error_ratio', 0.5, 0, { pool: 'web', server: 'web-1' });
    await push('error_ratio', 0.5, 0, { pool: 'api', server: 'api-1' });
    await push('error_ratio', 0.6, 1, { pool: 'api', server: 'api-2' });
    const all = await waitFor('two label sets', async () => ((await ruleIncidents()).length === before + 2 ? ruleIncidents() : null));
    expect(
      all
        .slice(before)
        .map((i) => i.sourceKey)
        .sort(),
    ).toEqual([`${r.body.rule.id} {"pool":"api","server":"api-1"}`, `${r.body.rule.id} {"pool":"api","server":"api-2"}`]);
    // Each incident names the label set that fired (the rule's own pool=api goes without saying).
    expect(
      all
        .slice(before)
        .map((i) => i.title)
        .sort(),
    ).toEqual(['node errors on api-1', 'node errors on api-2']);
    const bad = await api(server, 'POST', '/api/v1/rooms/launch/rules', {
      token: lead,
      body: { name: 'x', series: 'not a name', when: 'sideways' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['series', 'threshold', 'when']);
    const patched = await api(server, 'PATCH', `/api/v1/rooms/launch/rules/${r.body.rule.id}`, { token: lead, body: { threshold: 0.9 } });
    expect(patched.body.rule.threshold).toBe(0.9);
    expect((await api(server, 'DELETE', `/api/v1/rooms/launch/rules/${r.body.rule.id}`, { token: lead })).body).toEqual({ deleted: true });
  });
});
