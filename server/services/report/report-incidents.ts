import type { TServiceContext } from '../../context';
import type { TSeverity, TStatus } from '../../../lib/incidents';
import type { TMoment, TReportIncident } from '../../../lib/api/night-report';
import { storedEntryData } from '../incidents/incident-dto';

/** What the contract calls each source; older rows say "alert" and "threshold". */
const kindOf = (source: string) => (source === 'alert' ? 'alertmanager' : source === 'threshold' ? 'rule' : source);

/**
 * The contract's source of an incident, by the name people know: the
 * probe's, the rule's with the label set that fired ("web error ratio high
 * on web-7"), the Alertmanager group's, the webhook alert's; null for one a
 * person opened. The key is the sender's own (a webhook's dedupKey, an
 * Alertmanager groupKey), never an internal id (a probe's or rule's).
 */
export function sourceOf(source: string, key: string | null, name: string | null = null): TReportIncident['source'] {
  if (!source || source === 'manual') return null;
  const kind = kindOf(source);
  return { kind, key: kind === 'probe' || kind === 'rule' ? null : key, name };
}

/** The names of the signals behind automatic incidents, by "kind key"; probes by their own row when no signal is left. */
async function sourceNames(ctx: TServiceContext, roomId: string, rows: { source: string; sourceKey: string | null }[]) {
  const auto = rows.filter((r) => r.source !== 'manual' && r.sourceKey);
  const names = new Map<string, string>();
  if (auto.length === 0) return names;
  const signals = await ctx.prisma.signal.findMany({
    where: { roomId, OR: auto.map((r) => ({ kind: r.source, dedupKey: r.sourceKey! })) },
    select: { kind: true, dedupKey: true, name: true },
  });
  for (const s of signals) names.set(`${s.kind} ${s.dedupKey}`, s.name);
  const probeIds = auto.filter((r) => kindOf(r.source) === 'probe' && !names.has(`${r.source} ${r.sourceKey}`)).map((r) => r.sourceKey!);
  if (probeIds.length)
    for (const p of await ctx.prisma.probe.findMany({ where: { id: { in: probeIds } }, select: { id: true, name: true } }))
      names.set(`probe ${p.id}`, p.name);
  return names;
}

const secondsBetween = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 1000;

type TOwnershipRow = { incidentId: string; kind: string; createdAt: Date; authorName: string | null; data: string | null };

/**
 * When an incident first had an owner, and who: a claim ("I'm on it"), or a
 * lead's assignment of an unowned incident (a handover from nobody) — from
 * then someone is on it, which is what incident.io and PagerDuty count as
 * acknowledged. A handover or takeover from an owner is not a first claim.
 */
function firstOwnership(rows: TOwnershipRow[]): Map<string, { at: Date; who: string | null; assignedBy: string | null }> {
  const first = new Map<string, { at: Date; who: string | null; assignedBy: string | null }>();
  for (const r of rows) {
    if (first.has(r.incidentId)) continue;
    if (r.kind === 'claim') first.set(r.incidentId, { at: r.createdAt, who: r.authorName, assignedBy: null });
    const h = storedEntryData(r, 'handover');
    if (h && !h.from) first.set(r.incidentId, { at: r.createdAt, who: h.to.name, assignedBy: r.authorName });
  }
  return first;
}

/**
 * Every incident that was open at some moment of the window (opened before
 * its end, not resolved before its start), with time to claim (to its first
 * owner: a claim or a lead's assignment, not a later handover) and time to
 * resolve; the moments of opening, first claim and resolution inside the
 * window; and each person's load.
 */
export async function reportIncidents(opts: { ctx: TServiceContext; roomId: string; from: number; to: number }) {
  const { ctx, roomId } = opts;
  const from = new Date(opts.from);
  const to = new Date(opts.to);
  const rows = await ctx.prisma.incident.findMany({
    where: { roomId, createdAt: { lte: to }, OR: [{ resolvedAt: null }, { resolvedAt: { gte: from } }] },
    orderBy: { number: 'asc' },
  });
  const ids = rows.map((r) => r.id);
  const [claims, statuses, activity] = await Promise.all([
    ctx.prisma.incidentEntry.findMany({
      where: { incidentId: { in: ids }, kind: { in: ['claim', 'handover'] } },
      orderBy: { seq: 'asc' },
      select: { incidentId: true, kind: true, createdAt: true, authorName: true, data: true },
    }),
    ctx.prisma.incidentEntry.findMany({
      where: { incidentId: { in: ids }, kind: 'status', createdAt: { gte: from, lte: to } },
      orderBy: { seq: 'asc' },
      select: { incidentId: true, createdAt: true, authorName: true, data: true, kind: true },
    }),
    ctx.prisma.incidentEntry.groupBy({
      by: ['authorId', 'kind'],
      where: { roomId, kind: { in: ['post', 'claim'] }, createdAt: { gte: from, lte: to }, authorId: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const sources = await sourceNames(ctx, roomId, rows);
  const firstClaim = firstOwnership(claims);
  const personIds = [...new Set([...rows.map((r) => r.ownerId), ...activity.map((a) => a.authorId)].filter((x): x is string => !!x))];
  const names = new Map(
    (await ctx.prisma.user.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const person = (id: string) => ({ id, name: names.get(id) ?? '(unknown)' });

  const incidents: TReportIncident[] = rows.map((r) => {
    const claim = firstClaim.get(r.id);
    const resolvedAt = r.status === 'resolved' ? r.resolvedAt : null;
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      severity: r.severity as TSeverity,
      status: r.status as TStatus,
      source: sourceOf(r.source, r.sourceKey, sources.get(`${r.source} ${r.sourceKey}`) ?? null),
      openedAt: r.createdAt.toISOString(),
      claimedAt: claim?.at.toISOString() ?? null,
      claimedAfterSeconds: claim ? secondsBetween(r.createdAt, claim.at) : null,
      resolvedAt: resolvedAt?.toISOString() ?? null,
      resolvedAfterSeconds: resolvedAt ? secondsBetween(r.createdAt, resolvedAt) : null,
      owner: r.ownerId ? person(r.ownerId) : null,
    };
  });

  const moments: TMoment[] = [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const inWindow = (d: Date) => d >= from && d <= to;
  for (const r of rows)
    if (inWindow(r.createdAt))
      moments.push({
        at: r.createdAt.toISOString(),
        kind: 'incident-opened',
        text: `#${r.number} opened: ${r.title} (${r.severity})`,
        incidentNumber: r.number,
        title: r.title,
        severity: r.severity,
      });
  for (const [incidentId, c] of firstClaim) {
    if (!inWindow(c.at)) continue;
    const r = byId.get(incidentId)!;
    const who = c.who;
    moments.push({
      at: c.at.toISOString(),
      kind: 'incident-claimed',
      text: c.assignedBy
        ? `#${r.number} assigned to ${who ?? 'someone'} by ${c.assignedBy}`
        : `#${r.number} claimed by ${who ?? 'someone'}`,
      incidentNumber: r.number,
      ...(who ? { who } : {}),
      ...(c.assignedBy ? { by: c.assignedBy } : {}),
    });
  }
  for (const s of statuses) {
    if (storedEntryData(s, 'status')?.to !== 'resolved') continue;
    const r = byId.get(s.incidentId)!;
    moments.push({
      at: s.createdAt.toISOString(),
      kind: 'incident-resolved',
      text: `#${r.number} resolved by ${s.authorName ?? 'someone'}`,
      incidentNumber: r.number,
      ...(s.authorName ? { who: s.authorName } : {}),
    });
  }

  const load = new Map<string, { incidentsOwned: number; claims: number; posts: number }>();
  const of = (id: string) => {
    let l = load.get(id);
    if (!l) {
      l = { incidentsOwned: 0, claims: 0, posts: 0 };
      load.set(id, l);
    }
    return l;
  };
  for (const r of rows) if (r.ownerId) of(r.ownerId).incidentsOwned++;
  for (const a of activity) {
    if (!a.authorId) continue;
    if (a.kind === 'post') of(a.authorId).posts += a._count._all;
    else of(a.authorId).claims += a._count._all;
  }
  const people = [...load.entries()]
    .map(([id, l]) => ({ person: person(id), ...l }))
    .sort((a, b) => b.incidentsOwned - a.incidentsOwned || b.posts - a.posts || a.person.name.localeCompare(b.person.name));
  return { incidents, moments, people };
}
