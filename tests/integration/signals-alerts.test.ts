import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TTestServer } from '../helpers/server';
import { alertsApi } from '../../lib/api/alerts';
import { INCIDENTS } from '../../lib/api/incidents';
import { KINDS } from './incidents-helpers';
import { amAlert, amPayload } from './signals-helpers';

describe.each(KINDS)('Alertmanager and generic alerts on %s', (kind) => {
  let server: TTestServer;
  let key: string;
  let lead: string;
  const am = (body: unknown) => api(server, 'POST', '/api/v1/alerts/alertmanager', { token: key, body });
  const generic = (body: unknown) => api(server, 'POST', '/api/v1/alerts', { token: key, body });
  const incident = async (id: string) => {
    const { body } = await api(server, 'GET', `/api/v1/incidents/${id}`, { token: lead });
    // the timeline's automatic entries carry what the contract says each signal kind notes
    INCIDENTS.get.response.parse(body);
    return body;
  };
  const entries = (incidentId: string) => server.ctx.prisma.incidentEntry.count({ where: { incidentId } });

  beforeAll(async () => {
    server = await startServer({ db: kind });
    key = await server.createIngestKey();
    lead = (await server.createUser('lead')).token;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('a firing group opens one incident (source alertmanager, severity from labels); redelivery changes nothing', async () => {
    const payload = amPayload('{}:{alertname="NodeDown"}', [
      amAlert('a1', 'firing', { description: 'node_exporter on a1 has not answered for 2 minutes' }),
      amAlert('a2', 'firing'),
    ]);
    const first = await am(payload);
    expect(first.status).toBe(200);
    alertsApi.alertmanager.response.parse(first.body);
    expect(first.body.incidents).toHaveLength(1);
    expect(first.body.incidents[0].action).toBe('opened');
    const inc = await incident(first.body.incidents[0].id);
    expect(inc).toMatchObject({
      severity: 'SEV1',
      status: 'investigating',
      source: { kind: 'alertmanager', key: '{}:{alertname="NodeDown"}', fireCount: 1, state: 'firing' },
    });
    expect(inc.source.url).toContain('prometheus.local');
    expect(JSON.stringify(inc.timeline)).toContain('node a1 is down');
    // Each alert's summary, description and instance are kept as it sent them.
    const told = inc.timeline.flatMap((e: { data: { alerts?: unknown[] } | null }) => e.data?.alerts ?? []);
    expect(told).toContainEqual({
      fingerprint: 'a1',
      status: 'firing',
      name: 'node a1 is down',
      summary: 'node a1 is down',
      description: 'node_exporter on a1 has not answered for 2 minutes',
      instance: 'node-a1:9100',
    });
    expect(told).toContainEqual({
      fingerprint: 'a2',
      status: 'firing',
      name: 'node a2 is down',
      summary: 'node a2 is down',
      instance: 'node-a2:9100',
    });
    const before = await entries(inc.id);
    const versions = inc.version;
    // Alertmanager in HA mode delivers the same notification twice, and repeats it every repeat_interval.
    const again = await am(payload);
    expect(again.status).toBe(200);
    expect(again.body.incidents[0]).toMatchObject({ id: inc.id, action: 'ignored' });
    expect(await entries(inc.id)).toBe(before);
    expect((await incident(inc.id)).version).toBe(versions);
    expect(await server.ctx.prisma.incident.count({ where: { source: 'alertmanager' } })).toBe(1);
  });

  it('the same notification delivered five times at once (an HA pair, retries) opens one incident', async () => {
    const gk = '{}:{alertname="HAPair"}';
    const payload = amPayload(gk, [amAlert('h1', 'firing'), amAlert('h2', 'firing')]);
    const answers = await Promise.all(Array.from({ length: 5 }, () => am(payload)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.body.incidents[0].action).sort()).toEqual(['ignored', 'ignored', 'ignored', 'ignored', 'opened']);
    expect(new Set(answers.map((a) => a.body.incidents[0].id)).size).toBe(1);
    expect(await server.ctx.prisma.incident.count({ where: { sourceKey: gk } })).toBe(1);
    // And the generic webhook alike.
    const body = { status: 'firing', title: 'Burst', dedupKey: 'burst-1' };
    const g = await Promise.all(Array.from({ length: 5 }, () => generic(body)));
    expect(g.map((a) => a.body.action).sort()).toEqual(['ignored', 'ignored', 'ignored', 'ignored', 'opened']);
    expect(await server.ctx.prisma.incident.count({ where: { sourceKey: 'burst-1' } })).toBe(1);
  });

  it('a new alert in the group is noted; all resolved moves to monitoring; firing after people resolved opens a new one', async () => {
    const gk = '{}:{alertname="DiskFull"}';
    const opened = await am(amPayload(gk, [amAlert('d1', 'firing', { labels: { severity: 'warning' } })]));
    const id = opened.body.incidents[0].id;
    expect((await incident(id)).severity).toBe('SEV3');
    const more = await am(amPayload(gk, [amAlert('d1', 'firing'), amAlert('d2', 'firing', { summary: 'disk d2 full' })]));
    expect(more.body.incidents[0]).toMatchObject({ id, action: 'updated' });
    expect(JSON.stringify((await incident(id)).timeline)).toContain('disk d2 full');
    const resolved = await am(amPayload(gk, [amAlert('d1', 'resolved'), amAlert('d2', 'resolved')]));
    expect(resolved.body.incidents[0]).toMatchObject({ id, action: 'recovered' });
    const after = await incident(id);
    expect(after.status).toBe('monitoring');
    expect(after.source.state).toBe('recovered');
    // People resolve.
    const r = await api(server, 'POST', `/api/v1/incidents/${id}/status`, {
      token: lead,
      body: { status: 'resolved', version: after.version },
    });
    expect(r.status).toBe(200);
    // The same resolved notification again: nothing.
    expect((await am(amPayload(gk, [amAlert('d1', 'resolved'), amAlert('d2', 'resolved')]))).body.incidents[0].action).toBe('ignored');
    // A new episode (a later startsAt) fires: a new incident.
    const refire = await am(amPayload(gk, [amAlert('d1', 'firing', { startsAt: '2026-11-28T23:00:00Z' })]));
    expect(refire.body.incidents[0].action).toBe('opened');
    expect(refire.body.incidents[0].id).not.toBe(id);
    expect((await incident(id)).status).toBe('resolved');
  });

  it('out of order: a resolve that arrives before its firing leaves nothing open; a late firing of the same episode is ignored', async () => {
    const gk = '{}:{alertname="LateFiring"}';
    const first = await am(amPayload(gk, [amAlert('o1', 'resolved')]));
    expect(first.status).toBe(200);
    expect(first.body.incidents).toEqual([]);
    const late = await am(amPayload(gk, [amAlert('o1', 'firing')]));
    expect(late.body.incidents).toEqual([]);
    expect(await server.ctx.prisma.incident.count({ where: { sourceKey: gk } })).toBe(0);
    // And the other way round: resolved first, then an older firing redelivered after it.
    const gk2 = '{}:{alertname="Reordered"}';
    const open = await am(amPayload(gk2, [amAlert('r1', 'firing')]));
    await am(amPayload(gk2, [amAlert('r1', 'resolved')]));
    const stale = await am(amPayload(gk2, [amAlert('r1', 'firing')]));
    expect(stale.body.incidents[0]).toMatchObject({ id: open.body.incidents[0].id, action: 'ignored' });
    expect((await incident(open.body.incidents[0].id)).status).toBe('monitoring');
  });

  it('truncatedAlerts: the group stays firing while Alertmanager says more alerts exist', async () => {
    const gk = '{}:{alertname="Truncated"}';
    const open = await am(amPayload(gk, [amAlert('t1', 'firing'), amAlert('t2', 'firing')], { truncatedAlerts: 3 }));
    expect(open.body.incidents[0].action).toBe('opened');
    const partly = await am(
      amPayload(gk, [amAlert('t1', 'resolved'), amAlert('t2', 'resolved')], { truncatedAlerts: 3, status: 'firing' }),
    );
    expect(partly.body.incidents[0].action).toBe('updated');
    const inc = await incident(open.body.incidents[0].id);
    expect(inc.status).toBe('investigating');
    expect(JSON.stringify(inc.timeline)).toContain('3 more alerts not sent');
  });

  it('500 alerts in one payload: one incident, every fingerprint stored, answered', async () => {
    const gk = '{}:{alertname="Flood"}';
    const alerts = Array.from({ length: 500 }, (_, i) => amAlert(`f${i}`, 'firing'));
    const r = await am(amPayload(gk, alerts));
    expect(r.status).toBe(200);
    expect(r.body.incidents[0].action).toBe('opened');
    const sig = await server.ctx.prisma.signal.findFirstOrThrow({
      where: { dedupKey: gk },
      include: { _count: { select: { alerts: true } } },
    });
    expect(sig._count.alerts).toBe(500);
    expect(JSON.stringify((await incident(r.body.incidents[0].id)).timeline)).toContain('and 490 more');
  });

  it('refuses what is not v4 with 400 naming the field, and anyone but an ingest key', async () => {
    const bad = await am({ ...amPayload('{}:{}', [amAlert('x', 'firing')]), version: '3' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('version');
    const noKey = await am({ ...amPayload('{}:{}', []), groupKey: undefined });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.details.map((d: { field: string }) => d.field)).toContain('groupKey');
    const person = await api(server, 'POST', '/api/v1/alerts/alertmanager', { token: lead, body: amPayload('{}:{}', []) });
    expect(person.status).toBe(403);
  });

  it('generic webhook: opened, ignored twice, recovered to monitoring, opened anew after a resolve', async () => {
    const body = {
      status: 'firing',
      title: 'Checkout errors',
      dedupKey: 'checkout-5xx',
      severity: 'SEV2',
      url: 'https://grafana.local/d/checkout',
    };
    const opened = await generic(body);
    expect(opened.status).toBe(200);
    alertsApi.generic.response.parse(opened.body);
    expect(opened.body.action).toBe('opened');
    const inc = await incident(opened.body.incident.id);
    expect(inc).toMatchObject({
      title: 'Checkout errors',
      severity: 'SEV2',
      source: { kind: 'webhook', key: 'checkout-5xx', name: 'Checkout errors', url: 'https://grafana.local/d/checkout' },
    });
    expect((await generic(body)).body).toEqual({
      incident: { id: inc.id, number: inc.number },
      action: 'ignored',
      incidents: [{ id: inc.id, number: inc.number, action: 'ignored' }],
    });
    const rec = await generic({ ...body, status: 'resolved' });
    expect(rec.body.action).toBe('recovered');
    expect((await incident(inc.id)).status).toBe('monitoring');
    expect((await generic({ ...body, status: 'resolved' })).body.action).toBe('ignored');
    // Fires again before anyone resolved: the same incident, fired twice, back to investigating.
    const refire = await generic(body);
    expect(refire.body).toMatchObject({ action: 'updated', incident: { id: inc.id } });
    const now = await incident(inc.id);
    expect(now).toMatchObject({ status: 'investigating', source: { fireCount: 2 } });
    await generic({ ...body, status: 'resolved' });
    const m = await incident(inc.id);
    await api(server, 'POST', `/api/v1/incidents/${inc.id}/status`, { token: lead, body: { status: 'resolved', version: m.version } });
    const anew = await generic(body);
    expect(anew.body.action).toBe('opened');
    expect(anew.body.incident.id).not.toBe(inc.id);
    // The earlier incident keeps its source, without the new episode's counts.
    expect((await incident(inc.id)).source).toMatchObject({ kind: 'webhook', key: 'checkout-5xx', fireCount: null });
    const bad = await generic({ status: 'exploded', title: '', dedupKey: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['status', 'title']);
  });

  it('a resolve names its alert by dedupKey alone; the timeline is signed by the source, not "ingest key"', async () => {
    const admin = (await server.createUser('admin')).token;
    const made = await api(server, 'POST', '/api/v1/admin/credentials', { token: admin, body: { kind: 'ingest', name: 'grafana' } });
    expect(made.status).toBe(201);
    const grafana = made.body.secret as string;
    const send = (body: unknown) => api(server, 'POST', '/api/v1/alerts', { token: grafana, body });
    const fired = await send({ status: 'firing', title: 'Search latency high', dedupKey: 'search-p99', severity: 'SEV3' });
    expect(fired.body.action).toBe('opened');
    // Firing needs its title; resolving does not.
    const untitled = await send({ status: 'firing', dedupKey: 'search-p99' });
    expect(untitled.status).toBe(400);
    expect(untitled.body.error.details).toEqual([{ field: 'title', message: 'required when firing' }]);
    const resolved = await send({ status: 'resolved', dedupKey: 'search-p99' });
    expect(resolved.status).toBe(200);
    alertsApi.generic.response.parse(resolved.body);
    expect(resolved.body.incidents).toEqual([{ id: fired.body.incident.id, number: fired.body.incident.number, action: 'recovered' }]);
    const inc = await incident(fired.body.incident.id);
    expect(inc.status).toBe('monitoring');
    const auto = inc.timeline.filter((e: { kind: string }) => e.kind === 'auto' || e.kind === 'created');
    expect(auto.map((e: { body: string | null }) => e.body)).toContain('Search latency high: resolved by the sender');
    expect(new Set(inc.timeline.map((e: { authorName: string | null }) => e.authorName))).toEqual(new Set(['grafana']));

    // Alertmanager's entries are signed "Alertmanager", whichever key carried them.
    const am1 = await am(amPayload('g-sign', [amAlert('fp-sign', 'firing', { labels: { alertname: 'DiskFull', severity: 'warning' } })]));
    const amInc = await incident(am1.body.incidents[0].id);
    expect(new Set(amInc.timeline.map((e: { authorName: string | null }) => e.authorName))).toEqual(new Set(['Alertmanager']));
  });
});
