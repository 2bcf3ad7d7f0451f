import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TDrainBody, TDrainResponse } from '../../../lib/api/servers';
import { authorOf, type TActor } from '../access/actor';
import { openDrainOf, roomAndServer, linkedIncident, writeDrain, drainAnswer, publishServersChanged } from './drain-write';

/** Puts a drained server back (lead+); recorded on the incident named, else on the drain's own. 409 when it is not drained. */
export async function restoreServer(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  name: string;
  input: TDrainBody;
}): Promise<TDrainResponse> {
  const { ctx, actor, name, input } = opts;
  const room = await roomAndServer(opts);
  const open = await openDrainOf(ctx, room.id, name);
  const notDrained = () => new AppError('conflict', `${name} is not drained`);
  if (!open) throw notDrained();
  const incident =
    input.incident !== undefined
      ? await linkedIncident(ctx, room, input.incident)
      : open.incidentId
        ? await ctx.prisma.incident.findUnique({ where: { id: open.incidentId } })
        : null;
  const who = authorOf(actor);
  const now = new Date();
  const row = await writeDrain({
    ctx,
    actor,
    incident,
    entry: { body: input.reason ?? null, data: { action: 'restore', server: name, reason: input.reason ?? null } },
    fn: async (tx) => {
      // Conditional on the drain still being open: of two restores, one wins.
      const done = await tx.serverDrain.updateMany({
        where: { id: open.id, openKey: { not: null } },
        data: { openKey: null, restoredAt: now, restoredById: who.id, restoredByName: who.name, restoreReason: input.reason ?? null },
      });
      if (done.count !== 1) throw notDrained();
      return tx.serverDrain.findUniqueOrThrow({ where: { id: open.id } });
    },
  });
  await publishServersChanged(ctx, room.id, name, 'restore');
  const inc = open.incidentId
    ? await ctx.prisma.incident.findUnique({ where: { id: open.incidentId }, select: { id: true, number: true } })
    : null;
  return drainAnswer(ctx, room, name, row, inc, now.getTime());
}
