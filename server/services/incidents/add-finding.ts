import type { TServiceContext } from '../../context';
import { changeIncident } from './change-incident';
import type { TNewFinding } from '../../../lib/api/incident-requests';
import type { TIncidentDto } from '../../../lib/api/incidents';
import { authorOf, type TActor } from '../access/actor';

/** Posts a hypothesis to the elimination log ("middleware?"). */
export async function addFinding(opts: {
  ctx: TServiceContext;
  actor: TActor;
  ref: string;
  room?: string;
  input: TNewFinding;
}): Promise<TIncidentDto> {
  const { input, actor } = opts;
  return changeIncident({
    ...opts,
    fn: async (tx, append, row) => {
      const f = await tx.finding.create({ data: { incidentId: row.id, text: input.text, createdById: authorOf(actor).id } });
      await tx.incident.update({ where: { id: row.id }, data: { version: { increment: 1 } } });
      await append({ kind: 'finding', body: input.text, data: { findingId: f.id, text: input.text, from: null, to: 'open' } });
    },
  });
}
