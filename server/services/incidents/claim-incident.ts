import type { TServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { TIncidentDto } from '../../../lib/api/incidents';
import { assertCan, authorOf, type TActor } from '../access/actor';
import { findIncident } from './find-incident';
import { runIncidentChange } from './incident-tx';

/**
 * "I'm on it". The owner is set by a conditional update (only while nobody
 * owns it), so of any number of simultaneous claims exactly one wins, on
 * SQLite and PostgreSQL alike; the others get 409 already_claimed naming the
 * owner. Claiming one's own incident again is a no-op 200.
 */
export async function claimIncident(opts: { ctx: TServiceContext; actor: TActor; ref: string; room?: string }): Promise<TIncidentDto> {
  const { ctx, actor } = opts;
  const row = await findIncident({ ctx, ref: opts.ref, room: opts.room });
  assertCan(actor, 'incident:write', row.roomId);
  const me = authorOf(actor);
  if (row.status === 'resolved') throw new AppError('conflict', `incident ${row.number} is resolved; reopen it before claiming`);
  const { result, incident } = await runIncidentChange({
    ctx,
    actor,
    incident: row,
    fn: async (tx, append) => {
      const now = new Date();
      const won = await tx.incident.updateMany({
        where: { id: row.id, ownerId: null },
        data: { ownerId: me.id, claimedAt: now, ownerActiveAt: now, version: { increment: 1 } },
      });
      if (won.count === 1) {
        // Only people may write (assertCan above): the claimant has an id.
        await append({ kind: 'claim', data: { owner: { id: me.id!, name: me.name } } });
        return 'won' as const;
      }
      const current = await tx.incident.findUniqueOrThrow({ where: { id: row.id }, select: { ownerId: true } });
      if (current.ownerId === me.id) return 'mine' as const;
      const owner = current.ownerId ? await tx.user.findUnique({ where: { id: current.ownerId }, select: { id: true, name: true } }) : null;
      throw new AppError('already_claimed', `already claimed by ${owner?.name ?? 'someone else'}`, undefined, { owner });
    },
  });
  void result;
  return incident;
}
