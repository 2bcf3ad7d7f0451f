import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TIncidentDto } from '../../../lib/api/incidents';
import { assertCan, authorOf, can, type TActor } from '../access/actor';
import { findIncident } from './find-incident';
import { runIncidentChange } from './incident-tx';

/** Gives up a claim: the owner may, and so may a lead. The incident is unowned afterwards. */
export async function releaseIncident(opts: { ctx: TServiceContext; actor: TActor; ref: string; room?: string }): Promise<TIncidentDto> {
  const { ctx, actor } = opts;
  const row = await findIncident({ ctx, ref: opts.ref, room: opts.room, write: true });
  assertCan(actor, 'incident:write', row.roomId);
  const me = authorOf(actor);
  if (!row.ownerId) throw new AppError('conflict', `incident ${row.number} has no owner`);
  if (row.ownerId !== me.id && !can(actor, 'incident:lead', row.roomId))
    throw new AppError('forbidden', 'only the owner or a lead may release a claim');
  const { incident } = await runIncidentChange({
    ctx,
    actor,
    incident: row,
    fn: async (tx, append) => {
      // Conditional on the owner we checked: a handover in between is not undone.
      const done = await tx.incident.updateMany({
        where: { id: row.id, ownerId: row.ownerId },
        // Unowned anew from now: escalation counts from here, and the notices of an earlier stretch are done with.
        data: {
          ownerId: null,
          claimedAt: null,
          ownerActiveAt: null,
          releasedAt: new Date(),
          unclaimedNoticeAt: null,
          version: { increment: 1 },
        },
      });
      if (done.count === 0) throw new AppError('conflict', 'the owner changed meanwhile; reload and try again');
      const from = await tx.user.findUnique({ where: { id: row.ownerId! }, select: { id: true, name: true } });
      await append({ kind: 'release', data: { from } });
    },
  });
  return incident;
}
