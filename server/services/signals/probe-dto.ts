import type { TServiceContext } from '../../context';
import type { TSeverity } from '../../../lib/incidents';
import type { TProbe, TProbeResult } from '../../../lib/api/signals';

export type TProbeRow = Awaited<ReturnType<TServiceContext['prisma']['probe']['findUniqueOrThrow']>>;

/** How many results the status-history bar keeps. */
export const RECENT_RESULTS = 90;

export function parseRecent(text: string): TProbeResult[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as TProbeResult[]) : [];
  } catch {
    return [];
  }
}

function toProbeDto(p: TProbeRow, incident: { id: string; number: number } | null): TProbe {
  return {
    id: p.id,
    roomId: p.roomId,
    name: p.name,
    url: p.url,
    method: p.method as TProbe['method'],
    expectStatus: JSON.parse(p.expectStatus) as number[],
    expectText: p.expectText,
    intervalSeconds: p.intervalSeconds,
    timeoutMs: p.timeoutMs,
    downAfter: p.downAfter,
    upAfter: p.upAfter,
    severity: p.severity as TSeverity,
    paused: p.paused,
    state: p.paused ? 'paused' : (p.state as TProbe['state']),
    lastCheckedAt: p.lastCheckedAt?.toISOString() ?? null,
    lastLatencyMs: p.lastLatencyMs,
    lastError: p.lastError,
    recent: parseRecent(p.recent),
    incident,
  };
}

/** Probes as read, each with the open incident it raised (two queries for the lot). */
export async function loadProbeDtos(ctx: TServiceContext, where: { roomId: string; id?: string }): Promise<TProbe[]> {
  const rows = await ctx.prisma.probe.findMany({ where, orderBy: { name: 'asc' } });
  if (rows.length === 0) return [];
  const signals = await ctx.prisma.signal.findMany({
    where: { roomId: where.roomId, kind: 'probe', dedupKey: { in: rows.map((r) => r.id) }, incidentId: { not: null } },
    select: { dedupKey: true, incidentId: true },
  });
  const incidents = await ctx.prisma.incident.findMany({
    where: { id: { in: signals.map((s) => s.incidentId!) }, status: { not: 'resolved' } },
    select: { id: true, number: true },
  });
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const byProbe = new Map(signals.map((s) => [s.dedupKey, byId.get(s.incidentId!) ?? null]));
  return rows.map((r) => toProbeDto(r, byProbe.get(r.id) ?? null));
}
