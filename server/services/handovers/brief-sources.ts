import type { TServiceContext } from '../../context';

/** Servers out of their pool now (an open drain): name, why, since when, by whom. */
export async function listDrainedServers(opts: {
  ctx: TServiceContext;
  roomId: string;
}): Promise<{ name: string; reason: string | null; drainedAt: string; drainedBy: string }[]> {
  const rows = await opts.ctx.prisma.serverDrain.findMany({
    where: { roomId: opts.roomId, openKey: { not: null } },
    orderBy: { server: 'asc' },
  });
  return rows.map((d) => ({ name: d.server, reason: d.reason, drainedAt: d.drainedAt.toISOString(), drainedBy: d.drainedByName }));
}

/** Probes down now (not paused): name, what they check, since their last check, and why. */
export async function listProbesDown(opts: {
  ctx: TServiceContext;
  roomId: string;
}): Promise<{ name: string; url: string; lastCheckedAt: string | null; error: string | null }[]> {
  const rows = await opts.ctx.prisma.probe.findMany({
    where: { roomId: opts.roomId, state: 'down', paused: false },
    orderBy: { name: 'asc' },
  });
  return rows.map((p) => ({ name: p.name, url: p.url, lastCheckedAt: p.lastCheckedAt?.toISOString() ?? null, error: p.lastError }));
}
