import type { TServiceContext } from '../../context';
import type { THelper } from '../../../lib/api/incident-requests';
import type { TIncidentDto } from '../../../lib/api/incidents';
import { assertCan, type TActor } from '../access/actor';
import { findIncident, findPerson } from './find-incident';
import { runIncidentChange } from './incident-tx';

/** Adds (or with remove, takes off) a helper: "also on it". Repeats are no-ops. */
export async function setHelper(opts: {
  ctx: TServiceContext;
  actor: TActor;
  ref: string;
  room?: string;
  input: THelper;
}): Promise<TIncidentDto> {
  const { ctx, actor, input } = opts;
  const row = await findIncident({ ctx, ref: opts.ref, room: opts.room });
  assertCan(actor, 'incident:write', row.roomId);
  const person = await findPerson({ ctx, id: input.userId, field: 'userId', minRole: 'engineer' });
  const { incident } = await runIncidentChange({
    ctx,
    actor,
    incident: row,
    fn: async (tx, append) => {
      const key = { incidentId_userId: { incidentId: row.id, userId: person.id } };
      const exists = await tx.incidentHelper.findUnique({ where: key });
      if (input.remove ? !exists : exists) return;
      if (input.remove) await tx.incidentHelper.delete({ where: key });
      else await tx.incidentHelper.create({ data: { incidentId: row.id, userId: person.id } });
      await tx.incident.update({ where: { id: row.id }, data: { version: { increment: 1 } } });
      await append({ kind: 'helper', data: { helper: person, removed: !!input.remove } });
    },
  });
  return incident;
}
