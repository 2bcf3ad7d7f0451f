import type { TComponent, TComponentState, TMaintenance, TStatusIncident } from '../../../lib/api/status';
import { STATUSES } from '../../../lib/incidents';
import { componentState } from '../../../lib/status/derive';
import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';

/** Reads of the Status* rows and their DTOs: what the lead's page and the public page are built from. */

type TComponentRow = Awaited<ReturnType<TServiceContext['prisma']['statusComponent']['findMany']>>[number];
type TIncidentRow = Awaited<ReturnType<TServiceContext['prisma']['statusIncident']['findMany']>>[number] & {
  updates: { id: string; status: string; body: string; createdAt: Date }[];
};
type TMaintenanceRow = Awaited<ReturnType<TServiceContext['prisma']['statusMaintenance']['findMany']>>[number];

const ids = (text: string): string[] => {
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};
const asStatus = (s: string) => ((STATUSES as readonly string[]).includes(s) ? (s as TStatusIncident['status']) : 'investigating');

function incidentDto(r: TIncidentRow): TStatusIncident {
  return {
    id: r.id,
    incidentId: r.incidentId,
    title: r.title,
    impact: r.impact as TStatusIncident['impact'],
    status: asStatus(r.status),
    components: ids(r.components),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    // Newest first, as Statuspage lists them.
    updates: [...r.updates]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((u) => ({ id: u.id, status: asStatus(u.status), body: u.body, createdAt: u.createdAt.toISOString() })),
  };
}

export function maintenanceDto(m: TMaintenanceRow): TMaintenance {
  return {
    id: m.id,
    title: m.title,
    body: m.body,
    components: ids(m.components),
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    createdAt: m.createdAt.toISOString(),
  };
}

/** The room's components in page order, each with the state it shows now. */
export async function loadComponents(
  ctx: TServiceContext,
  roomId: string,
  now = Date.now(),
): Promise<(TComponent & { createdAt: string })[]> {
  const [rows, probes, maints] = await Promise.all([
    ctx.prisma.statusComponent.findMany({ where: { roomId }, orderBy: [{ order: 'asc' }, { name: 'asc' }] }),
    ctx.prisma.probe.findMany({ where: { roomId }, select: { name: true, state: true, paused: true, lastLatencyMs: true } }),
    ctx.prisma.statusMaintenance.findMany({ where: { roomId, startsAt: { lte: new Date(now) }, endsAt: { gt: new Date(now) } } }),
  ]);
  const byName = new Map(probes.map((p) => [p.name, p]));
  const maintained = new Set(maints.flatMap((m) => ids(m.components)));
  return rows.map((r) => componentDto(r, byName.get(r.probeName ?? ''), maintained.has(r.id)));
}

function componentDto(
  r: TComponentRow,
  probe: { state: string; paused: boolean; lastLatencyMs: number | null } | undefined,
  inMaintenance: boolean,
): TComponent & { createdAt: string } {
  const manual = (r.manualStatus as TComponentState | null) ?? null;
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    group: r.group,
    order: r.order,
    probe: r.probeName,
    degradedAfterMs: r.degradedAfterMs,
    manualStatus: manual,
    status: componentState({
      manualStatus: manual,
      probe: probe ? { state: probe.paused ? 'paused' : probe.state, lastLatencyMs: probe.lastLatencyMs } : null,
      degradedAfterMs: r.degradedAfterMs,
      inMaintenance,
    }),
    updatedAt: r.updatedAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  };
}

/** Public incidents of a room, newest first, with their updates. */
export async function loadIncidents(ctx: TServiceContext, roomId: string, opts: { open?: boolean; take?: number; id?: string } = {}) {
  const rows = await ctx.prisma.statusIncident.findMany({
    where: {
      roomId,
      ...(opts.id ? { id: opts.id } : {}),
      ...(opts.open === true ? { status: { not: 'resolved' } } : opts.open === false ? { status: 'resolved' } : {}),
    },
    include: { updates: true },
    orderBy: { createdAt: 'desc' },
    take: opts.take ?? 50,
  });
  return rows.map(incidentDto);
}

/** Maintenances not yet over, soonest first. */
export async function loadMaintenances(ctx: TServiceContext, roomId: string, now = Date.now()): Promise<TMaintenance[]> {
  const rows = await ctx.prisma.statusMaintenance.findMany({
    where: { roomId, endsAt: { gt: new Date(now) } },
    orderBy: { startsAt: 'asc' },
    take: 20,
  });
  return rows.map(maintenanceDto);
}

/** Every id must name a component of this room: 400 naming the field otherwise. */
export async function assertComponents(ctx: TServiceContext, roomId: string, componentIds: string[], field = 'components'): Promise<void> {
  if (componentIds.length === 0) return;
  const found = await ctx.prisma.statusComponent.findMany({ where: { roomId, id: { in: componentIds } }, select: { id: true } });
  const known = new Set(found.map((c) => c.id));
  const bad = componentIds.findIndex((id) => !known.has(id));
  if (bad >= 0)
    throw new AppError('validation_failed', `no component ${componentIds[bad]} in this room`, [
      { field: `${field}.${bad}`, message: 'no such component in this room' },
    ]);
}

/** The room's page settings; a room without a row has the page off. */
export async function loadStatusPage(ctx: TServiceContext, roomId: string): Promise<{ enabled: boolean; title: string | null }> {
  const row = await ctx.prisma.statusPage.findUnique({ where: { roomId } });
  return { enabled: row?.enabled ?? false, title: row?.title ?? null };
}
