import type { TServiceContext } from '../../context';
import { decimate } from '../../../lib/decimate';
import { judgeFleet, type TDrainInfo } from '../../../lib/fleet/judge';
import { parseLabelsKey } from '../../../lib/series';
import type { TServerDto, TServersResponse } from '../../../lib/api/servers';
import type { TActor } from '../access/actor';
import type { TRoomRow } from '../rooms/resolve-room';
import { roomFor } from '../rooms/room-for';

/** Sparkline points per metric: enough for a shape, small enough for 1,000 rows. */
const SPARK_POINTS = 40;
/** Past this many series the page gets no sparklines: reading them would cost more than they say. */
const SPARK_MAX_SERIES = 4000;

/** A labels key carries a `server` label (canonical JSON, so the key is always quoted this way). */
export const SERVER_LABEL_FRAGMENT = '"server":';

type TDrainRow = Awaited<ReturnType<TServiceContext['prisma']['serverDrain']['findMany']>>[number];

/** A drain row as the servers list shows it, with the linked incident's number. */
function drainInfo(d: TDrainRow, incidentNumbers: Map<string, number>): TDrainInfo {
  const n = d.incidentId ? incidentNumbers.get(d.incidentId) : undefined;
  return {
    drainedAt: d.drainedAt.toISOString(),
    drainedBy: d.drainedByName,
    reason: d.reason,
    incident: d.incidentId && n !== undefined ? { id: d.incidentId, number: n } : null,
  };
}

/**
 * The room's fleet judged on the server clock: every server seen on a
 * labelled series, its latest metrics, state against the room's safety lines
 * (or the defaults) and stale threshold, drains, and the pool scan; worst
 * first. With `spark`, the last `spark` minutes of each metric as a sparkline.
 */
export async function listServersOfRoom(opts: {
  ctx: TServiceContext;
  room: TRoomRow;
  spark?: number;
  now?: number;
}): Promise<TServersResponse> {
  const { ctx, room } = opts;
  const now = opts.now ?? Date.now();
  const [series, lines, drains] = await Promise.all([
    ctx.prisma.metricSeries.findMany({
      where: { roomId: room.id, labelsKey: { contains: SERVER_LABEL_FRAGMENT } },
      select: { id: true, name: true, labelsKey: true, latestValue: true, latestTime: true, createdAt: true },
    }),
    ctx.prisma.safetyLine.findMany({ where: { roomId: room.id } }),
    ctx.prisma.serverDrain.findMany({ where: { roomId: room.id, openKey: { not: null } } }),
  ]);
  const incidentIds = drains.map((d) => d.incidentId).filter((x): x is string => !!x);
  const incidents = incidentIds.length
    ? await ctx.prisma.incident.findMany({ where: { id: { in: incidentIds } }, select: { id: true, number: true } })
    : [];
  const numbers = new Map(incidents.map((i) => [i.id, i.number]));

  const firstSeen = new Map<string, number>();
  const latest: { name: string; labels: Record<string, string>; value: number; time: string }[] = [];
  const seriesOf = new Map<string, { id: number; name: string }[]>();
  for (const s of series) {
    const labels = parseLabelsKey(s.labelsKey);
    const server = labels.server;
    if (!server) continue;
    const created = s.createdAt.getTime();
    if (!(firstSeen.get(server)! <= created)) firstSeen.set(server, created);
    let list = seriesOf.get(server);
    if (!list) {
      list = [];
      seriesOf.set(server, list);
    }
    list.push({ id: s.id, name: s.name });
    if (s.latestTime && s.latestValue !== null)
      latest.push({ name: s.name, labels, value: s.latestValue, time: s.latestTime.toISOString() });
  }

  const rows = judgeFleet({
    latest,
    lines: lines.map((l) => ({ metricName: l.metricName, warning: l.warning, critical: l.critical, direction: l.direction })),
    staleAfterSeconds: room.staleAfterSeconds,
    now,
    drains: new Map(drains.map((d) => [d.server, drainInfo(d, numbers)])),
  });
  const servers: TServerDto[] = rows.map((r) => ({
    ...r,
    firstSeenAt: firstSeen.has(r.name) ? new Date(firstSeen.get(r.name)!).toISOString() : null,
  }));

  if (opts.spark && series.length <= SPARK_MAX_SERIES) {
    const from = now - opts.spark * 60_000;
    await Promise.all(
      servers.map(async (row) => {
        const lines: Record<string, [number, number][]> = {};
        for (const s of seriesOf.get(row.name) ?? []) {
          // One series per metric is the usual case; with several, the first stands for the metric.
          if (lines[s.name]) continue;
          lines[s.name] = decimate(await ctx.samples.readRange(s.id, from, now + 60_000), SPARK_POINTS);
        }
        row.sparklines = lines;
      }),
    );
  }
  return { servers, serverTime: now, staleAfterSeconds: room.staleAfterSeconds };
}

/** GET /rooms/:room/servers (viewer+, or the room's display link). */
export async function listServers(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  spark?: number;
  now?: number;
}): Promise<TServersResponse> {
  const room = await roomFor({ ctx: opts.ctx, actor: opts.actor, slug: opts.slug, permission: 'room:read' });
  return listServersOfRoom({ ...opts, room });
}
