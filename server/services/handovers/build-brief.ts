import type { TServiceContext } from '../../context';
import { HEADLINE_SERIES } from '../../../lib/series';
import { seriesFigures } from '../../../lib/night/figures';
import type { TBrief } from '../../../lib/api/night-report';
import type { TSeverity, TStatus } from '../../../lib/incidents';
import { readSeries } from '../report/read-headline';
import { listDrainedServers, listProbesDown } from './brief-sources';

/** Timeline kinds that say where an incident stands (acks, comments and edits do not). */
const UPDATE_KINDS = [
  'created',
  'auto',
  'post',
  'status',
  'severity',
  'claim',
  'release',
  'handover',
  'escalation',
  'finding',
  'impact',
  'helper',
  'link',
];
const iso = (d: Date | number | null | undefined) => (d === null || d === undefined ? null : new Date(d).toISOString());

/**
 * What the incoming lead must know, from the data as it is now: open
 * incidents (owner, status, last update, what was ruled out), incidents
 * opened and resolved since the shift began, the shift's figures and
 * milestones, servers drained and probes down.
 */
export async function buildBrief(opts: { ctx: TServiceContext; roomId: string; since: number; until: number }): Promise<TBrief> {
  const { ctx, roomId, since, until } = opts;
  const window = { gte: new Date(since), lte: new Date(until) };
  const [open, opened, resolved, users, online, milestones, serversDrained, probesDown] = await Promise.all([
    ctx.prisma.incident.findMany({
      where: { roomId, status: { not: 'resolved' } },
      include: { findings: { where: { state: 'ruled_out' }, orderBy: [{ decidedAt: 'asc' }, { createdAt: 'asc' }] } },
      orderBy: { number: 'asc' },
    }),
    ctx.prisma.incident.findMany({ where: { roomId, createdAt: window }, orderBy: { number: 'asc' } }),
    ctx.prisma.incident.findMany({ where: { roomId, status: 'resolved', resolvedAt: window }, orderBy: { resolvedAt: 'asc' } }),
    readSeries({ ctx, roomId, name: HEADLINE_SERIES.users, from: since, to: until }),
    readSeries({ ctx, roomId, name: HEADLINE_SERIES.online, from: since, to: until }),
    ctx.prisma.milestone.findMany({ where: { roomId, reachedAt: window }, orderBy: { reachedAt: 'asc' } }),
    listDrainedServers({ ctx, roomId }),
    listProbesDown({ ctx, roomId }),
  ]);
  const lastUpdates = await Promise.all(
    open.map((i) =>
      ctx.prisma.incidentEntry.findFirst({ where: { incidentId: i.id, kind: { in: UPDATE_KINDS } }, orderBy: { seq: 'desc' } }),
    ),
  );
  const userIds = [...new Set(open.flatMap((i) => [i.ownerId, ...i.findings.map((f) => f.decidedById)]).filter((x): x is string => !!x))];
  const people = new Map(
    (await ctx.prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u]),
  );
  const u = seriesFigures(users);
  const o = seriesFigures(online);
  return {
    since: iso(since)!,
    until: iso(until)!,
    openIncidents: open.map((i, n) => {
      const last = lastUpdates[n];
      return {
        id: i.id,
        number: i.number,
        title: i.title,
        severity: i.severity as TSeverity,
        status: i.status as TStatus,
        owner: i.ownerId ? (people.get(i.ownerId) ?? { id: i.ownerId, name: '(unknown)' }) : null,
        openedAt: i.createdAt.toISOString(),
        lastUpdate: last ? { at: last.createdAt.toISOString(), kind: last.kind, by: last.authorName, text: last.body } : null,
        ruledOut: i.findings.map((f) => ({
          text: f.text,
          decidedAt: iso(f.decidedAt),
          decidedBy: f.decidedById ? (people.get(f.decidedById)?.name ?? null) : null,
        })),
      };
    }),
    openedIncidents: opened.map((i) => ({
      number: i.number,
      title: i.title,
      severity: i.severity as TSeverity,
      at: i.createdAt.toISOString(),
    })),
    resolvedIncidents: resolved.map((i) => ({
      number: i.number,
      title: i.title,
      severity: i.severity as TSeverity,
      at: i.resolvedAt!.toISOString(),
    })),
    figures: {
      usersStart: u.start,
      usersEnd: u.end,
      usersGained: u.start === null || u.end === null ? null : u.end - u.start,
      onlinePeak: o.peak,
      onlinePeakAt: iso(o.peakAt),
    },
    milestones: milestones.map((m) => ({
      id: m.id,
      seriesName: m.seriesName,
      threshold: m.threshold,
      label: m.label,
      reachedAt: iso(m.reachedAt),
    })),
    serversDrained,
    probesDown,
  };
}
