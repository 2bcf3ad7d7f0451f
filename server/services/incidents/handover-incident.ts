import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { THandover } from '../../../lib/api/incident-requests';
import type { TIncidentDto } from '../../../lib/api/incidents';
import { assertCan, authorOf, can, type TActor } from '../access/actor';
import { findIncident, findPerson } from './find-incident';
import { runIncidentChange } from './incident-tx';

/**
 * Moves ownership to another person; the timeline records from whom to whom.
 * The owner may hand over; a lead may reassign anyone's incident or take it
 * over (toUserId = themselves).
 */
export async function handoverIncident(opts: {
  ctx: TServiceContext;
  actor: TActor;
  ref: string;
  room?: string;
  input: THandover;
}): Promise<TIncidentDto> {
  const { ctx, actor, input } = opts;
  const row = await findIncident({ ctx, ref: opts.ref, room: opts.room });
  assertCan(actor, 'incident:write', row.roomId);
  const me = authorOf(actor);
  if (row.ownerId !== me.id) assertCan(actor, 'incident:lead', row.roomId);
  const to = await findPerson({ ctx, id: input.toUserId, field: 'toUserId', minRole: 'engineer' });
  if (to.id === row.ownerId) throw new AppError('conflict', `${to.name} already owns incident ${row.number}`);
  const { incident } = await runIncidentChange({
    ctx,
    actor,
    incident: row,
    fn: async (tx, append) => {
      const now = new Date();
      const done = await tx.incident.updateMany({
        where: { id: row.id, ownerId: row.ownerId },
        data: { ownerId: to.id, claimedAt: now, ownerActiveAt: now, version: { increment: 1 } },
      });
      if (done.count === 0) throw new AppError('conflict', 'the owner changed meanwhile; reload and try again');
      const from = row.ownerId ? await tx.user.findUnique({ where: { id: row.ownerId }, select: { id: true, name: true } }) : null;
      await append({
        kind: 'handover',
        body: input.note || null,
        data: { from, to, takeover: to.id === me.id && !!from && can(actor, 'incident:lead', row.roomId) },
      });
    },
  });
  return incident;
}
