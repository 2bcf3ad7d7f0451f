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

// Wired to the Probe model (state "down") when it lands (coordinator, at merge).
export async function listProbesDown(_opts: { ctx: TServiceContext; roomId: string }): Promise<unknown[]> {
  return [];
}
