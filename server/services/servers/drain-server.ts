import type { TServiceContext } from '../../context';
import { AppError, isUniqueViolation } from '../../errors';
import type { TDrainBody, TDrainResponse } from '../../../lib/api/servers';
import { authorOf, type TActor } from '../access/actor';
import {
  type TDrainRow,
  openKeyOf,
  openDrainOf,
  roomAndServer,
  linkedIncident,
  writeDrain,
  drainAnswer,
  publishServersChanged,
} from './drain-write';

/** Takes a server out of the pool (lead+): out of verdicts and scans, "drained" on every screen. 409 when it already is. */
export async function drainServer(opts: {
  ctx: TServiceContext;
  actor: TActor;
  slug: string;
  name: string;
  input: TDrainBody;
}): Promise<TDrainResponse> {
  const { ctx, actor, name, input } = opts;
  const room = await roomAndServer(opts);
  const incident = await linkedIncident(ctx, room, input.incident);
  const who = authorOf(actor);
  const open = await openDrainOf(ctx, room.id, name);
  const already = (by: string) => new AppError('conflict', `${name} is already drained (by ${by})`, undefined, { drainedBy: by });
  if (open) throw already(open.drainedByName);
  const now = new Date();
  let row: TDrainRow;
  try {
    row = await writeDrain({
      ctx,
      actor,
      incident,
      entry: { body: input.reason ?? null, data: { action: 'drain', server: name, reason: input.reason ?? null } },
      fn: (tx) =>
        tx.serverDrain.create({
          data: {
            roomId: room.id,
            server: name,
            reason: input.reason ?? null,
            incidentId: incident?.id ?? null,
            drainedAt: now,
            drainedById: who.id,
            drainedByName: who.name,
            openKey: openKeyOf(room.id, name),
          },
        }),
    });
  } catch (err) {
    // A simultaneous drain won the unique open key.
    if (isUniqueViolation(err)) throw already((await openDrainOf(ctx, room.id, name))?.drainedByName ?? 'someone');
    throw err;
  }
  await publishServersChanged(ctx, room.id, name, 'drain');
  return drainAnswer(ctx, room, name, row, incident ? { id: incident.id, number: incident.number } : null, now.getTime());
}
