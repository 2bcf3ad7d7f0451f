import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NIGHT } from '../../lib/api/night';
import { api, startServer, type TTestServer } from '../helpers/server';
import { KINDS } from './incidents-helpers';
import { amAlert, amPayload, waitFor } from './signals-helpers';

/**
 * The report people forward (issue 25, item 6): each incident's source by the
 * name people know — the rule with the label set it fired on, the webhook's
 * alert, the Alertmanager group — never an internal id; time to claim to
 * the first owner (a claim or a lead's assignment), not to a handover.
 */
describe.each(KINDS)('report sources and time to claim on %s', (kind) => {
  let server: TTestServer;
  let lead: Awaited<ReturnType<TTestServer['createUser']>>;
  let eng: Awaited<ReturnType<TTestServer['createUser']>>;
  let ingest: string;
  let ruleId: string;

  beforeAll(async () => {
    server = await startServer({ db: kind });
    [lead, eng] = await Promise.all([server.createUser('lead', 'Lea Lead'), server.createUser('engineer', 'Eng Ine')]);
    ingest = await server.createIngestKey();
    const rule = await api(server, 'POST', '/api/v1/rooms/launch/rules', {
      token: lead.token,
      body: { name: 'web error ratio high', series: 'web_error_ratio', when: 'above', threshold: 0.05, forSeconds: 0 },
    });
    expect(rule.status).toBe(201);
    ruleId = rule.body.rule.id;
    const m = await api(server, 'POST', '/api/v1/metrics', {
      token: ingest,
      body: { points: [{ name: 'web_error_ratio', value: 0.2, labels: { server: 'web-7' } }] },
    });
    expect(m.status).toBe(202);
    const hook = await api(server, 'POST', '/api/v1/alerts', {
      token: ingest,
      body: { status: 'firing', title: 'Checkout 5xx', dedupKey: 'checkout-5xx-7f3a' },
    });
    expect(hook.status).toBeLessThan(300);
    const am = await api(server, 'POST', '/api/v1/alerts/alertmanager', {
      token: ingest,
      body: amPayload('{}/{}:{alertname="NodeDown"}', [amAlert('a1', 'firing')]),
    });
    expect(am.status).toBeLessThan(300);
    await waitFor('the rule incident', () => server.ctx.prisma.incident.count({ where: { source: 'rule' } }));
  });
  afterAll(async () => server?.stop());

  const report = async () => {
    const r = await api(server, 'GET', `/api/v1/rooms/launch/report?from=${Date.now() - 3_600_000}&to=${Date.now() + 60_000}`, {
      token: lead.token,
    });
    expect(r.status).toBe(200);
    return NIGHT.report.response.parse(r.body);
  };

  it('names each source by its name, never an internal id', async () => {
    const rep = await report();
    const byKind = Object.fromEntries(rep.incidents.filter((i) => i.source).map((i) => [i.source!.kind, i.source!]));
    expect(byKind.rule?.name).toBe('web error ratio high on web-7');
    expect(byKind.webhook?.name).toBe('Checkout 5xx');
    expect(byKind.alertmanager?.name).toBe('NodeDown');
    const md = await api(server, 'GET', `/api/v1/rooms/launch/report?format=md&from=${Date.now() - 3_600_000}`, {
      token: lead.token,
    });
    expect(md.status).toBe(200);
    const text = String(md.body);
    expect(text).toContain('web error ratio high on web-7');
    expect(text).toContain('Checkout 5xx');
    expect(text).not.toContain(ruleId);
    expect(text).not.toContain('alertname="NodeDown"');
  });

  it('counts first owners, not a takeover: an assigned incident is claimed at its assignment, a taken-over one keeps its claim', async () => {
    const create = async (title: string) =>
      (await api(server, 'POST', '/api/v1/incidents', { token: lead.token, body: { title, severity: 'SEV3' } })).body.id as string;
    const claimed = await create('Claimed then taken over');
    const assigned = await create('Assigned by the lead');
    expect((await api(server, 'POST', `/api/v1/incidents/${claimed}/claim`, { token: eng.token })).status).toBe(200);
    const takeover = await api(server, 'POST', `/api/v1/incidents/${claimed}/handover`, { token: lead.token, body: { toUserId: lead.id } });
    expect(takeover.status).toBe(200);
    const assign = await api(server, 'POST', `/api/v1/incidents/${assigned}/handover`, { token: lead.token, body: { toUserId: eng.id } });
    expect(assign.status).toBe(200);

    const claim = await server.ctx.prisma.incidentEntry.findFirstOrThrow({ where: { incidentId: claimed, kind: 'claim' } });
    const opened = await server.ctx.prisma.incident.findUniqueOrThrow({ where: { id: claimed } });
    const rep = await report();
    const row = (id: string) => rep.incidents.find((i) => i.id === id)!;
    expect(row(claimed).claimedAt).toBe(claim.createdAt.toISOString());
    expect(row(claimed).claimedAfterSeconds).toBe((claim.createdAt.getTime() - opened.createdAt.getTime()) / 1000);
    expect(row(claimed).owner?.name).toBe('Lea Lead');
    const assignment = await server.ctx.prisma.incidentEntry.findFirstOrThrow({ where: { incidentId: assigned, kind: 'handover' } });
    expect(row(assigned).claimedAt).toBe(assignment.createdAt.toISOString());
    expect(row(assigned).owner?.name).toBe('Eng Ine');
    // Each incident is timed once: the claim, and the assignment.
    expect(rep.timeToClaim.count).toBe(2);
    // The moments say who claimed or was assigned, not who took it over.
    const claimedMoments = rep.timeline.filter((m) => m.kind === 'incident-claimed');
    expect(claimedMoments.map((m) => m.text)).toEqual([
      expect.stringMatching(/claimed by Eng Ine$/),
      expect.stringMatching(/assigned to Eng Ine by Lea Lead$/),
    ]);
  });
});
