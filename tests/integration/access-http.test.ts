/**
 * Every API route against every kind of caller, with the status each must
 * get. Each allowed call works on a fresh incident or resource, so a status
 * reflects access, not what an earlier row did.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, DB_KINDS, startServer, type TTestServer } from '../helpers/server';
import { contractViolation } from '../helpers/contract';
import { makeCallers, type TCaller, type TCallerName } from './access-callers';

/**
 * Who may call: public; read (viewer+, a display link of the room); people (viewer+, never a display link: what spans
 * rooms); comment (viewer+); write, metrics (engineer+; metrics also an ingest key); alerts (an ingest key only); lead; admin.
 */
type TLevel = 'public' | 'read' | 'people' | 'comment' | 'write' | 'metrics' | 'alerts' | 'lead' | 'admin';
const RANK = { viewer: 0, engineer: 1, lead: 2, admin: 3 } as const;
const NEEDS: Record<Exclude<TLevel, 'public' | 'alerts'>, keyof typeof RANK> = {
  read: 'viewer',
  people: 'viewer',
  comment: 'viewer',
  write: 'engineer',
  metrics: 'engineer',
  lead: 'lead',
  admin: 'admin',
};

function expected(level: TLevel, c: TCaller): 'ok' | 401 | 403 {
  if (level === 'public') return 'ok';
  if (c.kind === 'nobody') return 401;
  if (c.kind === 'ingest') return level === 'metrics' || level === 'alerts' ? 'ok' : 403;
  if (level === 'alerts') return 403;
  if (c.kind === 'display') return level === 'read' ? 'ok' : 403;
  return RANK[c.role!] >= RANK[NEEDS[level]] ? 'ok' : 403;
}

/** The first `id` anywhere in an answer (services wrap their DTOs differently). */
function idOf(body: unknown): string {
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    if (typeof o.id === 'string') return o.id;
    for (const v of Object.values(o)) {
      const found = v && typeof v === 'object' ? idOf(v) : '';
      if (found) return found;
    }
  }
  return '';
}

interface TEnv {
  server: TTestServer;
  lead: string;
  admin: string;
  ids: { engineer: string; lead: string };
  seq: number;
}
interface TRow {
  method: string;
  /** the path, given ids the row's setup made */
  path: string | ((e: TEnv, s: Record<string, string>) => string);
  level: TLevel;
  body?: (e: TEnv, s: Record<string, string>) => unknown;
  setup?: (e: TEnv) => Promise<Record<string, string>>;
  /** the status an allowed caller gets; absent: anything but 401/403/5xx (the outcome depends on rules past access) */
  ok?: number;
}

async function freshIncident(e: TEnv): Promise<Record<string, string>> {
  const r = await api(e.server, 'POST', '/api/v1/incidents', {
    token: e.lead,
    body: { title: `access check ${++e.seq}`, severity: 'SEV3' },
  });
  if (r.status !== 201) throw new Error(`create incident: ${r.status} ${JSON.stringify(r.body)}`);
  const inc = r.body.incident ?? r.body;
  return { id: inc.id, version: String(inc.version ?? 1) };
}
const inc =
  (suffix = '') =>
  (_e: TEnv, s: Record<string, string>) =>
    `/api/v1/incidents/${s.id}${suffix}`;
const v = (s: Record<string, string>) => Number(s.version);
async function leadCreates(e: TEnv, path: string, body: unknown, method = 'POST'): Promise<string> {
  const r = await api(e.server, method, path, { token: e.lead, body });
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return idOf(r.body);
}

/** A server seen in the room (one cpu point), drained first when asked. */
async function freshServer(e: TEnv, drained: boolean): Promise<Record<string, string>> {
  const name = `access-${++e.seq}`;
  await leadCreates(e, '/api/v1/metrics', { room: 'launch', points: [{ name: 'cpu_ratio', value: 0.3, labels: { server: name } }] });
  if (drained) await leadCreates(e, `/api/v1/rooms/launch/servers/${name}/drain`, {});
  return { name };
}
const serverPath = (verb: string) => (_e: TEnv, s: Record<string, string>) => `/api/v1/rooms/launch/servers/${s.name ?? '[name]'}/${verb}`;

/** A paused webhook channel to a closed port: nothing it is asked to send goes anywhere. */
const channelBody = (e: TEnv) => ({
  name: `access-${++e.seq}`,
  kind: 'webhook',
  url: 'http://127.0.0.1:9/hook',
  events: ['incident.opened'],
  paused: true,
});
async function freshChannel(e: TEnv): Promise<{ id: string }> {
  return { id: await leadCreates(e, '/api/v1/rooms/launch/channels', channelBody(e)) };
}
/** A browser's subscription to a closed local port (a P-256 point of the right size; nothing is sent before an incident). */
const pushSubscriptionBody = (e: TEnv) => ({
  endpoint: `http://127.0.0.1:9/push/access-${++e.seq}`,
  keys: { p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url'), auth: 'c2l4dGVlbi1ieXRlcy1hdXRo' },
  rooms: ['launch'],
  minSeverity: 'SEV1',
});
/** A delivery that gave up (written as the outbox worker leaves one), on a fresh channel: what a retry takes. */
async function deadDelivery(e: TEnv): Promise<Record<string, string>> {
  const { id: channelId } = await freshChannel(e);
  const room = await e.server.ctx.prisma.room.findUniqueOrThrow({ where: { slug: 'launch' } });
  const now = Date.now();
  const d = await e.server.ctx.prisma.delivery.create({
    data: {
      roomId: room.id,
      channelId,
      event: 'status.published',
      dedupKey: `access-${++e.seq}`,
      payload: JSON.stringify({ text: 'access check', room: { slug: room.slug, name: room.name, locale: room.locale } }),
      state: 'dead',
      attempts: 5,
      lastError: 'connection refused',
      createdAt: new Date(now - 25 * 3600_000),
      nextAttemptAt: new Date(now - 3600_000),
      deadline: new Date(now - 3600_000),
    },
  });
  return { id: d.id };
}
const componentBody = (e: TEnv) => ({ name: `access-${++e.seq}` });
async function freshComponent(e: TEnv): Promise<Record<string, string>> {
  return { id: await leadCreates(e, '/api/v1/rooms/launch/components', componentBody(e)) };
}
const statusIncidentBody = (e: TEnv) => ({ title: `access check ${++e.seq}`, impact: 'minor', message: 'looking into it' });
/** The public status routes answer 404 while the room's page is off: a lead turns it on. */
async function statusPageOn(e: TEnv): Promise<Record<string, string>> {
  await leadCreates(e, '/api/v1/rooms/launch/settings', { statusPage: { enabled: true } }, 'PATCH');
  return {};
}
/** A series with one point just now, whose points a row may delete. */
async function freshSeries(e: TEnv): Promise<Record<string, string>> {
  const name = `access_points_${++e.seq}`;
  await leadCreates(e, '/api/v1/metrics', { room: 'launch', points: [{ name, value: 1 }] });
  return { name };
}

const ROWS: TRow[] = [
  { method: 'GET', path: '/api/v1/health', level: 'public', ok: 200 },
  { method: 'GET', path: '/api/v1/ready', level: 'public', ok: 200 },
  { method: 'GET', path: '/api/v1/openapi.json', level: 'public', ok: 200 },
  { method: 'POST', path: '/api/v1/metrics', level: 'metrics', ok: 202, body: () => ({ points: [{ name: 'access_check', value: 1 }] }) },
  { method: 'GET', path: '/api/v1/metrics/latest', level: 'read', ok: 200 },
  { method: 'GET', path: '/api/v1/incidents?status=all', level: 'read', ok: 200 },
  {
    method: 'POST',
    path: '/api/v1/incidents',
    level: 'write',
    ok: 201,
    body: (e) => ({ title: `opened by a caller ${++e.seq}`, severity: 'SEV4' }),
  },
  { method: 'GET', path: inc(), level: 'read', ok: 200, setup: freshIncident },
  { method: 'POST', path: inc('/claim'), level: 'write', ok: 200, setup: freshIncident },
  { method: 'POST', path: inc('/release'), level: 'write', setup: freshIncident },
  { method: 'POST', path: inc('/updates'), level: 'write', ok: 201, setup: freshIncident, body: () => ({ body: 'middleware ruled out' }) },
  {
    method: 'POST',
    path: inc('/status'),
    level: 'write',
    ok: 200,
    setup: freshIncident,
    body: (_e, s) => ({ status: 'identified', version: v(s) }),
  },
  {
    method: 'POST',
    path: inc('/severity'),
    level: 'write',
    ok: 200,
    setup: freshIncident,
    body: (_e, s) => ({ severity: 'SEV2', version: v(s) }),
  },
  { method: 'POST', path: inc('/impact'), level: 'write', ok: 200, setup: freshIncident, body: () => ({ text: '0.3% of writes dirty' }) },
  { method: 'POST', path: inc('/links'), level: 'write', ok: 200, setup: freshIncident, body: () => ({ seriesName: 'users_total' }) },
  { method: 'POST', path: inc('/helpers'), level: 'write', ok: 200, setup: freshIncident, body: (e) => ({ userId: e.ids.engineer }) },
  { method: 'POST', path: inc('/escalate'), level: 'write', ok: 200, setup: freshIncident, body: (e) => ({ leadId: e.ids.lead }) },
  // Handing over an incident one does not own takes a lead.
  { method: 'POST', path: inc('/handover'), level: 'lead', ok: 200, setup: freshIncident, body: (e) => ({ toUserId: e.ids.engineer }) },
  {
    method: 'POST',
    path: inc('/findings'),
    level: 'write',
    ok: 201,
    setup: freshIncident,
    body: () => ({ text: 'code ruled out after 3 min' }),
  },
  {
    method: 'POST',
    path: (_e, s) => `/api/v1/incidents/${s.id}/findings/${s.finding}`,
    level: 'write',
    ok: 200,
    setup: async (e) => {
      const s = await freshIncident(e);
      await leadCreates(e, `/api/v1/incidents/${s.id}/findings`, { text: 'a finding' });
      return { ...s, finding: (await e.server.ctx.prisma.finding.findFirstOrThrow({ where: { incidentId: s.id } })).id };
    },
    body: () => ({ state: 'ruled_out' }),
  },
  {
    method: 'PATCH',
    path: (_e, s) => `/api/v1/incidents/${s.id}/findings/${s.finding}`,
    level: 'write',
    ok: 200,
    setup: async (e) => {
      const s = await freshIncident(e);
      await leadCreates(e, `/api/v1/incidents/${s.id}/findings`, { text: 'a finding' });
      return { ...s, finding: (await e.server.ctx.prisma.finding.findFirstOrThrow({ where: { incidentId: s.id } })).id };
    },
    body: () => ({ state: 'confirmed' }),
  },
  { method: 'POST', path: inc('/comments'), level: 'comment', ok: 201, setup: freshIncident, body: () => ({ body: 'how are we doing?' }) },
  { method: 'POST', path: inc('/ack'), level: 'comment', setup: freshIncident },
  {
    // Editing someone else's post (here the lead's) takes a lead.
    method: 'PATCH',
    path: (_e, s) => `/api/v1/incidents/${s.id}/entries/${s.entry}`,
    level: 'lead',
    setup: async (e) => {
      const s = await freshIncident(e);
      return { ...s, entry: await leadCreates(e, `/api/v1/incidents/${s.id}/comments`, { body: 'a note' }) };
    },
    body: () => ({ body: 'edited' }),
  },
  { method: 'GET', path: '/api/v1/rooms/launch/settings', level: 'read', ok: 200 },
  { method: 'PATCH', path: '/api/v1/rooms/launch/settings', level: 'lead', ok: 200, body: () => ({ name: 'Launch night' }) },
  { method: 'POST', path: '/api/v1/rooms/launch/milestones', level: 'lead', ok: 201, body: (e) => ({ threshold: 1_000_000 + ++e.seq }) },
  {
    method: 'DELETE',
    path: (_e, s) => `/api/v1/rooms/launch/milestones/${s.id}`,
    level: 'lead',
    setup: async (e) => ({ id: await leadCreates(e, '/api/v1/rooms/launch/milestones', { threshold: 2_000_000 + ++e.seq }) }),
  },
  { method: 'POST', path: '/api/v1/rooms/launch/annotations', level: 'lead', ok: 201, body: () => ({ label: 'gate opened' }) },
  {
    method: 'DELETE',
    path: (_e, s) => `/api/v1/rooms/launch/annotations/${s.id}`,
    level: 'lead',
    setup: async (e) => ({ id: await leadCreates(e, '/api/v1/rooms/launch/annotations', { label: 'to remove' }) }),
  },
  {
    method: 'PUT',
    path: '/api/v1/rooms/launch/safety-lines',
    level: 'lead',
    body: () => ({ metricName: 'cpu_ratio', warning: 0.7, critical: 0.9 }),
  },
  {
    method: 'DELETE',
    path: (_e, s) => `/api/v1/rooms/launch/safety-lines/${s.id}`,
    level: 'lead',
    setup: async (e) => ({
      id: await leadCreates(
        e,
        '/api/v1/rooms/launch/safety-lines',
        { metricName: `mem_ratio_${++e.seq}`, warning: 0.7, critical: 0.9 },
        'PUT',
      ),
    }),
  },
  { method: 'GET', path: '/api/v1/rooms/launch/servers', level: 'read', ok: 200 },
  { method: 'POST', path: serverPath('drain'), level: 'lead', ok: 200, setup: (e) => freshServer(e, false) },
  { method: 'POST', path: serverPath('restore'), level: 'lead', ok: 200, setup: (e) => freshServer(e, true) },
  {
    method: 'POST',
    path: '/api/v1/alerts',
    level: 'alerts',
    ok: 200,
    body: (e) => ({ status: 'firing', title: 'access check', dedupKey: `access-${++e.seq}` }),
  },
  {
    method: 'POST',
    path: '/api/v1/alerts/alertmanager',
    level: 'alerts',
    ok: 200,
    body: (e) => ({
      version: '4',
      groupKey: `{}:{access="${++e.seq}"}`,
      status: 'firing',
      receiver: 'warroom',
      groupLabels: {},
      commonLabels: {},
      commonAnnotations: {},
      externalURL: '',
      truncatedAlerts: 0,
      alerts: [],
    }),
  },
  { method: 'GET', path: '/api/v1/rooms/launch/probes', level: 'read', ok: 200 },
  {
    method: 'POST',
    path: '/api/v1/rooms/launch/probes',
    level: 'lead',
    ok: 201,
    body: (e) => ({ name: `access-${++e.seq}`, url: 'http://127.0.0.1:9/', paused: true }),
  },
  {
    method: 'PATCH',
    path: (_e, s) => `/api/v1/rooms/launch/probes/${s.id}`,
    level: 'lead',
    ok: 200,
    setup: async (e) => ({
      id: await leadCreates(e, '/api/v1/rooms/launch/probes', { name: `access-p-${++e.seq}`, url: 'http://127.0.0.1:9/', paused: true }),
    }),
    body: () => ({ timeoutMs: 1000 }),
  },
  {
    method: 'DELETE',
    path: (_e, s) => `/api/v1/rooms/launch/probes/${s.id}`,
    level: 'lead',
    ok: 200,
    setup: async (e) => ({
      id: await leadCreates(e, '/api/v1/rooms/launch/probes', { name: `access-d-${++e.seq}`, url: 'http://127.0.0.1:9/', paused: true }),
    }),
  },
  { method: 'GET', path: '/api/v1/rooms/launch/rules', level: 'read', ok: 200 },
  {
    method: 'POST',
    path: '/api/v1/rooms/launch/rules',
    level: 'lead',
    ok: 201,
    body: (e) => ({ name: `access-${++e.seq}`, series: 'access_check', when: 'above', threshold: 1e12 }),
  },
  {
    method: 'PATCH',
    path: (_e, s) => `/api/v1/rooms/launch/rules/${s.id}`,
    level: 'lead',
    ok: 200,
    setup: async (e) => ({
      id: await leadCreates(e, '/api/v1/rooms/launch/rules', {
        name: `access-r-${++e.seq}`,
        series: 'access_check',
        when: 'above',
        threshold: 1e12,
      }),
    }),
    body: () => ({ forSeconds: 30 }),
  },
  {
    method: 'DELETE',
    path: (_e, s) => `/api/v1/rooms/launch/rules/${s.id}`,
    level: 'lead',
    ok: 200,
    setup: async (e) => ({
      id: await leadCreates(e, '/api/v1/rooms/launch/rules', {
        name: `access-rd-${++e.seq}`,
        series: 'access_check',
        when: 'above',
        threshold: 1e12,
      }),
    }),
  },
  // The night: handovers, report, plan.
  { method: 'GET', path: '/api/v1/rooms/launch/handovers', level: 'read', ok: 200 },
  { method: 'POST', path: '/api/v1/rooms/launch/handovers', level: 'lead', ok: 201, body: () => ({ note: 'quiet night' }) },
  { method: 'GET', path: '/api/v1/rooms/launch/handovers/brief', level: 'lead', ok: 200 },
  {
    // No lead named: any lead but the outgoing one may accept.
    method: 'POST',
    path: (_e, s) => `/api/v1/rooms/launch/handovers/${s.id}/accept`,
    level: 'lead',
    ok: 200,
    setup: async (e) => ({ id: await leadCreates(e, '/api/v1/rooms/launch/handovers', {}) }),
  },
  { method: 'GET', path: '/api/v1/rooms/launch/report', level: 'read', ok: 200 },
  { method: 'GET', path: '/api/v1/rooms/launch/plan', level: 'read', ok: 200 },
  {
    method: 'PUT',
    path: '/api/v1/rooms/launch/plan',
    level: 'lead',
    ok: 200,
    body: () => ({ series: 'users_total', points: [{ time: 0, value: 1 }] }),
  },
  { method: 'GET', path: '/api/v1/admin/users', level: 'admin', ok: 200 },
  {
    method: 'POST',
    path: '/api/v1/admin/users',
    level: 'admin',
    ok: 201,
    body: (e) => ({ email: `added${++e.seq}@test.warroom`, name: 'Added', role: 'viewer' }),
  },
  {
    method: 'PATCH',
    path: (_e, s) => `/api/v1/admin/users/${s.id}`,
    level: 'admin',
    ok: 200,
    setup: async (e) => ({ id: (await e.server.createUser('viewer')).id }),
    body: () => ({ disabled: true }),
  },
  {
    method: 'POST',
    path: (_e, s) => `/api/v1/admin/users/${s.id}/password-link`,
    level: 'admin',
    ok: 201,
    setup: async (e) => ({ id: (await e.server.createUser('viewer')).id }),
  },
  // Open to anyone, and refused (409) once the install has people, as here.
  {
    method: 'POST',
    path: '/api/v1/setup',
    level: 'public',
    body: () => ({ email: 'late@test.warroom', name: 'Late', password: 'a long secret' }),
  },
  {
    method: 'POST',
    path: '/api/v1/password-links/redeem',
    level: 'public',
    body: () => ({ token: 'not-a-real-link-token', password: 'a long secret' }),
  },
  { method: 'GET', path: '/api/v1/admin/credentials', level: 'admin', ok: 200 },
  { method: 'POST', path: '/api/v1/admin/credentials', level: 'admin', ok: 201, body: () => ({ kind: 'display' }) },
  {
    method: 'DELETE',
    path: (_e, s) => `/api/v1/admin/credentials/${s.id}`,
    level: 'admin',
    ok: 200,
    setup: async (e) => ({
      id: (await api(e.server, 'POST', '/api/v1/admin/credentials', { token: e.admin, body: { kind: 'ingest' } })).body.credential.id,
    }),
  },
  {
    method: 'POST',
    path: (_e, s) => `/api/v1/admin/users/${s.id}/unlock`,
    level: 'admin',
    ok: 200,
    setup: async (e) => ({ id: (await e.server.createUser('viewer')).id }),
  },
  // Rooms: the list spans every room, so a display link (bound to one room) is refused it.
  { method: 'GET', path: '/api/v1/rooms', level: 'people', ok: 200 },
  { method: 'POST', path: '/api/v1/rooms', level: 'admin', ok: 201, body: (e) => ({ slug: `access-${++e.seq}`, name: 'Access check' }) },
  // A rename only: archiving would make every later row's writes answer 409.
  { method: 'PATCH', path: '/api/v1/rooms/launch', level: 'admin', ok: 200, body: () => ({ name: 'Launch night' }) },
  { method: 'GET', path: '/api/v1/rooms/launch/capacity', level: 'read', ok: 200 },
  {
    method: 'PUT',
    path: '/api/v1/rooms/launch/capacity',
    level: 'lead',
    ok: 200,
    body: () => ({ series: 'users_online', perServer: 40_000 }),
  },
  {
    method: 'DELETE',
    // the last hour (the test's name shows the bare pattern)
    path: (_e, s) =>
      s.name
        ? `/api/v1/rooms/launch/series/${s.name}/points?from=${Date.now() - 3600_000}&to=${Date.now() + 60_000}`
        : '/api/v1/rooms/launch/series/[name]/points?from=&to=',
    level: 'lead',
    ok: 200,
    setup: freshSeries,
  },
  { method: 'GET', path: '/api/v1/rooms/launch/export?what=series', level: 'read', ok: 200 },
  // Notifications: channels carry webhook URLs and the log shows where messages went, so even reads take a lead.
  { method: 'GET', path: '/api/v1/rooms/launch/channels', level: 'lead', ok: 200 },
  { method: 'POST', path: '/api/v1/rooms/launch/channels', level: 'lead', ok: 201, body: channelBody },
  {
    method: 'PATCH',
    path: (_e, s) => `/api/v1/rooms/launch/channels/${s.id}`,
    level: 'lead',
    ok: 200,
    setup: freshChannel,
    body: () => ({ ratePerMinute: 5 }),
  },
  { method: 'DELETE', path: (_e, s) => `/api/v1/rooms/launch/channels/${s.id}`, level: 'lead', ok: 200, setup: freshChannel },
  // Sends now (to a closed port): its outcome is past access.
  { method: 'POST', path: (_e, s) => `/api/v1/rooms/launch/channels/${s.id}/test`, level: 'lead', setup: freshChannel },
  { method: 'GET', path: '/api/v1/rooms/launch/deliveries', level: 'lead', ok: 200 },
  // Which channels fail (never their URL or secret) is what the wall says: every reader of the room sees it.
  { method: 'GET', path: '/api/v1/rooms/launch/channel-health', level: 'read', ok: 200 },
  { method: 'POST', path: (_e, s) => `/api/v1/rooms/launch/deliveries/${s.id}/retry`, level: 'lead', ok: 200, setup: deadDelivery },
  // Web Push: a person's own devices (viewer+, never a display link or an ingest key). Deleting another's reads 404.
  { method: 'GET', path: '/api/v1/push/vapid-public-key', level: 'people', ok: 200 },
  { method: 'POST', path: '/api/v1/push/subscriptions', level: 'people', ok: 201, body: pushSubscriptionBody },
  {
    method: 'DELETE',
    path: (_e, s) => `/api/v1/push/subscriptions/${s.id}`,
    level: 'people',
    setup: async (e) => ({ id: await leadCreates(e, '/api/v1/push/subscriptions', pushSubscriptionBody(e)) }),
  },
  // Status page: viewer+ (and the wall) read it, leads write it, anyone reads the public page once it is on.
  { method: 'GET', path: '/api/v1/rooms/launch/status-page', level: 'read', ok: 200 },
  { method: 'GET', path: '/api/v1/rooms/launch/components', level: 'read', ok: 200 },
  { method: 'POST', path: '/api/v1/rooms/launch/components', level: 'lead', ok: 201, body: componentBody },
  {
    method: 'PATCH',
    path: (_e, s) => `/api/v1/rooms/launch/components/${s.id}`,
    level: 'lead',
    ok: 200,
    setup: freshComponent,
    body: () => ({ description: 'the sign-in API' }),
  },
  { method: 'DELETE', path: (_e, s) => `/api/v1/rooms/launch/components/${s.id}`, level: 'lead', ok: 200, setup: freshComponent },
  { method: 'POST', path: '/api/v1/rooms/launch/status-incidents', level: 'lead', ok: 201, body: statusIncidentBody },
  {
    method: 'POST',
    path: (_e, s) => `/api/v1/rooms/launch/status-incidents/${s.id}/updates`,
    level: 'lead',
    ok: 201,
    setup: async (e) => ({ id: await leadCreates(e, '/api/v1/rooms/launch/status-incidents', statusIncidentBody(e)) }),
    body: () => ({ status: 'identified', message: 'found it' }),
  },
  {
    method: 'POST',
    path: '/api/v1/rooms/launch/maintenances',
    level: 'lead',
    ok: 201,
    body: (e) => ({
      title: `window ${++e.seq}`,
      startsAt: new Date(Date.now() + 3600_000).toISOString(),
      endsAt: new Date(Date.now() + 7200_000).toISOString(),
      message: 'database upgrade',
    }),
  },
  { method: 'GET', path: '/api/v1/status/launch/summary', level: 'public', ok: 200, setup: statusPageOn },
  { method: 'GET', path: '/api/v1/status/launch/incidents', level: 'public', ok: 200, setup: statusPageOn },
  // Subscribing takes a page that is on and mail (WARROOM_SMTP_URL), which this server has not: with the
  // page off every caller alike gets 404, past access. Links with a token nobody was sent: 404 for all.
  {
    method: 'POST',
    path: '/api/v1/status/launch/subscribers',
    level: 'public',
    ok: 404,
    setup: async (e) => {
      await leadCreates(e, '/api/v1/rooms/launch/settings', { statusPage: { enabled: false } }, 'PATCH');
      return {};
    },
    body: (e) => ({ email: `reader${++e.seq}@example.com` }),
  },
  {
    method: 'GET',
    path: `/api/v1/status/launch/subscribers/confirm?token=${'x'.repeat(32)}`,
    level: 'public',
    ok: 404,
    setup: statusPageOn,
  },
  {
    method: 'GET',
    path: `/api/v1/status/launch/subscribers/unsubscribe?token=${'x'.repeat(32)}`,
    level: 'public',
    ok: 404,
    setup: statusPageOn,
  },
];

/** Every `METHOD /api/v1/...` that a route file under app/api/v1 exports, in Next's [param] form. */
function routesOnDisk(dir = join(process.cwd(), 'app/api/v1'), base = '/api/v1'): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('_')) continue;
    if (e.isDirectory()) out.push(...routesOnDisk(join(dir, e.name), `${base}/${e.name}`));
    else if (e.name === 'route.ts') {
      const src = readFileSync(join(dir, e.name), 'utf8');
      for (const m of src.matchAll(/export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE)\b/g)) out.push(`${m[1]} ${base}`);
    }
  }
  return out.sort();
}

function patternOf(row: TRow): string {
  const path = typeof row.path === 'string' ? row.path : row.path({} as TEnv, { id: '[id]', finding: '[findingId]', entry: '[entryId]' });
  return `${row.method} ${path
    .replace(/\?.*$/, '')
    .replace(/\/rooms\/launch\b/, '/rooms/[room]')
    .replace('/status/launch/', '/status/[room]/')}`;
}

it('the table covers every API route there is', () => {
  expect([...new Set(ROWS.map(patternOf))].sort()).toEqual(routesOnDisk());
});

const CALLERS: TCallerName[] = [
  'anonymous',
  'viewer',
  'engineer',
  'lead',
  'admin',
  'viewer (session)',
  'admin (session)',
  'ingest key',
  'display link',
  'revoked token',
  'disabled user',
  'garbage bearer',
];

describe.each(DB_KINDS)('every route × every caller on %s', (kind) => {
  let env: TEnv;
  let callers: Awaited<ReturnType<typeof makeCallers>>;

  beforeAll(async () => {
    const server = await startServer({ db: kind });
    callers = await makeCallers(server);
    const lead = await server.createUser('lead');
    const admin = await server.createUser('admin');
    const engineer = await server.createUser('engineer');
    env = { server, lead: lead.token, admin: admin.token, ids: { engineer: engineer.id, lead: lead.id }, seq: 0 };
  });
  afterAll(async () => {
    await env?.server.stop();
  });

  it.each(
    ROWS.map(
      (r) =>
        [
          `${r.method} ${typeof r.path === 'string' ? r.path : r.path({} as TEnv, { id: ':id', finding: ':fid', entry: ':eid' })}`,
          r,
        ] as const,
    ),
  )('%s', async (_name, row) => {
    const got: string[] = [];
    const want: string[] = [];
    const violations: string[] = [];
    // The callers that must be refused share one setup: a refused call changes nothing (or its status says so).
    let refusedSetup: Record<string, string> | undefined;
    for (const name of CALLERS) {
      const c = callers[name];
      const exp = expected(row.level, c);
      let s: Record<string, string> = {};
      if (exp === 'ok') s = (await row.setup?.(env)) ?? {};
      else if (row.setup) {
        refusedSetup ??= (await row.setup(env)) ?? {};
        s = refusedSetup;
      }
      const path = typeof row.path === 'string' ? row.path : row.path(env, s);
      const res = await api(env.server, row.method, path, {
        headers: c.headers,
        body: row.body ? row.body(env, s) : ['GET', 'DELETE'].includes(row.method) ? undefined : {},
      });
      // Errors never carry a stack or SQL.
      if (res.status >= 400) expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|\bSELECT\b|\bINSERT\b|prisma/i);
      const okStatus = row.ok ? res.status === row.ok : res.status < 500 && res.status !== 401 && res.status !== 403;
      // Every answer, success or error, keeps to its contract in lib/api.
      const broken = res.status < 300 || res.status >= 400 ? contractViolation(row.method, path, res.status, res.body) : null;
      if (broken) violations.push(`${name}: ${broken}`);
      got.push(`${name}: ${exp === 'ok' ? (okStatus ? 'ok' : res.status) : res.status}`);
      want.push(`${name}: ${exp}`);
      if (exp !== 'ok' || !okStatus) got[got.length - 1] += exp === 'ok' ? ` ${JSON.stringify(res.body).slice(0, 200)}` : '';
    }
    expect(got).toEqual(want);
    expect(violations).toEqual([]);
  });
});
