import { createHash } from 'node:crypto';
import type { TComponent, TMaintenance, TStatusIncident, TStatusSummary } from '../../../lib/api/status';
import { labelsKey } from '../../../lib/series';
import { addToDays, INDICATOR_DESCRIPTION, lastDays, pageIndicator } from '../../../lib/status/derive';
import { type TPublicIncident, type TPublicStatus, UPTIME_DAYS } from '../../../lib/status/public';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import { resolveRoom } from '../rooms/resolve-room';
import { loadComponents, loadIncidents, loadMaintenances, loadStatusPage } from './status-rows';

/** Per probe_up series: day → [up, total], and up to when it was read. Past days never change, so each build reads only what is new. */
const UPTIME_KEY = Symbol.for('warroom.status.uptime');
type TUptimeMemo = Map<number, { readTo: number; timeZone: string; days: Map<string, [number, number]> }>;
function uptimeMemo(): TUptimeMemo {
  const g = globalThis as Record<symbol, unknown>;
  g[UPTIME_KEY] ??= new Map();
  return g[UPTIME_KEY] as TUptimeMemo;
}

async function uptimeOf(ctx: TServiceContext, roomId: string, probe: string, timeZone: string, days: string[], now: number) {
  const series = await ctx.prisma.metricSeries.findFirst({
    where: { roomId, name: 'probe_up', labelsKey: labelsKey({ probe }) },
    select: { id: true },
  });
  if (!series) return days.map(() => null);
  const memo = uptimeMemo();
  let m = memo.get(series.id);
  if (!m || m.timeZone !== timeZone) {
    m = { readTo: now - (UPTIME_DAYS + 1) * 86_400_000, timeZone, days: new Map() };
    memo.set(series.id, m);
  }
  addToDays(m.days, await ctx.samples.readRange(series.id, m.readTo + 1, now), timeZone);
  m.readTo = now;
  return days.map((d) => {
    const c = m.days.get(d);
    return c && c[1] > 0 ? c[0] / c[1] : null;
  });
}

const spUpdates = (i: TStatusIncident) => i.updates.map((u) => ({ id: u.id, status: u.status, body: u.body, created_at: u.createdAt }));

function spIncident(i: TStatusIncident, names: Map<string, string>, url: string): TPublicIncident {
  return {
    id: i.id,
    name: i.title,
    status: i.status,
    impact: i.impact,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    resolved_at: i.resolvedAt,
    shortlink: `${url}#incident-${i.id}`,
    incident_updates: spUpdates(i),
    components: i.components.filter((c) => names.has(c)).map((id) => ({ id, name: names.get(id)! })),
  };
}

function spMaintenance(m: TMaintenance, names: Map<string, string>, now: number): TStatusSummary['scheduled_maintenances'][number] {
  const status = Date.parse(m.startsAt) > now ? 'scheduled' : Date.parse(m.endsAt) > now ? 'in_progress' : 'completed';
  return {
    id: m.id,
    name: m.title,
    status,
    impact: 'maintenance',
    scheduled_for: m.startsAt,
    scheduled_until: m.endsAt,
    created_at: m.createdAt,
    updated_at: m.createdAt,
    incident_updates: [{ id: `${m.id}-0`, status, body: m.body, created_at: m.createdAt }],
    components: m.components.filter((c) => names.has(c)).map((id) => ({ id, name: names.get(id)! })),
  };
}

function groupId(group: string): string {
  return `group-${createHash('sha1').update(group).digest('hex').slice(0, 12)}`;
}

/**
 * Builds the public view of a room's status page from the database: 404
 * when there is no such room or its page is off. Only Status* rows and the
 * probe_up series are read — never an incident, a person or a probe's URL.
 */
export async function buildPublicStatus(opts: { ctx: TServiceContext; slug: string; now?: number }): Promise<TPublicStatus> {
  const { ctx, slug } = opts;
  const now = opts.now ?? Date.now();
  const room = await resolveRoom({ ctx, slug });
  const page = await loadStatusPage(ctx, room.id);
  if (!page.enabled) throw new AppError('not_found', `no status page "${slug}"`);
  const [components, open, past, maintenances] = await Promise.all([
    loadComponents(ctx, room.id, now),
    loadIncidents(ctx, room.id, { open: true, take: 20 }),
    loadIncidents(ctx, room.id, { open: false, take: 20 }),
    loadMaintenances(ctx, room.id, now),
  ]);
  const url = `${ctx.config.publicUrl}/status/${room.slug}`;
  const names = new Map(components.map((c) => [c.id, c.name]));
  const days = lastDays(now, room.timeZone, UPTIME_DAYS);
  const uptime: Record<string, (number | null)[]> = {};
  for (const c of components) if (c.probe) uptime[c.id] = await uptimeOf(ctx, room.id, c.probe, room.timeZone, days, now);

  const inProgress = maintenances.some((m) => Date.parse(m.startsAt) <= now);
  const indicator = pageIndicator(
    components.map((c) => c.status),
    open.map((i) => i.impact),
    inProgress,
  );
  const summary: TStatusSummary = {
    page: { id: room.id, name: page.title ?? room.name, url, time_zone: room.timeZone, updated_at: '' },
    status: { indicator, description: INDICATOR_DESCRIPTION[indicator] },
    components: componentList(components),
    incidents: open.map((i) => spIncident(i, names, url)),
    scheduled_maintenances: maintenances.map((m) => spMaintenance(m, names, now)),
  };
  const pastDto = past.map((i) => spIncident(i, names, url));
  // The content hash ignores build time: an unchanged page keeps its ETag across rebuilds and processes.
  const etag = createHash('sha1')
    .update(JSON.stringify([summary, pastDto, uptime, room.locale, room.name]))
    .digest('base64url')
    .slice(0, 20);
  const changed = [...components.map((c) => c.updatedAt), ...open.map((i) => i.updatedAt), ...maintenances.map((m) => m.createdAt)].sort();
  summary.page.updated_at = changed.at(-1) ?? new Date(now).toISOString();
  return {
    roomId: room.id,
    room: { slug: room.slug, name: room.name, locale: room.locale === 'zh' ? 'zh' : 'en', timeZone: room.timeZone },
    title: page.title ?? room.name,
    summary,
    past: pastDto,
    days,
    uptime,
    builtAt: new Date(now).toISOString(),
    etag,
  };
}

/** Statuspage lists group rows before their members; a component's group_id names its group row. */
function componentList(components: (TComponent & { createdAt: string })[]): TStatusSummary['components'] {
  const out: TStatusSummary['components'] = [];
  const groups = new Set<string>();
  components.forEach((c, i) => {
    if (c.group && !groups.has(c.group)) {
      groups.add(c.group);
      const members = components.filter((m) => m.group === c.group);
      const worst = members.map((m) => m.status).sort((a, b) => rank(b) - rank(a))[0]!;
      out.push({
        id: groupId(c.group),
        name: c.group,
        status: worst,
        description: null,
        position: out.length,
        group_id: null,
        group: true,
        created_at: c.createdAt,
        updated_at: c.updatedAt,
      });
    }
    out.push({
      id: c.id,
      name: c.name,
      status: c.status,
      description: c.description,
      position: i,
      group_id: c.group ? groupId(c.group) : null,
      group: false,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
    });
  });
  return out;
}

const rank = (s: TComponent['status']) =>
  ({ operational: 0, under_maintenance: 1, degraded_performance: 2, partial_outage: 3, major_outage: 4 })[s];
