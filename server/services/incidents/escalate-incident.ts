import type { TServiceContext } from '../../context';
import type { TEscalate } from '../../../lib/api/incident-requests';
import type { TIncidentDto } from '../../../lib/api/incidents';
import { assertCan, type TActor } from '../access/actor';
import { findIncident, findPerson } from './find-incident';
import { runIncidentChange } from './incident-tx';

/**
 * Pulls in a named lead. The escalation entry names them; server/realtime
 * pushes it to their own channel so they see it at once, wherever they are.
 */
export async function escalateIncident(opts: {
  ctx: TServiceContext;
  actor: TActor;
  ref: string;
  room?: string;
  input: TEscalate;
}): Promise<TIncidentDto> {
  const { ctx, actor, input } = opts;
  const row = await findIncident({ ctx, ref: opts.ref, room: opts.room });
  assertCan(actor, 'incident:write', row.roomId);
  const lead = await findPerson({ ctx, id: input.leadId, field: 'leadId', minRole: 'lead' });
  const { incident } = await runIncidentChange({
    ctx,
    actor,
    incident: row,
    fn: async (tx, append) => {
      await tx.incident.update({ where: { id: row.id }, data: { escalatedToId: lead.id, version: { increment: 1 } } });
      await append({ kind: 'escalation', body: input.note || null, data: { to: lead } });
    },
  });
  return incident;
}
